import { PNG } from 'pngjs';

/**
 * A grayscale raster, one byte per pixel, 0 = black ink, 255 = white paper. Every step of reading
 * works on this one shape so no step needs to know which file format the page came from.
 */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export function grayImage(width: number, height: number, fill = 255): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(fill) };
}

/** Luma (ITU-R BT.601 integer weights) of interleaved pixels with `channels` bytes each. */
export function grayFromInterleaved(pixels: Uint8Array, width: number, height: number, channels: number): GrayImage {
  const data = new Uint8Array(width * height);
  if (channels === 1) {
    data.set(pixels.subarray(0, width * height));
    return { width, height, data };
  }
  for (let i = 0, p = 0; i < data.length; i += 1, p += channels) {
    if (channels === 2) {
      data[i] = pixels[p] ?? 255;
      continue;
    }
    const r = pixels[p] ?? 255;
    const g = pixels[p + 1] ?? 255;
    const b = pixels[p + 2] ?? 255;
    data[i] = (r * 299 + g * 587 + b * 114 + 500) / 1000;
  }
  return { width, height, data };
}

/** RGBA pixels where every alpha is honoured against white paper (transparent PNG = blank paper). */
export function grayFromRgba(rgba: Uint8Array, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < data.length; i += 1, p += 4) {
    const alpha = rgba[p + 3] ?? 255;
    const luma = ((rgba[p] ?? 255) * 299 + (rgba[p + 1] ?? 255) * 587 + (rgba[p + 2] ?? 255) * 114 + 500) / 1000;
    data[i] = (luma * alpha + 255 * (255 - alpha) + 127) / 255;
  }
  return { width, height, data };
}

/** The image turned clockwise by `quarterTurns` x 90 degrees. */
export function rotateQuarterTurns(image: GrayImage, quarterTurns: number): GrayImage {
  const turns = ((quarterTurns % 4) + 4) % 4;
  if (turns === 0) return image;
  const { width, height, data } = image;
  const outWidth = turns === 2 ? width : height;
  const outHeight = turns === 2 ? height : width;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const value = data[y * width + x] as number;
      let nx: number;
      let ny: number;
      if (turns === 1) {
        nx = height - 1 - y;
        ny = x;
      } else if (turns === 2) {
        nx = width - 1 - x;
        ny = height - 1 - y;
      } else {
        nx = y;
        ny = width - 1 - x;
      }
      out[ny * outWidth + nx] = value;
    }
  }
  return { width: outWidth, height: outHeight, data: out };
}

/** Box-filter downscale by an integer factor (fast, and averaging keeps thin strokes visible). */
export function downscale(image: GrayImage, factor: number): GrayImage {
  const f = Math.max(1, Math.floor(factor));
  if (f === 1) return image;
  const width = Math.max(1, Math.floor(image.width / f));
  const height = Math.max(1, Math.floor(image.height / f));
  const out = new Uint8Array(width * height);
  const area = f * f;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let dy = 0; dy < f; dy += 1) {
        const row = (y * f + dy) * image.width + x * f;
        for (let dx = 0; dx < f; dx += 1) sum += image.data[row + dx] as number;
      }
      out[y * width + x] = sum / area;
    }
  }
  return { width, height, data: out };
}

/** Gray to RGBA (for jsQR, which wants RGBA). */
export function toRgba(image: GrayImage): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0, p = 0; i < image.data.length; i += 1, p += 4) {
    const value = image.data[i] as number;
    rgba[p] = value;
    rgba[p + 1] = value;
    rgba[p + 2] = value;
    rgba[p + 3] = 255;
  }
  return rgba;
}

/** Bilinear sample at a fractional position; outside the image is white paper. */
export function sampleBilinear(image: GrayImage, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < 0 || y0 < 0 || x0 >= image.width - 1 || y0 >= image.height - 1) {
    const cx = Math.round(x);
    const cy = Math.round(y);
    if (cx < 0 || cy < 0 || cx >= image.width || cy >= image.height) return 255;
    return image.data[cy * image.width + cx] as number;
  }
  const fx = x - x0;
  const fy = y - y0;
  const i = y0 * image.width + x0;
  const a = image.data[i] as number;
  const b = image.data[i + 1] as number;
  const c = image.data[i + image.width] as number;
  const d = image.data[i + image.width + 1] as number;
  return a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy;
}

/** A rectangle of the image (clamped to it). */
export function cropImage(image: GrayImage, x: number, y: number, width: number, height: number): GrayImage {
  const left = Math.max(0, Math.floor(x));
  const top = Math.max(0, Math.floor(y));
  const right = Math.min(image.width, Math.ceil(x + width));
  const bottom = Math.min(image.height, Math.ceil(y + height));
  const w = Math.max(0, right - left);
  const h = Math.max(0, bottom - top);
  const data = new Uint8Array(w * h);
  for (let row = 0; row < h; row += 1) {
    data.set(image.data.subarray((top + row) * image.width + left, (top + row) * image.width + left + w), row * w);
  }
  return { width: w, height: h, data };
}

export function encodeGrayPng(image: GrayImage): Uint8Array {
  const png = new PNG({ width: image.width, height: image.height, colorType: 0, inputColorType: 0, bitDepth: 8 });
  png.data = Buffer.from(image.data);
  return new Uint8Array(PNG.sync.write(png, { colorType: 0, inputColorType: 0, deflateLevel: 3 }));
}
