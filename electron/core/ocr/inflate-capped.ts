import { Unzlib } from 'fflate';

const CHUNK = 16 * 1024;

/**
 * Zlib-inflates at most `maxBytes` (a PDF image stream's size follows from its width and height):
 * input goes in small chunks and inflating stops as soon as the output passes the cap, so a
 * deflate bomb never gets the chance to fill memory. Null for a damaged stream or one that inflates past the cap.
 */
export function inflateCapped(data: Uint8Array, maxBytes: number): Uint8Array | null {
  const out = new Uint8Array(maxBytes);
  let length = 0;
  let overflow = false;
  const inflater = new Unzlib((chunk) => {
    if (overflow) return;
    if (length + chunk.length > maxBytes) {
      // More data than the picture can hold: a damaged stream or a deflate bomb. Stop here.
      overflow = true;
      return;
    }
    out.set(chunk, length);
    length += chunk.length;
  });
  try {
    for (let offset = 0; offset < data.length && !overflow; offset += CHUNK) {
      inflater.push(data.subarray(offset, offset + CHUNK), offset + CHUNK >= data.length);
    }
  } catch {
    return null;
  }
  return overflow ? null : out.subarray(0, length);
}
