/**
 * The scan review flow with the real reader on real scans: the demo county's worksheets in
 * tests/fixtures/scans (truth in manifest.json) go through intake, are read by tesseract.js and the
 * digit classifier, and only a person's confirmation puts their numbers in the results.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Api, createApi } from '../../electron/core/api';
import { createOcrEngine } from '../../electron/core/ocr/read-worksheet-scan';
import type { WorksheetColumn } from '../../electron/core/ocr/scan-reading';
import type { ScanReader } from '../../electron/core/scan-review/scan-reader';
import { openCountyStore } from '../../electron/core/store';
import type { CountyStore } from '../../electron/core/store/county-store';
import { caucusClock } from '../helpers/intake-county';
import { rawDatabase } from '../helpers/raw-database';
import { expectOk, RESOURCES_DIR } from '../helpers/temp-county';

const SCANS = resolve(import.meta.dirname, '../fixtures/scans');

interface TruthPage {
  readonly page: number;
  readonly precinct: string;
  readonly expectedPrecinct: string;
  readonly fields: readonly { candidate: string; column: WorksheetColumn; value: number }[];
  readonly expectedProblem: string | null;
}

const manifest = JSON.parse(readFileSync(join(SCANS, 'manifest.json'), 'utf8')) as {
  election: { county: string; name: string; date: string; rulesProfile: 'iowa-dem-2020' };
  files: { file: string; pages: TruthPage[] }[];
};

function truthOf(file: string, page = 1): TruthPage {
  const entry = manifest.files.find((candidate) => candidate.file === file)?.pages.find((p) => p.page === page);
  if (!entry) throw new Error(`${file} page ${page} is not in the manifest`);
  return entry;
}

const CHAIR = { name: 'Dana Chair', pin: '654321' } as const;

let engine: ScanReader;
let dir: string;
let store: CountyStore;
let api: Api;
let chair: string;
let jordan: string;
let sam: string;

beforeAll(() => {
  // One engine for the file, as the app keeps one: tesseract workers are slow to start.
  engine = createOcrEngine({ dataDir: mkdtempSync(join(tmpdir(), 'tallyroom-ocr-')), resourcesDir: RESOURCES_DIR });
});
afterAll(async () => {
  await engine.close();
});

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tallyroom-scans-'));
  store = openCountyStore(join(dir, 'county.db'));
  api = createApi({ store, resourcesDir: RESOURCES_DIR, clock: caucusClock(), ocr: () => engine });
  // The demo county's definition with no results yet, under the election the worksheets were printed for.
  const setup = expectOk(
    await api.previewCountyDefinition({
      fileName: 'county.csv',
      contentBase64: readFileSync(join(RESOURCES_DIR, 'demo/county.csv')).toString('base64'),
    }),
  );
  expectOk(
    await api.createCounty({
      chair: CHAIR,
      setup: { ...setup, name: manifest.election.name, date: manifest.election.date, rulesProfile: 'iowa-dem-2020' },
    }),
  );
  chair = expectOk(await api.signIn(CHAIR)).session;
  for (const member of [
    { name: 'Jordan Lee', pin: '1111' },
    { name: 'Sam Ortiz', pin: '2222' },
  ]) {
    expectOk(await api.addOperator({ session: chair, role: 'entry', ...member }));
  }
  jordan = expectOk(await api.signIn({ name: 'Jordan Lee', pin: '1111' })).session;
  sam = expectOk(await api.signIn({ name: 'Sam Ortiz', pin: '2222' })).session;
  return () => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  };
});

/** Imports a fixture scan as the Import screen does and returns its id in the scan queue. */
async function importScan(file: string): Promise<number> {
  const imported = expectOk(
    await api.importFiles({
      session: jordan,
      source: 'scan',
      files: [{ fileName: file, contentBase64: readFileSync(join(SCANS, file)).toString('base64') }],
    }),
  );
  expect(imported.pendingReview).toBe(1);
  const queued = expectOk(await api.listScanQueue({})).find((entry) => entry.fileName === file);
  if (!queued) throw new Error(`${file} was not queued`);
  return queued.importFileId;
}

