import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleFiles } from '../../electron/core/bundle/bag-layout';
import { readBundle } from '../../electron/core/bundle/bundle-container';
import { verifyBundle } from '../../electron/core/bundle/verify-bundle';
import { generateCountySigningKey } from '../../electron/core/signing/county-key';
import { expectOk, type TempCounty } from '../helpers/temp-county';
import { cleanCounty, exportCounty } from '../unit/bundle/bundle-fixtures';

const key = generateCountySigningKey();
let county: TempCounty;
let work: string;
let original: BundleFiles;

beforeAll(async () => {
  county = await cleanCounty('Linn County', 3);
  work = mkdtempSync(join(tmpdir(), 'tallyroom-tamper-'));
  original = expectOk(readBundle(exportCounty(county, key, join(work, 'linn')).path));
}, 60_000);
afterAll(() => {
  county.cleanup();
  rmSync(work, { recursive: true, force: true });
});

/** A copy of the bundle with one byte of one file changed. */
function withByteChanged(path: string, position: number, change: (byte: number) => number): BundleFiles {
  const copy: BundleFiles = new Map(original);
  const bytes = new Uint8Array(original.get(path) as Uint8Array);
  bytes[position] = change(bytes[position] as number) & 0xff;
  copy.set(path, bytes);
  return copy;
}

describe('verify notices any change to a bundle', () => {
  it('the untouched bundle is valid', () => {
    const verification = verifyBundle(original, key);
    expect(verification.problems).toEqual([]);
    expect(verification).toMatchObject({ valid: true, authentic: true, findings: [] });
  });

  it('detects every single-byte change at the start, middle and end of every file', () => {
    const files = [...original.keys()];
    expect(files).toEqual(
      expect.arrayContaining(['bag-info.txt', 'bagit.txt', 'tagmanifest-sha256.txt.minisig', 'data/results.json']),
    );
    const missed: string[] = [];
    let tried = 0;
    for (const path of files) {
      const length = (original.get(path) as Uint8Array).length;
      const positions = [...new Set([0, 1, Math.floor(length / 3), Math.floor(length / 2), length - 2, length - 1])];
      for (const position of positions) {
        for (const change of [
          (byte: number) => byte ^ 0x01,
          (byte: number) => byte ^ 0x20,
          (byte: number) => byte + 1,
        ]) {
          tried++;
          const verification = verifyBundle(withByteChanged(path, position, change), key);
          if (verification.valid || verification.problems.length === 0) missed.push(`${path}@${position}`);
        }
      }
    }
    expect(missed).toEqual([]);
    expect(tried).toBeGreaterThan(150);
  });

  it('detects a change to every byte of the signature file and of bag-info.txt', () => {
    for (const path of ['tagmanifest-sha256.txt.minisig', 'bag-info.txt']) {
      const length = (original.get(path) as Uint8Array).length;
      for (let position = 0; position < length; position++) {
        const verification = verifyBundle(
          withByteChanged(path, position, (byte) => byte ^ 0x01),
          key,
        );
        expect(verification.authentic, `${path}@${position}`).toBe(false);
      }
    }
  });

  it('names the changed file in plain words', () => {
    const csv = verifyBundle(
      withByteChanged('data/results.csv', 200, (byte) => byte ^ 0x01),
      key,
    );
    expect(csv.problems).toContainEqual({
      code: 'FILE_CHANGED',
      file: 'data/results.csv',
      message:
        'data/results.csv was changed after the bundle was signed (its sha256 does not match manifest-sha256.txt).',
    });
    const info = verifyBundle(
      withByteChanged('bag-info.txt', 30, (byte) => byte ^ 0x01),
      key,
    );
    expect(info.problems.map((problem) => problem.code)).toContain('FILE_CHANGED');
  });

  it('detects a file added, removed, or signed by another key', () => {
    const added: BundleFiles = new Map(original);
    added.set('data/extra.csv', new Uint8Array([1, 2, 3]));
    expect(verifyBundle(added, key).problems.map((problem) => problem.code)).toEqual(
      expect.arrayContaining(['FILE_UNEXPECTED', 'FILE_UNLISTED', 'PAYLOAD_OXUM_MISMATCH']),
    );
    const removed: BundleFiles = new Map(original);
    removed.delete('data/results.xlsx');
    expect(verifyBundle(removed, key).problems.map((problem) => problem.code)).toContain('FILE_MISSING');
    const other = verifyBundle(original, generateCountySigningKey());
    expect(other.authentic).toBe(false);
    expect(other.problems.map((problem) => problem.code)).toEqual(['WRONG_KEY']);
  });
});
