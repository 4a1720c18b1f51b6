import jpeg from 'jpeg-js';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFObject, PDFRawStream, PDFRef } from 'pdf-lib';
import { PNG } from 'pngjs';
import { err, ok, type Result } from '../result';
import { type GrayImage, grayFromInterleaved, grayFromRgba } from './gray-image';
import { inflateCapped } from './inflate-capped';
import { SCAN_LIMITS } from './scan-limits';
import type { ScanProblem } from './scan-reading';

/** One page of a scan, decoded to gray. */
export interface DecodedPage {
  readonly pageNumber: number;
  readonly image: GrayImage;
}

type Decoded = Result<readonly DecodedPage[], ScanProblem>;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * PNG, JPEG or PDF bytes to gray pages. Hostile input is the normal case here (a scan arrives by
 * USB or email): sizes are read from the header and checked before decoding, and every failure is
 * a ScanProblem in plain words, never an exception.
 */
export async function decodeScan(bytes: Uint8Array, fileName: string): Promise<Decoded> {
  if (bytes.length === 0) return notAnImage(fileName, 'the file is empty');
  if (bytes.length > SCAN_LIMITS.maxFileBytes) {
    return tooLarge(fileName, `the file is ${Math.round(bytes.length / 1024 / 1024)} MB`);
  }
  if (startsWith(bytes, PNG_SIGNATURE)) return decodePng(bytes, fileName);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const page = decodeJpeg(bytes, fileName);
    return page.ok ? ok([{ pageNumber: 1, image: page.value }]) : page;
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return decodePdf(bytes, fileName);
  return notAnImage(fileName, 'it is not a PNG, JPEG or PDF');
}

function decodePng(bytes: Uint8Array, fileName: string): Decoded {
  if (bytes.length < 33 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') {
    return notAnImage(fileName, 'the PNG is cut short or damaged');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = checkSize(view.getUint32(16), view.getUint32(20), fileName);
  if (!size.ok) return size;
  try {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return ok([{ pageNumber: 1, image: grayFromRgba(png.data, png.width, png.height) }]);
  } catch {
    return notAnImage(fileName, 'the PNG is cut short or damaged');
  }
}

function decodeJpeg(bytes: Uint8Array, fileName: string): Result<GrayImage, ScanProblem> {
  const dimensions = jpegDimensions(bytes);
  if (!dimensions) return notAnImage(fileName, 'the JPEG is cut short or damaged');
  const size = checkSize(dimensions.width, dimensions.height, fileName);
  if (!size.ok) return size;
  try {
    const decoded = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      tolerantDecoding: true,
      maxResolutionInMP: SCAN_LIMITS.maxPixels / 1_000_000,
      maxMemoryUsageInMB: SCAN_LIMITS.maxJpegMemoryMB,
    });
    if (!decoded.width || !decoded.height) return notAnImage(fileName, 'the JPEG is cut short or damaged');
    return ok(grayFromRgba(decoded.data, decoded.width, decoded.height));
  } catch (error) {
    if (/maxResolutionInMP|maxMemoryUsageInMB/.test(String(error))) {
      return tooLarge(fileName, `the picture is ${dimensions.width} x ${dimensions.height} pixels`);
    }
    return notAnImage(fileName, 'the JPEG is cut short or damaged');
  }
}

/** Width and height from the first start-of-frame marker, walking segments (no pixel decoded). */
export function jpegDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] as number;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    const length = ((bytes[offset + 2] as number) << 8) | (bytes[offset + 3] as number);
    if (length < 2) return null;
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) {
      const height = ((bytes[offset + 5] as number) << 8) | (bytes[offset + 6] as number);
      const width = ((bytes[offset + 7] as number) << 8) | (bytes[offset + 8] as number);
      return width > 0 && height > 0 ? { width, height } : null;
    }
    offset += 2 + length;
  }
  return null;
}

