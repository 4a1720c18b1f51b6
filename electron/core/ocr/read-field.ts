import { classifyDigit, type DigitModel, type DigitNet } from './digit-classifier';
import { type DigitInk, extractDigit, inkThreshold } from './digit-crop';
import { cropImage, encodeGrayPng, type GrayImage, grayImage } from './gray-image';
import type { PixelBox } from './scan-reading';
import type { TesseractPool, TesseractRead } from './tesseract-pool';
import { BOX_BORDER_INSET, type CombField, type Rect } from './worksheet-layout';

/**
 * Reads one comb field with three readers, box by box: the two in-process networks (pixels and
 * stroke directions, digit-classifier.ts) read each box's normalised ink on its own; tesseract
 * reads the cleaned boxes of the field set side by side as one line (one call per field instead
 * of one per box), and each box alone as a single character when that line does not come back
 * with one digit per written box.
 */
export interface EngineDigit {
  readonly digit: string;
  /** 0..1 */
  readonly confidence: number;
}

export interface FieldRead {
  readonly box: PixelBox;
  /** Per box: whether it holds writing. */
  readonly inked: readonly boolean[];
  /** A written box after an empty one (e.g. "1 _ 3"): the boxes do not spell one number. */
  readonly gap: boolean;
  /** The pixel network's digit per written box. */
  readonly pixels: readonly EngineDigit[];
  /** The stroke-direction network's digit per written box. */
  readonly gradients: readonly EngineDigit[];
  /** tesseract's digit per written box; null for a box it could not read as one digit. */
  readonly tesseract: readonly (EngineDigit | null)[];
  /** The networks' reading: where they differ, the direction network's digit (it generalises better). */
  readonly classifierText: string | null;
  /** tesseract's reading of the field; null when it could not read every box, or was not asked (TesseractNeeded). */
  readonly tesseractText: string | null;
}

/**
 * A box with its printed border wiped out. People write digits as tall as the box, so cropping
 * well inside the border would cut them; instead the crop takes the whole box plus a point of
 * slack, finds the border's rows and columns (lines of ink across most of the box near an edge),
 * and paints them and everything outside them white.
 */
const SLACK = 1;

export function boxCrop(page: GrayImage, rect: Rect, scale: number): GrayImage {
  const crop = cropImage(
    page,
    (rect.x - SLACK) * scale,
    (rect.y - SLACK) * scale,
    (rect.width + 2 * SLACK) * scale,
    (rect.height + 2 * SLACK) * scale,
  );
  return wipeBorder(crop, Math.max(2, Math.round((BOX_BORDER_INSET + SLACK + 1) * scale)), scale);
}

function wipeBorder(crop: GrayImage, band: number, scale: number): GrayImage {
  const { width, height } = crop;
  const data = Uint8Array.from(crop.data);
  const { paper, threshold } = inkThreshold(crop);
  const isInk = (x: number, y: number) => (data[y * width + x] as number) < threshold;
  const rowInk = (y: number) => {
    let count = 0;
    for (let x = 0; x < width; x += 1) if (isInk(x, y)) count += 1;
    return count / width;
  };
  const columnInk = (x: number) => {
    let count = 0;
    for (let y = 0; y < height; y += 1) if (isInk(x, y)) count += 1;
    return count / height;
  };
  // A printed line is one point thick; blur and resampling spread it over a few more pixels.
  const thickness = Math.max(2, Math.ceil(scale) + 1);
  const topLine = borderLine(rowInk, 0, 1, Math.min(band, height), thickness);
  const bottomLine = borderLine(rowInk, height - 1, -1, Math.min(band, height), thickness);
  const leftLine = borderLine(columnInk, 0, 1, Math.min(band, width), thickness);
  const rightLine = borderLine(columnInk, width - 1, -1, Math.min(band, width), thickness);
  // Without a visible border line (faded print), fall back to the layout's own inset.
  const top = topLine ?? Math.min(band, height) - 1;
  const bottom = bottomLine ?? Math.max(0, height - band);
  const left = leftLine ?? Math.min(band, width) - 1;
  const right = rightLine ?? Math.max(0, width - band);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (y <= top + 1 || y >= bottom - 1 || x <= left + 1 || x >= right - 1) data[y * width + x] = paper;
    }
  }
  return { width, height, data };
}

/**
 * The inner edge of the printed border line on one side: the strongest row (or column) within
 * the band, then inward while the line goes on (its thickness, blurred). Not simply the innermost
 * strong row: a tall digit's own top stroke (3, 5, 7, a zero's arc) can cross half the box inside
 * the band, and taking it for the border wiped the top of the digit away. Null when no line shows.
 */
function borderLine(
  inkShare: (index: number) => number,
  edge: number,
  inward: 1 | -1,
  band: number,
  thickness: number,
): number | null {
  let best = -1;
  let bestShare = 0.45;
  for (let step = 0; step < band; step += 1) {
    const share = inkShare(edge + inward * step);
    if (share > bestShare) {
      bestShare = share;
      best = step;
    }
  }
  if (best < 0) return null;
  let inner = best;
  while (inner + 1 < band && inner + 1 - best < thickness && inkShare(edge + inward * (inner + 1)) > bestShare * 0.6) {
    inner += 1;
  }
  return edge + inward * inner;
}

