import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import jpeg from 'jpeg-js';
import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseWorksheetQr } from '../../../electron/core/ocr/worksheet-layout';
import { checkPrecinct } from '../../../electron/core/rules/check';
import {
  type CorpusCounty,
  generateScanCorpus,
  type PageTruth,
  type ScanCorpusManifest,
} from '../../../scripts/ocr-corpus/generate';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/scans');
const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as ScanCorpusManifest;
const pagesOf = (file: string) => manifest.files.find((entry) => entry.file === file)?.pages ?? [];
const only = (file: string) => {
  const page = pagesOf(file)[0];
  if (!page) throw new Error(`${file} is not in the manifest`);
  return page;
};

function decode(file: string): { data: Uint8ClampedArray; width: number; height: number } {
  const bytes = readFileSync(join(FIXTURES, file));
  const image = file.endsWith('.png') ? PNG.sync.read(bytes) : jpeg.decode(bytes, { useTArray: true });
  return {
    data: new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength),
    width: image.width,
    height: image.height,
  };
}

function qrOf(file: string): string | null {
  const image = decode(file);
  return jsQR(image.data, image.width, image.height)?.data ?? null;
}

function rulesFindings(page: PageTruth): string[] {
  const value = (candidate: string, column: 'first' | 'final' | 'delegates') =>
    page.fields.find((field) => field.candidate === candidate && field.column === column)?.value ?? null;
  const candidates = [...new Set(page.fields.map((field) => field.candidate))];
  const delegates = page.totals.delegates;
  return checkPrecinct(manifest.election.rulesProfile, {
    precinct: page.precinct,
    precinctDelegates: delegates,
    sdePerDelegate: null,
    coinTosses: page.coinTosses,
    lines: candidates.map((candidate) => ({
      candidate,
      firstAlignment: value(candidate, 'first'),
      finalAlignment: value(candidate, 'final'),
      delegatesAwarded: value(candidate, 'delegates'),
      sde: null,
    })),
  }).map((finding) => finding.code);
}

describe('committed scan fixtures', () => {
  it('are every file of the manifest, at the sizes it gives', async () => {
    const files = readdirSync(FIXTURES).filter((name) => name !== 'manifest.json' && name !== 'README.md');
    expect(files.sort()).toEqual(manifest.files.map((file) => file.file).sort());
    for (const file of manifest.files) {
      if (file.format === 'pdf') {
        const pdf = await PDFDocument.load(readFileSync(join(FIXTURES, file.file)));
        expect(pdf.getPageCount()).toBe(file.pages.length);
        continue;
      }
      const image = decode(file.file);
      expect([image.width, image.height]).toEqual([file.pages[0]?.width, file.pages[0]?.height]);
    }
  });

  it('carry a QR a standard decoder reads, naming the precinct of the manifest, however the page is turned', () => {
    for (const file of ['printed-straight.png', 'printed-upside-down.jpg', 'printed-sideways.jpg']) {
      const truth = only(file);
      const text = qrOf(file);
      expect(text, file).toBe(truth.qrPayload);
      const parsed = parseWorksheetQr(text ?? '');
      expect(parsed.ok && parsed.value.precinct).toBe(truth.precinct);
    }
    expect(only('printed-upside-down.jpg').rotationDegrees).toBeGreaterThan(170);
    expect([90, 270].some((turn) => Math.abs(only('printed-sideways.jpg').rotationDegrees - turn) < 5)).toBe(true);
  });

  it('include a photo nobody can read, whose QR is gone', () => {
    expect(only('unreadable.jpg').expectedProblem).toBe('NO_WORKSHEET_FOUND');
    expect(qrOf('unreadable.jpg')).toBeNull();
  });

  it('hold numbers whose caucus arithmetic holds, except the sheet made inconsistent on purpose', () => {
    for (const file of manifest.files) {
      for (const page of file.pages) {
        if (page.kind === 'blank') continue;
        const findings = rulesFindings(page);
        if (page.consistent) {
          expect(findings, `${file.file} page ${page.page}`).toEqual([]);
          const sum = (column: 'first' | 'final' | 'delegates') =>
            page.fields
              .filter((field) => field.column === column)
              .reduce((total, field) => total + (field.value ?? 0), 0);
          expect(page.totals).toEqual({ first: sum('first'), final: sum('final'), delegates: sum('delegates') });
        }
      }
    }
    const inconsistent = only('inconsistent.jpg');
    expect(inconsistent.consistent).toBe(false);
    expect(inconsistent.mistake).toBeDefined();
    const changed = inconsistent.fields.find(
      (field) => field.candidate === inconsistent.mistake?.candidate && field.column === inconsistent.mistake?.column,
    );
    expect(changed?.value).toBe(inconsistent.mistake?.to);
  });

  it('mark the special cases with what a correct reader reports', () => {
    const blank = only('blank.png');
    expect(blank.expectedProblem).toBe('BLANK_SHEET');
    expect(blank.fields.every((field) => field.value === null)).toBe(true);
    const wrong = only('wrong-precinct.jpg');
    expect(wrong.expectedProblem).toBe('PRECINCT_MISMATCH');
    expect(wrong.expectedPrecinct).not.toBe(wrong.precinct);
    const twoPages = pagesOf('two-pages.pdf');
    expect(twoPages.map((page) => page.page)).toEqual([1, 2]);
    expect(twoPages[0]?.precinct).not.toBe(twoPages[1]?.precinct);
    expect(only('handwritten-straight.png').fontKind).toBe('handwritten');
  });
});

describe('generateScanCorpus', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const county: CorpusCounty = {
    election: { county: 'Story County', name: 'Caucus', date: '2028-01-15', rulesProfile: 'iowa-dem-2020' },
    candidates: ['Adams', 'Baker', 'Castillo'].map((name, index) => ({ name, ballotOrder: index + 1 })),
    precincts: [
      { code: 'A1', name: 'Ames 1', delegates: 5 },
      { code: 'A2', name: 'Ames 2', delegates: 3 },
    ],
  };
  const make = async (seed: string) => {
    const outDir = mkdtempSync(join(tmpdir(), 'tallyroom-corpus-'));
    dirs.push(outDir);
    // A low resolution keeps the test quick; determinism does not depend on it.
    const made = await generateScanCorpus({
      county,
      outDir,
      count: 3,
      seed,
      dpi: 60,
      kinds: ['scan', 'pdf-2page', 'photo'],
    });
    const bytes = made.files.map((file) => readFileSync(join(outDir, file.file)));
    return { made, bytes, manifestText: readFileSync(join(outDir, 'manifest.json'), 'utf8') };
  };

  it('makes the same files, byte for byte, from the same seed, and other files from another seed', async () => {
    const first = await make('seed-1');
    const again = await make('seed-1');
    const other = await make('seed-2');
    expect(again.manifestText).toBe(first.manifestText);
    expect(again.bytes).toEqual(first.bytes);
    expect(other.manifestText).not.toBe(first.manifestText);
    expect(first.made.files.map((file) => file.format)).toEqual(['jpeg', 'pdf', 'jpeg']);
    expect(first.made.files[1]?.pages).toHaveLength(2);
  });
});