async function decodePdf(bytes: Uint8Array, fileName: string): Promise<Decoded> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    return notAnImage(fileName, 'the PDF is damaged');
  }
  const pages = document.getPages();
  if (pages.length === 0) return notAnImage(fileName, 'the PDF has no pages');
  if (pages.length > SCAN_LIMITS.maxPdfPages) {
    return tooLarge(
      fileName,
      `the PDF has ${pages.length} pages, more than the ${SCAN_LIMITS.maxPdfPages} read at once`,
    );
  }
  const decoded: DecodedPage[] = [];
  for (const [index, page] of pages.entries()) {
    const image = largestImage(document, page.node.Resources());
    if (!image) {
      return notAnImage(
        fileName,
        `page ${index + 1} of the PDF holds no scanned picture (a PDF printed from a program has no picture to read; scan or photograph the filled-in paper)`,
      );
    }
    const pixels = decodePdfImage(image, fileName, index + 1);
    if (!pixels.ok) return pixels;
    decoded.push({ pageNumber: index + 1, image: pixels.value });
  }
  return ok(decoded);
}

/** The biggest image XObject a page draws (a scanner's PDF draws one picture per page). */
function largestImage(document: PDFDocument, resources: PDFDict | undefined): PDFRawStream | null {
  if (!resources) return null;
  const xobjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects) return null;
  let best: PDFRawStream | null = null;
  let bestArea = -1;
  for (const [, value] of xobjects.entries()) {
    const object = value instanceof PDFRef ? document.context.lookup(value) : value;
    if (!(object instanceof PDFRawStream)) continue;
    if (object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const area = numberOf(object.dict.get(PDFName.of('Width'))) * numberOf(object.dict.get(PDFName.of('Height')));
    if (area > bestArea) {
      best = object;
      bestArea = area;
    }
  }
  return best;
}

function decodePdfImage(stream: PDFRawStream, fileName: string, pageNumber: number): Result<GrayImage, ScanProblem> {
  const dict = stream.dict;
  const width = numberOf(dict.get(PDFName.of('Width')));
  const height = numberOf(dict.get(PDFName.of('Height')));
  const size = checkSize(width, height, fileName);
  if (!size.ok) return size;
  const filters = filterNames(dict.get(PDFName.of('Filter')));
  const unsupported = (what: string) =>
    notAnImage(
      fileName,
      `the picture on page ${pageNumber} of the PDF is stored as ${what}, which this reader does not decode; scan to PNG or JPEG instead`,
    );
  if (filters.length === 1 && filters[0] === 'DCTDecode') {
    const image = decodeJpeg(stream.contents, fileName);
    if (image.ok && (image.value.width !== width || image.value.height !== height)) {
      return notAnImage(fileName, `the picture on page ${pageNumber} of the PDF is damaged`);
    }
    return image;
  }
  if (filters.length > 1 || (filters.length === 1 && filters[0] !== 'FlateDecode')) {
    return unsupported(filters.join(' + '));
  }
  const bits = numberOf(dict.get(PDFName.of('BitsPerComponent')));
  const components = colorComponents(dict.get(PDFName.of('ColorSpace')), stream);
  if (components === null || (bits !== 8 && !(bits === 1 && components === 1))) {
    return unsupported('a colour format other than 8-bit gray, RGB or CMYK or 1-bit black and white');
  }
  const rowBytes = Math.ceil((width * components * bits) / 8);
  const params = stream.dict.lookupMaybe(PDFName.of('DecodeParms'), PDFDict);
  const predictor = params ? numberOf(params.get(PDFName.of('Predictor'))) : 1;
  const pngPredicted = predictor >= 10;
  if (predictor > 1 && !pngPredicted) return unsupported('a TIFF-predicted stream');
  const expected = (rowBytes + (pngPredicted ? 1 : 0)) * height;
  // One row of slack: some writers pad the end of the stream.
  const raw = filters.length === 0 ? stream.contents : inflateCapped(stream.contents, expected + rowBytes + 1);
  if (!raw || raw.length < expected)
    return notAnImage(fileName, `the picture on page ${pageNumber} of the PDF is damaged`);
  const rows = pngPredicted ? unpredictPng(raw, rowBytes, height, Math.max(1, (components * bits) / 8)) : raw;
  if (bits === 1) return ok(expandBits(rows, width, height, rowBytes));
  if (components === 4) return ok(grayFromCmyk(rows, width, height));
  return ok(grayFromInterleaved(rows, width, height, components));
}

