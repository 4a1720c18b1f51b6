import type { GrayImage } from './gray-image';
import { inkComponents } from './ink-components';

/**
 * One comb box's ink, cleaned and normalised the way MNIST digits are (LeCun et al.): the
 * digit's bounding box scaled to fit 20x20 keeping its shape, placed in 28x28 by its centre of
 * mass. Both engines read the same cleaned ink, and the classifier is trained on crops made by
 * this very function, so training and reading see digits the same way.
 */
export const DIGIT_SIZE = 28;
const FIT = 20;

export interface DigitInk {
  /** Share of the box's pixels that are ink after the printed box lines and specks are removed. */
  readonly inkRatio: number;
  /** The largest kept stroke, as a share of the box (a speck of dust is tiny, a digit is not). */
  readonly largestStroke: number;
  /** 28x28 ink intensities 0..1 (1 = ink), row-major; null when the box holds no ink. */
  readonly normalized: Float32Array | null;
  /** The cleaned ink as a black-on-white picture the size of the box (for tesseract). */
  readonly cleaned: GrayImage;
}

/** Below this the box is empty: a few stray pixels of noise, or nothing. */
export const EMPTY_INK_RATIO = 0.006;
export const EMPTY_STROKE_RATIO = 0.004;

/** Ink and paper levels of a crop: paper is its bright end, ink what is clearly darker. */
export function inkThreshold(crop: GrayImage): { paper: number; threshold: number } {
  const histogram = new Uint32Array(256);
  for (const value of crop.data) histogram[value] = (histogram[value] as number) + 1;
  // Paper: the 80th percentile (most of a box is paper even when a digit fills it).
  const target = crop.data.length * 0.8;
  let seen = 0;
  let paper = 255;
  for (let value = 0; value < 256; value += 1) {
    seen += histogram[value] as number;
    if (seen >= target) {
      paper = value;
      break;
    }
  }
  paper = Math.max(paper, 60);
  // Thin or light strokes (a fine pen, an outline hand, blur) stay well above black: anything
  // clearly darker than the paper is ink. Grain is far smaller than this margin.
  return { paper, threshold: paper - Math.max(28, paper * 0.2) };
}

export function extractDigit(crop: GrayImage): DigitInk {
  const { width, height, data } = crop;
  const { paper, threshold } = inkThreshold(crop);
  const binary = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i += 1) binary[i] = (data[i] as number) < threshold ? 1 : 0;
  const area = width * height;
  const keep = new Uint8Array(width * height);
  let kept = 0;
  let largest = 0;
  for (const { pixels, minX, minY, maxX, maxY } of inkComponents(binary, width, height)) {
    const boxWidth = maxX - minX + 1;
    const boxHeight = maxY - minY + 1;
    const touchesEdge = minX === 0 || minY === 0 || maxX === width - 1 || maxY === height - 1;
    // The printed box's own lines show at the crop's edges when alignment is a pixel or two off:
    // long thin strokes along an edge, or a blob that stays within the outer band.
    const lineLike =
      touchesEdge &&
      ((boxWidth > width * 0.5 && boxHeight < height * 0.22) || (boxHeight > height * 0.5 && boxWidth < width * 0.22));
    const bandX = width * 0.12;
    const bandY = height * 0.12;
    const inBand = maxX < bandX || minX > width - 1 - bandX || maxY < bandY || minY > height - 1 - bandY;
    const speck = pixels.length < Math.max(3, area * 0.0015);
    if (lineLike || (touchesEdge && inBand) || speck) continue;
    for (const index of pixels) keep[index] = 1;
    kept += pixels.length;
    largest = Math.max(largest, pixels.length);
  }
  const inkRatio = kept / area;
  const largestStroke = largest / area;
  const cleanedData = new Uint8Array(width * height).fill(255);
  // Ink intensity keeps the anti-aliasing of the strokes (MNIST digits are gray-edged, not binary).
  const intensity = new Float32Array(width * height);
  const span = Math.max(1, paper - Math.min(paper - 40, darkest(data)));
  for (let i = 0; i < data.length; i += 1) {
    if (!keep[i] && !nearKept(keep, i, width, height)) continue;
    const value = Math.min(1, Math.max(0, (paper - (data[i] as number)) / span));
    intensity[i] = value;
    cleanedData[i] = Math.round(255 - 255 * value);
  }
  const cleaned: GrayImage = { width, height, data: cleanedData };
  const isEmpty = inkRatio < EMPTY_INK_RATIO || largestStroke < EMPTY_STROKE_RATIO;
  return { inkRatio, largestStroke, normalized: isEmpty ? null : normalize(intensity, width, height), cleaned };
}

