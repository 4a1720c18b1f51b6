/**
 * Sheets that are not ours (the full-page fallback, docs/OCR.md), with the real reader: a precinct chair's own
 * tally, printed or handwritten and photographed, goes through intake, is not found to be a
 * Tallyroom worksheet, is read as a table of numbers, and enters the results only when a person
 * has mapped the precinct and every field. Fixtures and truth: tests/fixtures/foreign-scans.
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

const FOREIGN = resolve(import.meta.dirname, '../fixtures/foreign-scans');

interface Truth {
  readonly file: string;
  readonly precinct: string;
  readonly fields: readonly { candidate: string; column: WorksheetColumn; value: number }[];
}

const manifest = JSON.parse(readFileSync(join(FOREIGN, 'manifest.json'), 'utf8')) as { files: Truth[] };
const truthOf = (file: string) => manifest.files.find((entry) => entry.file === file) as Truth;

let engine: ScanReader;
let dir: string;
let store: CountyStore;
let api: Api;
let jordan: string;
let sam: string;

beforeAll(() => {
  engine = createOcrEngine({ dataDir: mkdtempSync(join(tmpdir(), 'tallyroom-ocr-')), resourcesDir: RESOURCES_DIR });
});
afterAll(async () => {
  await engine.close();
});

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tallyroom-foreign-'));
  store = openCountyStore(join(dir, 'county.db'));
  api = createApi({ store, resourcesDir: RESOURCES_DIR, clock: caucusClock(), ocr: () => engine });
  const setup = expectOk(
    await api.previewCountyDefinition({
      fileName: 'county.csv',
      contentBase64: readFileSync(join(RESOURCES_DIR, 'demo/county.csv')).toString('base64'),
    }),
  );
  expectOk(await api.createCounty({ chair: { name: 'Dana Chair', pin: '654321' }, setup }));
  const chair = expectOk(await api.signIn({ name: 'Dana Chair', pin: '654321' })).session;
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

async function importScan(file: string): Promise<number> {
  expectOk(
    await api.importFiles({
      session: jordan,
      source: 'scan',
      files: [{ fileName: file, contentBase64: readFileSync(join(FOREIGN, file)).toString('base64') }],
    }),
  );
  const queued = expectOk(await api.listScanQueue({})).find((entry) => entry.fileName === file);
  if (!queued) throw new Error(`${file} was not queued`);
  return queued.importFileId;
}

/** Reads the scan as a worksheet first, as the app does, and then as a table of numbers. */
async function readAsTable(file: string) {
  const scanId = await importScan(file);
  const asWorksheet = expectOk(await api.readScan({ session: jordan, scanId }));
  expect(asWorksheet.pages[0]?.problems.map((problem) => problem.code)).toContain('NO_WORKSHEET_FOUND');
  expect(asWorksheet.pages[0]?.fields).toEqual([]);
  const view = expectOk(await api.readForeignScan({ session: jordan, scanId }));
  const page = view.pages[0];
  if (!page?.foreign) throw new Error('the page was not read as a table');
  return { scanId, view, page, foreign: page.foreign };
}

