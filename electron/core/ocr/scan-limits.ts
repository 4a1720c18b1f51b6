import { INTAKE_LIMITS } from '../intake/limits';

/**
 * Caps on what the reader decodes (docs/ARCHITECTURE.md, "Untrusted input everywhere"). A flatbed scan of a
 * letter page at 300 dpi is 8.4 megapixels and a phone photo 12 to 50; past the caps a file is a
 * decompression bomb or not a worksheet, and it is refused from its header before any pixel is decoded.
 */
export const SCAN_LIMITS = {
  /** The same cap intake applies to a queued scan. */
  maxFileBytes: INTAKE_LIMITS.maxFileBytes,
  /** Pixels of one page image (width x height). */
  maxPixels: 50_000_000,
  /** Longest side of one page image. */
  maxSide: 12_000,
  /** Pages read from one PDF. */
  maxPdfPages: 40,
  /** jpeg-js working memory. */
  maxJpegMemoryMB: 768,
} as const;
