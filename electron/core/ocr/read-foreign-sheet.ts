/**
 * The full-page fallback (docs/OCR.md): a picture with no Tallyroom worksheet in it, such as
 * a phone photo of a hand-drawn tally or another party's form, read as a table of numbers. Decoded by
 * the same capped decoder as worksheets, read by the same offline tesseract pool, one pass over the
 * whole page; the numbers come back with their boxes, and a suggestion of whose they are. Nothing
 * here is ever accepted: the person maps and confirms every field.
 */
import { cleanTablePage } from './clean-table-page';
import type { ForeignLine, ForeignReading } from './foreign-reading';
import { downscale, encodeGrayPng, type GrayImage } from './gray-image';
import { numberTokens } from './number-tokens';
import type { ScanCounty } from './scan-county';
import type { PixelBox } from './scan-reading';
import { suggestForeignMapping } from './suggest-foreign-mapping';
import type { PageBox, TesseractPool } from './tesseract-pool';

/**
 * Longest side of the page as read and stored, in pixels. A 12-megapixel phone photo of a sheet has
 * letters far bigger than tesseract needs; reading it whole costs many seconds and memory.
 */
export const FOREIGN_MAX_SIDE = 2000;

export async function readForeignPage(
  image: GrayImage,
  pageNumber: number,
  county: ScanCounty,
  pool: TesseractPool,
): Promise<ForeignReading> {
  const started = performance.now();
  const page = downscale(image, Math.ceil(Math.max(image.width, image.height) / FOREIGN_MAX_SIDE));
  const read = await pool.readPage(encodeGrayPng(cleanTablePage(page)));
  const lines: ForeignLine[] = read
    .map((line) => ({
      text: line.text,
      box: pixelBox(line.bbox),
      words: line.words
        .filter((word) => word.text.trim().length > 0)
        .map((word) => ({ text: word.text.trim(), box: pixelBox(word.bbox), confidence: word.confidence / 100 })),
    }))
    .filter((line) => line.words.length > 0);
  const tokens = numberTokens(lines);
  const suggestion = suggestForeignMapping({
    lines,
    tokens,
    candidates: [...county.candidates].sort((a, b) => a.ballotOrder - b.ballotOrder).map((candidate) => candidate.name),
    precincts: county.precincts.map(({ code, name }) => ({ code, name })),
  });
  return {
    pageNumber,
    lines,
    tokens,
    suggestion,
    page: { png: encodeGrayPng(page), width: page.width, height: page.height },
    elapsedMs: Math.round(performance.now() - started),
  };
}

function pixelBox(box: PageBox): PixelBox {
  return { x: box.x0, y: box.y0, width: Math.max(0, box.x1 - box.x0), height: Math.max(0, box.y1 - box.y0) };
}