const countRows = (table: string) =>
  (rawDatabase(store).prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

const asInput = (truth: Truth) => truth.fields.map(({ candidate, column, value }) => ({ candidate, column, value }));

describe('a printed tally that is not our worksheet', () => {
  it('is read as a table: every number found with its box, a suggestion for every field, none of it safe', async () => {
    const truth = truthOf('printed-table.png');
    const { page, foreign, view } = await readAsTable(truth.file);
    expect(view.status).toBe('read');
    expect(page.kind).toBe('foreign');
    expect(page.page?.width).toBeGreaterThan(0);
    const found = foreign.tokens.map((token) => token.value);
    for (const field of truth.fields) expect(found, `${field.candidate} ${field.column}`).toContain(field.value);
    for (const token of foreign.tokens) {
      expect(token.box.x + token.box.width).toBeLessThanOrEqual(page.page?.width ?? 0);
      expect(token.box.y + token.box.height).toBeLessThanOrEqual(page.page?.height ?? 0);
    }
    expect(foreign.suggestedPrecinct).toBe(truth.precinct);
    expect(page.fields).toHaveLength(truth.fields.length);
    for (const field of page.fields) {
      expect(field.needsReview, `${field.candidate} ${field.column}`).toBe(true);
      expect(field.reasons).toContain('NOT_OUR_FORM');
      const right = truth.fields.find((entry) => entry.candidate === field.candidate && entry.column === field.column);
      expect(field.value, `${field.candidate} ${field.column}`).toBe(right?.value);
    }
    expect(expectOk(await api.getPrecinct({ precinct: truth.precinct })).reports).toEqual([]);
  });

  it('refuses a confirmation missing a field, or of an older reading, and stores nothing; a full one makes a scan report', async () => {
    const truth = truthOf('printed-table.png');
    const { scanId, page, foreign } = await readAsTable(truth.file);
    const audit = countRows('audit_log');
    const withoutOne = asInput(truth).filter((field) => !(field.candidate === 'Baker' && field.column === 'final'));
    const refused = await api.confirmForeignScan({
      session: jordan,
      scanId,
      readingId: page.readingId,
      precinct: truth.precinct,
      fields: withoutOne,
    });
    expect(refused.ok || refused.error.code).toBe('FIELD_MISSING');
    expect(refused.ok || refused.error.message).toMatch(/Baker’s final alignment/);
    const blank = await api.confirmForeignScan({
      session: jordan,
      scanId,
      readingId: page.readingId,
      precinct: truth.precinct,
      fields: asInput(truth).map((field, index) => (index === 0 ? { ...field, value: null } : field)),
    });
    expect(blank.ok || blank.error.code).toBe('FIELD_MISSING');
    const noPrecinct = await api.confirmForeignScan({
      session: jordan,
      scanId,
      readingId: page.readingId,
      precinct: '',
      fields: asInput(truth),
    });
    expect(noPrecinct.ok || noPrecinct.error.code).toBe('INVALID_INPUT');
    const stale = await api.confirmForeignScan({
      session: jordan,
      scanId,
      readingId: page.readingId + 1000,
      precinct: truth.precinct,
      fields: asInput(truth),
    });
    expect(stale.ok || stale.error.code).toBe('SCAN_READ_AGAIN');
    expect(countRows('report')).toBe(0);
    expect(countRows('scan_confirmation')).toBe(0);
    expect(countRows('scan_confirmed_token')).toBe(0);
    expect(countRows('audit_log')).toBe(audit);

    // The person takes each value from its box, and types one (Dunn's delegates) from the paper.
    const tokenOf = (candidate: string, column: WorksheetColumn) =>
      page.fields.find((field) => field.candidate === candidate && field.column === column);
    const fields = asInput(truth).map((field) => {
      const suggested = tokenOf(field.candidate, field.column);
      const typed = field.candidate === 'Dunn' && field.column === 'delegates';
      const tokenIndex = typed
        ? null
        : foreign.tokens.findIndex((token) => token.box.x === suggested?.box.x && token.box.y === suggested.box.y);
      return { ...field, tokenIndex };
    });
    const confirmed = expectOk(
      await api.confirmForeignScan({
        session: jordan,
        scanId,
        readingId: page.readingId,
        precinct: truth.precinct,
        fields,
      }),
    );
    expect(confirmed).toMatchObject({ precinct: truth.precinct, status: 'received', findings: [] });
    expect(confirmed.scan.status).toBe('confirmed');
    const reports = expectOk(await api.getPrecinct({ precinct: truth.precinct })).reports;
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ source: 'scan', operator: 'Jordan Lee', fileName: truth.file });
    const evidence = expectOk(await api.getReportEvidence({ reportId: confirmed.reportId }));
    expect(Buffer.from(evidence?.original.base64 ?? '', 'base64')).toEqual(readFileSync(join(FOREIGN, truth.file)));
    const typed = rawDatabase(store)
      .prepare(
        `SELECT t.token_index AS tokenIndex FROM scan_confirmed_token t JOIN candidate c ON c.id = t.candidate_id
          WHERE c.name = 'Dunn' AND t.column_name = 'delegates'`,
      )
      .get() as { tokenIndex: number | null };
    expect(typed.tokenIndex).toBeNull();
    expect(countRows('scan_confirmed_token')).toBe(truth.fields.length);
    const mapped = rawDatabase(store)
      .prepare("SELECT payload FROM audit_log WHERE action = 'scan.mapped-from-table'")
      .all();
    expect(mapped).toHaveLength(1);

    // Double entry as for any paper: a second person keying the same sheet verifies the precinct.
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
    expect(expectOk(await api.submitWorksheet({ session: sam, precinct: truth.precinct, lines })).status).toBe(
      'verified',
    );
  });

  it('keeps what was read append-only', async () => {
    await readAsTable(truthOf('printed-table.png').file);
    expect(() => rawDatabase(store).prepare('UPDATE scan_reading_token SET value = value + 1').run()).toThrow(
      /append-only/,
    );
    expect(() => rawDatabase(store).prepare('DELETE FROM scan_reading_line').run()).toThrow(/append-only/);
    expect(() => rawDatabase(store).prepare('DELETE FROM scan_reading_foreign').run()).toThrow(/append-only/);
  });
});

describe('a handwritten tally, photographed a little askew', () => {
  it('has most of its numbers found and suggested, every one for a person to check', async () => {
    const truth = truthOf('handwritten-photo.jpg');
    const { page, foreign } = await readAsTable(truth.file);
    expect(foreign.tokens.length).toBeGreaterThanOrEqual(12);
    const right = page.fields.filter(
      (field) =>
        field.value ===
        truth.fields.find((entry) => entry.candidate === field.candidate && entry.column === field.column)?.value,
    );
    // Measured: 13 of 18 on this photo (names like "ADAMS" and "Castilo" found despite the hand).
    expect(right.length).toBeGreaterThanOrEqual(12);
    expect(page.fields.every((field) => field.needsReview)).toBe(true);
  });
});

describe('a worksheet of ours', () => {
  it('cannot be confirmed as a table without first being read as one', async () => {
    const scanId =
      expectOk(
        await api.importFiles({
          session: jordan,
          source: 'scan',
          files: [
            {
              fileName: 'printed-straight.png',
              contentBase64: readFileSync(resolve(FOREIGN, '../scans/printed-straight.png')).toString('base64'),
            },
          ],
        }),
      ) && (expectOk(await api.listScanQueue({}))[0]?.importFileId as number);
    const read = expectOk(await api.readScan({ session: jordan, scanId }));
    const refused = await api.confirmForeignScan({
      session: jordan,
      scanId,
      readingId: read.pages[0]?.readingId as number,
      precinct: 'P01',
      fields: [],
    });
    expect(refused.ok || refused.error.code).toBe('SCAN_NOT_A_TABLE');
    expect(countRows('report')).toBe(0);
  });
});