function darkest(data: Uint8Array): number {
  // 2nd percentile, so one dead pixel does not set the ink level.
  const histogram = new Uint32Array(256);
  for (const value of data) histogram[value] = (histogram[value] as number) + 1;
  const target = data.length * 0.02;
  let seen = 0;
  for (let value = 0; value < 256; value += 1) {
    seen += histogram[value] as number;
    if (seen >= target) return value;
  }
  return 0;
}

function nearKept(keep: Uint8Array, index: number, width: number, height: number): boolean {
  const x = index % width;
  const y = (index - x) / width;
  for (let dy = -1; dy <= 1; dy += 1) {
    for (let dx = -1; dx <= 1; dx += 1) {
      const nx = x + dx;
      const ny = y + dy;
      if (nx >= 0 && ny >= 0 && nx < width && ny < height && keep[ny * width + nx]) return true;
    }
  }
  return false;
}

/** Bounding box to 20x20 (area-averaged, aspect kept), then centre of mass at the middle of 28x28. */
export function normalize(intensity: Float32Array, width: number, height: number): Float32Array | null {
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if ((intensity[y * width + x] as number) > 0.05) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (maxX < 0) return null;
  const boxWidth = maxX - minX + 1;
  const boxHeight = maxY - minY + 1;
  const scale = FIT / Math.max(boxWidth, boxHeight);
  const outWidth = Math.max(1, Math.round(boxWidth * scale));
  const outHeight = Math.max(1, Math.round(boxHeight * scale));
  const small = new Float32Array(outWidth * outHeight);
  // Area averaging: each output pixel is the mean of the source pixels it covers.
  for (let oy = 0; oy < outHeight; oy += 1) {
    const y0 = minY + (oy * boxHeight) / outHeight;
    const y1 = minY + ((oy + 1) * boxHeight) / outHeight;
    for (let ox = 0; ox < outWidth; ox += 1) {
      const x0 = minX + (ox * boxWidth) / outWidth;
      const x1 = minX + ((ox + 1) * boxWidth) / outWidth;
      let sum = 0;
      let weight = 0;
      for (let sy = Math.floor(y0); sy < Math.ceil(y1); sy += 1) {
        const wy = Math.min(sy + 1, y1) - Math.max(sy, y0);
        if (wy <= 0) continue;
        for (let sx = Math.floor(x0); sx < Math.ceil(x1); sx += 1) {
          const wx = Math.min(sx + 1, x1) - Math.max(sx, x0);
          if (wx <= 0) continue;
          sum += (intensity[sy * width + sx] as number) * wx * wy;
          weight += wx * wy;
        }
      }
      small[oy * outWidth + ox] = weight > 0 ? sum / weight : 0;
    }
  }
  let mass = 0;
  let cx = 0;
  let cy = 0;
  for (let y = 0; y < outHeight; y += 1) {
    for (let x = 0; x < outWidth; x += 1) {
      const value = small[y * outWidth + x] as number;
      mass += value;
      cx += value * x;
      cy += value * y;
    }
  }
  if (mass <= 0) return null;
  const offsetX = Math.round(DIGIT_SIZE / 2 - 0.5 - cx / mass);
  const offsetY = Math.round(DIGIT_SIZE / 2 - 0.5 - cy / mass);
  const out = new Float32Array(DIGIT_SIZE * DIGIT_SIZE);
  for (let y = 0; y < outHeight; y += 1) {
    const ty = y + offsetY;
    if (ty < 0 || ty >= DIGIT_SIZE) continue;
    for (let x = 0; x < outWidth; x += 1) {
      const tx = x + offsetX;
      if (tx < 0 || tx >= DIGIT_SIZE) continue;
      out[ty * DIGIT_SIZE + tx] = small[y * outWidth + x] as number;
    }
  }
  return out;
}