async function reportsOf(precinct: string) {
  return expectOk(await api.getPrecinct({ precinct })).reports;
}

describe('a printed worksheet, read and confirmed', () => {
  it('enters the results only when confirmed, as a scan report linked to the file; a second confirmation is refused', async () => {
    const truth = truthOf('printed-straight.png');
    const scanId = await importScan('printed-straight.png');
    const read = expectOk(await api.readScan({ session: jordan, scanId }));
    const [page] = read.pages;
    if (!page) throw new Error('no page was read');
    expect(page.precinct).toBe(truth.precinct);
    expect(page.problems).toEqual([]);
    expect(page.fields).toHaveLength(truth.fields.length);
    expect(page.engineVersions).toHaveProperty('tesseract.js');
    expect(page.page?.width).toBeGreaterThan(0);
    // The one rule that matters: a value read wrong is never accepted without a person.
    for (const field of page.fields) {
      const right = truth.fields.find((entry) => entry.candidate === field.candidate && entry.column === field.column);
      if (field.value !== right?.value) expect(field.needsReview, `${field.candidate} ${field.column}`).toBe(true);
    }
    expect(await reportsOf(truth.precinct)).toEqual([]);

    // The person types what the paper shows wherever the reader was unsure, and confirms.
    const confirmed = expectOk(
      await api.confirmScanReading({
        session: jordan,
        scanId,
        readingId: page.readingId,
        precinct: truth.precinct,
        fields: truth.fields.map(({ candidate, column, value }) => ({ candidate, column, value })),
      }),
    );
    expect(confirmed).toMatchObject({ precinct: truth.precinct, status: 'received' });
    expect(confirmed.scan.status).toBe('confirmed');
    const reports = await reportsOf(truth.precinct);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ source: 'scan', operator: 'Jordan Lee', fileName: 'printed-straight.png' });
    const row = rawDatabase(store)
      .prepare('SELECT import_file_id AS fileId FROM report WHERE id = ?')
      .get(confirmed.reportId) as {
      fileId: number;
    };
    expect(row.fileId).toBe(scanId);
    const evidence = expectOk(await api.getReportEvidence({ reportId: confirmed.reportId }));
    expect(evidence?.page?.width).toBe(page.page?.width);
    expect(Buffer.from(evidence?.original.base64 ?? '', 'base64')).toEqual(
      readFileSync(join(SCANS, 'printed-straight.png')),
    );

    const again = await api.confirmScanReading({
      session: sam,
      scanId,
      precinct: truth.precinct,
      fields: truth.fields.map(({ candidate, column, value }) => ({ candidate, column, value })),
    });
    expect(again.ok || again.error.code).toBe('SCAN_ALREADY_CONFIRMED');
    expect(await reportsOf(truth.precinct)).toHaveLength(1);

    // One entry of the paper: another person keying the same worksheet verifies the precinct.
    const lines = [...new Set(truth.fields.map((field) => field.candidate))].map((candidate) => {
      const value = (column: WorksheetColumn) =>
        truth.fields.find((field) => field.candidate === candidate && field.column === column)?.value ?? null;
      return {
        candidate,
        firstAlignment: value('first'),
        finalAlignment: value('final'),
        delegatesAwarded: value('delegates'),
      };
    });
    const keyed = expectOk(await api.submitWorksheet({ session: sam, precinct: truth.precinct, lines }));
    expect(keyed.status).toBe('verified');
  });
});

