import type { GrayImage } from './gray-image';

/**
 * Ink mask by comparing each pixel with the mean of its neighbourhood (Bradley and Roth, 2007),
 * from an integral image: a phone photo is brighter by the window than in the corner, and one
 * global threshold would turn a shaded corner black. 1 = ink.
 */
export function adaptiveThreshold(image: GrayImage, windowFraction = 1 / 12, darkerBy = 0.15): Uint8Array {
  const { width, height, data } = image;
  const integral = new Float64Array((width + 1) * (height + 1));
  for (let y = 0; y < height; y += 1) {
    let rowSum = 0;
    for (let x = 0; x < width; x += 1) {
      rowSum += data[y * width + x] as number;
      integral[(y + 1) * (width + 1) + x + 1] = (integral[y * (width + 1) + x + 1] as number) + rowSum;
    }
  }
  const half = Math.max(4, Math.floor((Math.max(width, height) * windowFraction) / 2));
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const y0 = Math.max(0, y - half);
    const y1 = Math.min(height, y + half + 1);
    for (let x = 0; x < width; x += 1) {
      const x0 = Math.max(0, x - half);
      const x1 = Math.min(width, x + half + 1);
      const sum =
        (integral[y1 * (width + 1) + x1] as number) -
        (integral[y0 * (width + 1) + x1] as number) -
        (integral[y1 * (width + 1) + x0] as number) +
        (integral[y0 * (width + 1) + x0] as number);
      const mean = sum / ((x1 - x0) * (y1 - y0));
      out[y * width + x] = (data[y * width + x] as number) < mean * (1 - darkerBy) ? 1 : 0;
    }
  }
  return out;
}
