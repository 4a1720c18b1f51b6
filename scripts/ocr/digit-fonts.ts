import { existsSync } from 'node:fs';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * Fonts digits are rendered from for training and for synthetic test crops: the Debian
 * handwriting fonts (fonts-dkg-handwriting, fonts-breip, fonts-femkeklaver, fonts-rufscript) and
 * DejaVu for printed digits. Missing files are skipped, so the script says what it used.
 */
export const HANDWRITING_FONT_FILES = [
  '/usr/share/fonts/truetype/fifthhorseman/dkg.ttf',
  '/usr/share/fonts/truetype/fifthhorseman/dkgBd.ttf',
  '/usr/share/fonts/truetype/fifthhorseman/dkgIt.ttf',
  '/usr/share/fonts/truetype/breip/Breip.ttf',
  '/usr/share/fonts/truetype/femkeklaver/femkeklaver.ttf',
  '/usr/share/fonts/truetype/rufscript/Rufscript010.ttf',
] as const;

export const PRINTED_FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf',
] as const;

/**
 * The corpus's handwriting families (scripts/ocr-corpus/fonts.ts) and the font files each one is,
 * so training can leave one family out and the reader be measured on a hand it has never seen.
 */
export const HANDWRITING_FAMILY_FILES: Readonly<Record<string, string>> = {
  DkgHandwriting: '/fifthhorseman/',
  Breip: '/breip/',
  femkeklaver: '/femkeklaver/',
  Rufscript: '/rufscript/',
};

export interface RegisteredFont {
  readonly file: string;
  readonly family: string;
  readonly kind: 'handwriting' | 'printed';
}

/** Registers each font under its own alias (so variants of one family stay distinct). */
export function registerDigitFonts(): RegisteredFont[] {
  const fonts: RegisteredFont[] = [];
  const add = (files: readonly string[], kind: RegisteredFont['kind']) => {
    for (const file of files) {
      if (!existsSync(file)) continue;
      const family = `tr-${file.split('/').pop()?.replace(/\W/g, '')}`;
      GlobalFonts.registerFromPath(file, family);
      fonts.push({ file, family, kind });
    }
  };
  add(HANDWRITING_FONT_FILES, 'handwriting');
  add(PRINTED_FONT_FILES, 'printed');
  return fonts;
}
