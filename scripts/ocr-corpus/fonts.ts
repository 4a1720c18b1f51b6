/**
 * Fonts for the corpus: DejaVu Sans for printed digits and the sheet's own text, and four
 * handwriting fonts from Debian packages (fonts-dkg-handwriting, fonts-breip, fonts-femkeklaver,
 * fonts-rufscript) for handwriting-like digits. Registered once under our own family names.
 */
import { existsSync } from 'node:fs';
import { GlobalFonts } from '@napi-rs/canvas';

export const PRINTED_FONT = 'Corpus DejaVu Sans';

export const HANDWRITING_FONTS = ['DkgHandwriting', 'Breip', 'femkeklaver', 'Rufscript'] as const;
export type HandwritingFont = (typeof HANDWRITING_FONTS)[number];

/** Canvas family name -> font file. */
const FILES: Record<string, string> = {
  [PRINTED_FONT]: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  [`${PRINTED_FONT} Bold`]: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  'Corpus DkgHandwriting': '/usr/share/fonts/truetype/fifthhorseman/dkg.ttf',
  'Corpus Breip': '/usr/share/fonts/truetype/breip/Breip.ttf',
  'Corpus femkeklaver': '/usr/share/fonts/truetype/femkeklaver/femkeklaver.ttf',
  'Corpus Rufscript': '/usr/share/fonts/truetype/rufscript/Rufscript010.ttf',
};

let registered = false;

/** Registers every font; throws a clear message naming the Debian package when one is missing. */
export function registerCorpusFonts(): void {
  if (registered) return;
  for (const [family, path] of Object.entries(FILES)) {
    if (!existsSync(path)) {
      throw new Error(
        `Font file ${path} is missing: install fonts-dejavu-core, fonts-dkg-handwriting, fonts-breip, fonts-femkeklaver and fonts-rufscript.`,
      );
    }
    if (!GlobalFonts.registerFromPath(path, family)) {
      throw new Error(`Font file ${path} could not be loaded.`);
    }
  }
  registered = true;
}

/** The canvas family name a font was registered under. */
export function corpusFamily(font: HandwritingFont | 'printed' | 'printed-bold'): string {
  if (font === 'printed') return PRINTED_FONT;
  if (font === 'printed-bold') return `${PRINTED_FONT} Bold`;
  return `Corpus ${font}`;
}
