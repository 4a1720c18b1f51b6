import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCounty } from '../../electron/core/demo/load-demo-county';
import { createOcrEngine, type OcrEngine } from '../../electron/core/ocr/read-worksheet-scan';
import { type ScanCounty, scanCountyFromStore } from '../../electron/core/ocr/scan-county';
import { readingNeedsNoReview, type ScanReading } from '../../electron/core/ocr/scan-reading';
import { bundledLangPath, TesseractPool, tesseractWorkerOptions } from '../../electron/core/ocr/tesseract-pool';
import { openCountyStore } from '../../electron/core/store';
import type { PageTruth, ScanCorpusManifest } from '../../scripts/ocr-corpus/generate';

const SCANS = resolve(import.meta.dirname, '../fixtures/scans');
const manifest = JSON.parse(readFileSync(join(SCANS, 'manifest.json'), 'utf8')) as ScanCorpusManifest;
let work: string;
let county: ScanCounty;
let engine: OcrEngine;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tallyroom-ocr-'));
  const store = openCountyStore(join(work, 'county.db'));
  const loaded = loadDemoCounty(store, resolve(import.meta.dirname, '../../resources'), 'Demo', () => new Date());
  if (!loaded.ok) throw new Error(loaded.error.message);
  county = scanCountyFromStore(store) as ScanCounty;
  store.close();
  engine = createOcrEngine({ dataDir: join(work, 'ocr-data') });
});
afterAll(async () => {
  await engine.close();
  rmSync(work, { recursive: true, force: true });
});

async function read(file: string, expectedPrecinct?: string): Promise<readonly ScanReading[]> {
  const bytes = new Uint8Array(readFileSync(join(SCANS, file)));
  const result = await engine.read({
    county,
    bytes,
    fileName: file,
    ...(expectedPrecinct ? { expectedPrecinct } : {}),
  });
  if (!result.ok) throw new Error(`${file}: ${result.error.message}`);
  return result.value;
}

function wrongButAccepted(reading: ScanReading, truth: PageTruth) {
  return truth.fields.filter((expected) => {
    const field = reading.fields.find((f) => f.candidate === expected.candidate && f.column === expected.column);
    return field !== undefined && !field.needsReview && reading.problems.length === 0 && field.value !== expected.value;
  });
}

describe('reading the worksheet scan fixtures (tests/fixtures/scans, truth in manifest.json)', () => {
  for (const file of manifest.files) {
    it(`${file.file}: ${file.pages.map((page) => `${page.kind}/${page.fontKind}`).join(' + ')}`, async () => {
      const first = file.pages[0] as PageTruth;
      const readings = await read(file.file, file.pages.length === 1 ? first.expectedPrecinct : undefined);
      expect(readings.map((reading) => reading.pageNumber)).toEqual(file.pages.map((page) => page.page));
      for (const truth of file.pages) {
        const reading = readings.find((page) => page.pageNumber === truth.page) as ScanReading;
        // Zero silent errors: a wrong value never goes in without a person.
        expect(wrongButAccepted(reading, truth)).toEqual([]);
        if (truth.expectedProblem) {
          expect(reading.problems.map((problem) => problem.code)).toContain(truth.expectedProblem);
          expect(readingNeedsNoReview(reading)).toBe(false);
          continue;
        }
        expect(reading.problems).toEqual([]);
        // The QR decides which precinct this is.
        expect(reading.precinct).toBe(truth.precinct);
        expect(reading.page?.png.length).toBeGreaterThan(1000);
        const turn = Math.round(reading.rotationDegrees / 90) % 4;
        expect(turn).toBe(Math.round(truth.rotationDegrees / 90) % 4);
        if (truth.fontKind === 'printed') {
          for (const expected of truth.fields) {
            const field = reading.fields.find(
              (f) => f.candidate === expected.candidate && f.column === expected.column,
            );
            expect(field?.value, `${expected.candidate} ${expected.column}`).toBe(expected.value);
          }
        }
        if (!truth.consistent) {
          // The value changed on purpose is flagged by the sheet's arithmetic or its rules.
          const changed = reading.fields.find(
            (field) => field.candidate === truth.mistake?.candidate && field.column === truth.mistake?.column,
          );
          expect(changed?.reasons.some((reason) => reason === 'ARITHMETIC' || reason === 'RULES')).toBe(true);
          expect(readingNeedsNoReview(reading)).toBe(false);
        }
      }
    });
  }

  it("flags another precinct's sheet: the QR decides, the mismatch is a problem", async () => {
    const file = manifest.files.find((entry) => entry.pages[0]?.kind === 'wrong-precinct');
    if (!file) return;
    const truth = file.pages[0] as PageTruth;
    const [reading] = await read(file.file, truth.expectedPrecinct);
    expect(reading?.precinct).toBe(truth.precinct);
    expect(reading?.problems[0]?.code).toBe('PRECINCT_MISMATCH');
    expect(reading?.problems[0]?.message).toBe(
      `This is the worksheet of precinct ${truth.precinct}, not ${truth.expectedPrecinct}.`,
    );
  });

  it('says plainly when no worksheet can be found in a photo', async () => {
    const [reading] = await read('unreadable.jpg');
    expect(reading?.problems.map((problem) => problem.code)).toEqual(['NO_WORKSHEET_FOUND']);
    expect(reading?.problems[0]?.message).toMatch(/No Tallyroom worksheet was found in this picture/);
    expect(reading?.fields).toEqual([]);
  });

  it('refuses a file that is not a picture as a typed error, not an exception', async () => {
    const result = await engine.read({ county, bytes: new TextEncoder().encode('hello'), fileName: 'note.png' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('NOT_AN_IMAGE');
  });

  it('runs tesseract fully offline: bundled best_int language data, unpacked into the data folder, no URL anywhere', () => {
    const cache = join(work, 'ocr-data', 'tesseract-cache');
    const options = tesseractWorkerOptions(cache);
    expect(existsSync(join(bundledLangPath(), 'eng.traineddata.gz'))).toBe(true);
    expect(bundledLangPath()).toMatch(/@tesseract\.js-data[\\/]eng[\\/]4\.0\.0_best_int$/);
    // The model tesseract reads is the bundled one, unpacked whole inside the cache folder.
    expect(dirname(String(options.langPath))).toBe(cache);
    const unpacked = readFileSync(join(String(options.langPath), 'eng.traineddata'));
    expect(unpacked.equals(gunzipSync(readFileSync(join(bundledLangPath(), 'eng.traineddata.gz'))))).toBe(true);
    expect(options.cacheMethod).toBe('none');
    expect(JSON.stringify(options)).not.toMatch(/https?:|cdn|jsdelivr/i);
    // The engine has read scans above: nothing was written anywhere but the cache folder.
    expect(existsSync(join(process.cwd(), 'eng.traineddata'))).toBe(false);
    expect(readdirSync(String(options.langPath))).toEqual(['eng.traineddata']);
  });

  it('starts several tesseract workers at once on a fresh cache folder (each reads a whole model)', async () => {
    const cache = join(work, 'fresh-cache');
    const pools = await Promise.all([TesseractPool.create(cache, 2), TesseractPool.create(cache, 2)]);
    try {
      expect(pools.map((pool) => pool.size)).toEqual([2, 2]);
      const folders = readdirSync(cache);
      expect(folders).toHaveLength(1);
      expect(readdirSync(join(cache, folders[0] ?? ''))).toEqual(['eng.traineddata']);
    } finally {
      await Promise.all(pools.map((pool) => pool.close()));
    }
  });
});