describe('a scan of the wrong precinct’s sheet', () => {
  it('is flagged; confirming it under the expected precinct needs a reason, under the QR’s it does not', async () => {
    const truth = truthOf('wrong-precinct.jpg');
    const scanId = await importScan('wrong-precinct.jpg');
    const read = expectOk(await api.readScan({ session: jordan, scanId, expectedPrecinct: truth.expectedPrecinct }));
    const [page] = read.pages;
    expect(page?.precinct).toBe(truth.precinct);
    expect(page?.problems.map((problem) => problem.code)).toContain('PRECINCT_MISMATCH');
    const fields = truth.fields.map(({ candidate, column, value }) => ({ candidate, column, value }));

    const refused = await api.confirmScanReading({ session: jordan, scanId, precinct: truth.expectedPrecinct, fields });
    expect(refused.ok || refused.error.code).toBe('PRECINCT_MISMATCH');
    expect(await reportsOf(truth.expectedPrecinct)).toEqual([]);
    expect(await reportsOf(truth.precinct)).toEqual([]);

    const underQr = expectOk(
      await api.confirmScanReading({ session: jordan, scanId, precinct: truth.precinct, fields }),
    );
    expect(underQr.precinct).toBe(truth.precinct);
    expect(await reportsOf(truth.precinct)).toHaveLength(1);
    expect(await reportsOf(truth.expectedPrecinct)).toEqual([]);
  });
});

describe('scans that cannot be confirmed', () => {
  it('an unreadable photo: a clear message, nothing in the results; set aside, the file stays stored', async () => {
    const truth = truthOf('unreadable.jpg');
    const scanId = await importScan('unreadable.jpg');
    const read = await api.readScan({ session: jordan, scanId });
    if (read.ok) {
      expect(read.value.status).toBe('unreadable');
      expect(read.value.pages[0]?.problems.map((problem) => problem.code)).toContain('NO_WORKSHEET_FOUND');
      expect(read.value.pages[0]?.problems[0]?.message).toMatch(/Take the photo again|scan it again/i);
      const confirm = await api.confirmScanReading({
        session: jordan,
        scanId,
        precinct: truth.precinct,
        fields: truth.fields.map(({ candidate, column, value }) => ({ candidate, column, value })),
      });
      expect(confirm.ok || confirm.error.code).toMatch(/SCAN_NOTHING_TO_CONFIRM|FIELD_NOT_ON_SHEET/);
    } else {
      expect(read.error.message.length).toBeGreaterThan(20);
    }
    expect(await reportsOf(truth.precinct)).toEqual([]);

    const rejected = expectOk(
      await api.rejectScan({
        session: jordan,
        scanId,
        reason: 'Too dark and shaken; asked the chair for a new photo.',
      }),
    );
    expect(rejected.status).toBe('rejected');
    const stored = rawDatabase(store).prepare('SELECT sha256 FROM import_file WHERE id = ?').get(scanId) as {
      sha256: string;
    };
    expect(stored.sha256).toBe(rejected.sha256);
    expect(expectOk(await api.listScanQueue({})).find((entry) => entry.importFileId === scanId)?.status).toBe(
      'rejected',
    );
    expect(await reportsOf(truth.precinct)).toEqual([]);
  });

  it('a blank sheet is flagged as blank', async () => {
    const scanId = await importScan('blank.png');
    const read = expectOk(await api.readScan({ session: jordan, scanId }));
    expect(read.pages[0]?.problems.map((problem) => problem.code)).toContain('BLANK_SHEET');
    expect(await reportsOf(truthOf('blank.png').precinct)).toEqual([]);
  });
});

describe('a two-page PDF', () => {
  it('is read page by page; the scan is confirmed when both pages are', async () => {
    const scanId = await importScan('two-pages.pdf');
    const read = expectOk(await api.readScan({ session: jordan, scanId }));
    expect(read.pages.map((page) => page.precinct)).toEqual([
      truthOf('two-pages.pdf', 1).precinct,
      truthOf('two-pages.pdf', 2).precinct,
    ]);
    for (const pageNumber of [1, 2]) {
      const truth = truthOf('two-pages.pdf', pageNumber);
      const confirmed = expectOk(
        await api.confirmScanReading({
          session: jordan,
          scanId,
          pageNumber,
          precinct: truth.precinct,
          fields: truth.fields.map(({ candidate, column, value }) => ({ candidate, column, value })),
        }),
      );
      expect(confirmed.scan.status).toBe(pageNumber === 1 ? 'read' : 'confirmed');
      expect(await reportsOf(truth.precinct)).toHaveLength(1);
    }
  });
});