export function fieldPixelBox(field: CombField, scale: number): PixelBox {
  return {
    x: Math.round(field.rect.x * scale),
    y: Math.round(field.rect.y * scale),
    width: Math.round(field.rect.width * scale),
    height: Math.round(field.rect.height * scale),
  };
}

/** Every box's ink (the cheap part, done for all fields before any engine runs: blank-sheet test). */
export function fieldInk(page: GrayImage, field: CombField, scale: number): DigitInk[] {
  return field.boxes.map((rect) => extractDigit(boxCrop(page, rect, scale)));
}

/**
 * Whether tesseract's reading can still change anything, given the networks' digits: the reader
 * asks it only for fields with a digit the networks alone are not sure of (most of a page's
 * fields are not: tesseract is most of the time a page takes).
 */
export type TesseractNeeded = (pixels: readonly EngineDigit[], gradients: readonly EngineDigit[]) => boolean;

export async function readField(
  field: CombField,
  inks: readonly DigitInk[],
  scale: number,
  model: DigitModel,
  tesseract: TesseractPool,
  tesseractNeeded: TesseractNeeded = () => true,
): Promise<FieldRead> {
  const inked = inks.map((ink) => ink.normalized !== null);
  const first = inked.indexOf(true);
  const last = inked.lastIndexOf(true);
  const gap = first >= 0 && inked.slice(first, last + 1).includes(false);
  const written = inks.filter((ink) => ink.normalized !== null);
  const guesses = (net: DigitNet) =>
    written.map((ink): EngineDigit => {
      const guess = classifyDigit(net, ink.normalized as Float32Array);
      return { digit: String(guess.digit), confidence: guess.probability };
    });
  const pixels = guesses(model.pixels);
  const gradients = guesses(model.gradients);
  const base = { box: fieldPixelBox(field, scale), inked, gap, pixels, gradients };
  if (written.length === 0) {
    return { ...base, tesseract: [], classifierText: null, tesseractText: null };
  }
  // Where the networks differ, the direction network's digit: it reads unseen hands better.
  const classifierText = gradients.map((guess) => guess.digit).join('');
  if (!tesseractNeeded(pixels, gradients)) {
    return { ...base, tesseract: written.map(() => null), classifierText, tesseractText: null };
  }
  const tesseractDigits = await readWithTesseract(written, tesseract);
  return {
    ...base,
    tesseract: tesseractDigits,
    classifierText,
    tesseractText: tesseractDigits.every((guess) => guess !== null)
      ? tesseractDigits.map((guess) => guess?.digit).join('')
      : null,
  };
}

/**
 * tesseract's digit per written box: the field as one line first (one call), and when that does
 * not give one digit per box (it drops or merges handwritten digits), each box alone; a box it
 * still cannot read as one digit is null, the others keep their reading.
 */
async function readWithTesseract(written: readonly DigitInk[], pool: TesseractPool): Promise<(EngineDigit | null)[]> {
  const line = await pool.read(encodeGrayPng(lineImage(written.map((ink) => ink.cleaned))), 'single-line');
  const digits = symbolsOf(line);
  if (digits.length === written.length) return digits;
  const singles = await Promise.all(
    written.map((ink) => pool.read(encodeGrayPng(lineImage([ink.cleaned])), 'single-char')),
  );
  return singles.map((read) => {
    const symbols = symbolsOf(read);
    return symbols.length === 1 ? (symbols[0] as EngineDigit) : null;
  });
}

function symbolsOf(read: TesseractRead): EngineDigit[] {
  return read.symbols
    .filter((symbol) => /^[0-9]$/.test(symbol.text))
    .map((symbol) => ({ digit: symbol.text, confidence: Math.max(0, Math.min(1, symbol.confidence / 100)) }));
}

/**
 * The cleaned boxes side by side on white, the printed borders gone, each digit's ink trimmed and
 * spaced evenly, with a margin: what tesseract reads best (a line of text, not a grid).
 */
export function lineImage(boxes: readonly GrayImage[]): GrayImage {
  const trimmed = boxes.map(trimToInk);
  const height = Math.max(...trimmed.map((box) => box.height));
  const gapWidth = Math.max(6, Math.round(height * 0.35));
  const margin = Math.max(10, Math.round(height * 0.6));
  const width = trimmed.reduce((sum, box) => sum + box.width, 0) + gapWidth * (trimmed.length - 1) + 2 * margin;
  const out = grayImage(width, height + 2 * margin);
  let x = margin;
  for (const box of trimmed) {
    const top = margin + Math.round((height - box.height) / 2);
    for (let row = 0; row < box.height; row += 1) {
      out.data.set(box.data.subarray(row * box.width, (row + 1) * box.width), (top + row) * width + x);
    }
    x += box.width + gapWidth;
  }
  return out;
}

function trimToInk(box: GrayImage): GrayImage {
  let minX = box.width;
  let minY = box.height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < box.height; y += 1) {
    for (let x = 0; x < box.width; x += 1) {
      if ((box.data[y * box.width + x] as number) < 200) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (maxX < 0) return box;
  return cropImage(box, minX, minY, maxX - minX + 1, maxY - minY + 1);
}