function colorComponents(space: PDFObject | undefined, stream: PDFRawStream): number | null {
  const name = space instanceof PDFName ? space.asString() : null;
  if (name === '/DeviceGray' || name === '/CalGray') return 1;
  if (name === '/DeviceRGB' || name === '/CalRGB') return 3;
  if (name === '/DeviceCMYK') return 4;
  if (space instanceof PDFArray && space.size() >= 2) {
    const kind = space.get(0);
    const kindName = kind instanceof PDFName ? kind.asString() : '';
    if (kindName === '/CalGray') return 1;
    if (kindName === '/CalRGB') return 3;
    if (kindName === '/ICCBased') {
      const profile = space.lookup(1);
      const n = profile instanceof PDFRawStream ? numberOf(profile.dict.get(PDFName.of('N'))) : 0;
      return n === 1 || n === 3 || n === 4 ? n : null;
    }
  }
  if (space instanceof PDFRef) {
    const resolved = stream.dict.context.lookup(space);
    return resolved && resolved !== space ? colorComponents(resolved, stream) : null;
  }
  return null;
}

/** PNG row filters (PDF predictors 10 to 15): every row starts with its filter type byte. */
function unpredictPng(data: Uint8Array, rowBytes: number, height: number, bytesPerPixel: number): Uint8Array {
  const out = new Uint8Array(rowBytes * height);
  const bpp = Math.max(1, Math.floor(bytesPerPixel));
  for (let row = 0; row < height; row += 1) {
    const type = data[row * (rowBytes + 1)] as number;
    const source = row * (rowBytes + 1) + 1;
    const target = row * rowBytes;
    for (let i = 0; i < rowBytes; i += 1) {
      const raw = data[source + i] as number;
      const left = i >= bpp ? (out[target + i - bpp] as number) : 0;
      const up = row > 0 ? (out[target - rowBytes + i] as number) : 0;
      const upLeft = row > 0 && i >= bpp ? (out[target - rowBytes + i - bpp] as number) : 0;
      let value = raw;
      if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + ((left + up) >> 1);
      else if (type === 4) value = raw + paeth(left, up, upLeft);
      out[target + i] = value & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function expandBits(rows: Uint8Array, width: number, height: number, rowBytes: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const byte = rows[y * rowBytes + (x >> 3)] as number;
      data[y * width + x] = (byte >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
  }
  return { width, height, data };
}

function grayFromCmyk(pixels: Uint8Array, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < data.length; i += 1, p += 4) {
    const k = pixels[p + 3] as number;
    const ink = ((pixels[p] as number) * 30 + (pixels[p + 1] as number) * 59 + (pixels[p + 2] as number) * 11) / 100;
    data[i] = Math.max(0, 255 - Math.min(255, ink + k));
  }
  return { width, height, data };
}

function filterNames(filter: PDFObject | undefined): string[] {
  if (filter === undefined) return [];
  if (filter instanceof PDFName) return [filter.asString().slice(1)];
  if (filter instanceof PDFArray) {
    return filter.asArray().map((entry) => (entry instanceof PDFName ? entry.asString().slice(1) : '?'));
  }
  return ['?'];
}

function numberOf(value: PDFObject | undefined): number {
  return value instanceof PDFNumber ? value.asNumber() : 0;
}

function checkSize(width: number, height: number, fileName: string): Result<true, ScanProblem> {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    return notAnImage(fileName, 'its picture has no size');
  }
  if (width > SCAN_LIMITS.maxSide || height > SCAN_LIMITS.maxSide || width * height > SCAN_LIMITS.maxPixels) {
    return tooLarge(fileName, `the picture is ${width} x ${height} pixels`);
  }
  return ok(true);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function notAnImage(fileName: string, why: string): Result<never, ScanProblem> {
  return err({
    code: 'NOT_AN_IMAGE',
    message: `${fileName} could not be read as a worksheet scan: ${why}. Scan or photograph the worksheet again and save it as PNG, JPEG or PDF.`,
  });
}

function tooLarge(fileName: string, why: string): Result<never, ScanProblem> {
  return err({
    code: 'IMAGE_TOO_LARGE',
    message: `${fileName} is too large to read safely: ${why}, more than a worksheet scan needs (at most ${SCAN_LIMITS.maxSide} pixels a side, ${SCAN_LIMITS.maxPixels / 1_000_000} megapixels). Scan at 300 dpi or less.`,
  });
}
