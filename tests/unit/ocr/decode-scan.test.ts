import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeScan } from '../../../electron/core/ocr/decode-scan';

const hostile = (name: string) =>
  new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/hostile-scans', name)));
const scan = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/scans', name)));

describe('decoding scans (hostile input refused as a typed problem, never an exception)', () => {
  it.each([
    ['truncated.png', 'NOT_AN_IMAGE'],
    ['huge-dimensions.png', 'IMAGE_TOO_LARGE'],
    ['garbage-after-header.jpg', 'NOT_AN_IMAGE'],
    ['no-image.pdf', 'NOT_AN_IMAGE'],
    ['huge-image.pdf', 'IMAGE_TOO_LARGE'],
    ['deflate-bomb.pdf', 'NOT_AN_IMAGE'],
    ['zip-renamed.pdf', 'NOT_AN_IMAGE'],
    ['text-renamed.png', 'NOT_AN_IMAGE'],
  ])('%s -> %s with a sentence naming the file', async (name, code) => {
    const result = await decodeScan(hostile(name), name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(name);
    expect(result.error.message).toMatch(/\.$/);
  });

  it('refuses an empty file and a file over the size cap before looking inside', async () => {
    const empty = await decodeScan(new Uint8Array(), 'empty.jpg');
    expect(!empty.ok && empty.error.code).toBe('NOT_AN_IMAGE');
    const big = await decodeScan(new Uint8Array(30 * 1024 * 1024), 'big.png');
    expect(!big.ok && big.error.code).toBe('IMAGE_TOO_LARGE');
  });

  it('decodes a PNG, a JPEG, and each page image of a two-page PDF', async () => {
    const png = await decodeScan(scan('printed-straight.png'), 'printed-straight.png');
    const jpeg = await decodeScan(scan('phone-photo.jpg'), 'phone-photo.jpg');
    const twoPages = await decodeScan(scan('two-pages.pdf'), 'two-pages.pdf');
    for (const result of [png, jpeg, twoPages]) {
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      for (const page of result.value) {
        expect(page.image.width).toBeGreaterThan(1000);
        expect(page.image.data.length).toBe(page.image.width * page.image.height);
      }
    }
    expect(twoPages.ok && twoPages.value.map((page) => page.pageNumber)).toEqual([1, 2]);
  });
});
