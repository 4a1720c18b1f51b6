/**
 * The review flow's rules through the API on a real county database: a reading is stored, never a
 * result; only a person confirming every field makes a report ('scan', linked to the stored file),
 * through the keyed-worksheet path and the verification policy. The reader here returns readings
 * made by hand (the contract's ScanReading), so each rule is tested on exactly the reading it needs;
 * api.scans.test.ts runs the real reader on real scans.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Api, createApi } from '../../electron/core/api';
import type { FieldReading, ScanReading, WorksheetColumn } from '../../electron/core/ocr/scan-reading';
import type { ScanReader } from '../../electron/core/scan-review/scan-reader';
import { openCountyStore } from '../../electron/core/store';
import type { CountyStore } from '../../electron/core/store/county-store';
import { migrate, openDatabase } from '../../electron/core/store/database';
import { MIGRATIONS } from '../../electron/core/store/migrations';
import { countyWithTeam, lines, type Team } from '../helpers/county-team';
import { caucusClock, INTAKE_FIXTURES } from '../helpers/intake-county';
import { rawDatabase } from '../helpers/raw-database';
import { expectOk, RESOURCES_DIR } from '../helpers/temp-county';

/** DM-01 elects 7: Adams 20/20/4, Baker 10/10/2, Castillo 7/7/1 (docs/CONTRACTS.md's worked example). */
const TRUTH: Record<string, Record<WorksheetColumn, number>> = {
  Adams: { first: 20, final: 20, delegates: 4 },
  Baker: { first: 10, final: 10, delegates: 2 },
  Castillo: { first: 7, final: 7, delegates: 1 },
};

function field(candidate: string, column: WorksheetColumn, value: number | null, index: number): FieldReading {
  return {
    candidate,
    column,
    value,
    confidence: value === null ? 0 : 0.97,
    needsReview: value === null,
    reasons: value === null ? ['UNSURE_DIGIT'] : [],
    engines: { tesseract: value === null ? null : String(value), classifier: value === null ? null : String(value) },
    box: { x: 10 + 30 * (index % 3), y: 10 + 12 * Math.floor(index / 3), width: 25, height: 10 },
  };
}

function pagePng(): Uint8Array {
  const png = new PNG({ width: 120, height: 60 });
  png.data.fill(255);
  return new Uint8Array(PNG.sync.write(png));
}

/** A reading of DM-01's sheet; `misread` replaces values, `precinct` is what the QR says. */
function reading(options: { precinct?: string | null; misread?: Record<string, number | null> } = {}): ScanReading {
  const fields = Object.entries(TRUTH).flatMap(([candidate, values], row) =>
    (['first', 'final', 'delegates'] as const).map((column, col) => {
      const key = `${candidate}.${column}`;
      const value = options.misread && key in options.misread ? (options.misread[key] ?? null) : values[column];
      return field(candidate, column, value, row * 3 + col);
    }),
  );
  return {
    precinct: options.precinct === undefined ? 'DM-01' : options.precinct,
    formVersion: 1,
    pageNumber: 1,
    rotationDegrees: 0,
    fields,
    problems: [],
    page: { png: pagePng(), width: 120, height: 60 },
    elapsedMs: 850,
  };
}

/** A reader that returns the next prepared reading: the contract's values, no OCR. */
function preparedReader(queue: ScanReading[][]): ScanReader {
  return {
    engineVersions: { 'tesseract.js': 'test', classifier: 'test' },
    read: async () => ({ ok: true, value: queue.shift() ?? [] }),
    close: async () => undefined,
  };
}

interface Harness {
  readonly store: CountyStore;
  readonly api: Api;
  readonly team: Team;
  readonly readings: ScanReading[][];
  readonly dir: string;
}

let harness: Harness;

beforeEach(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tallyroom-scans-'));
  const store = openCountyStore(join(dir, 'county.db'));
  const readings: ScanReading[][] = [];
  const api = createApi({
    store,
    resourcesDir: RESOURCES_DIR,
    clock: caucusClock(),
    ocr: () => preparedReader(readings),
  });
  const team = await countyWithTeam({
    dir,
    dbPath: join(dir, 'county.db'),
    store,
    api,
    reopen: () => {
      throw new Error('not used');
    },
    cleanup: () => undefined,
  });
  harness = { store, api, team, readings, dir };
});

afterEach(() => {
  harness.store.close();
  rmSync(harness.dir, { recursive: true, force: true });
});

/** Imports the intake fixture worksheet picture and returns its scan id. */
async function queuedScan(): Promise<number> {
  const { api, team } = harness;
  expectOk(
    await api.importFiles({
      session: team.jordan,
      source: 'scan',
      files: [
        {
          fileName: 'DM-01-worksheet.png',
          contentBase64: readFileSync(join(INTAKE_FIXTURES, 'good/DM-01-worksheet.png')).toString('base64'),
        },
      ],
    }),
  );
  const [scan] = expectOk(await api.listScanQueue({}));
  if (!scan) throw new Error('the scan was not queued');
  return scan.importFileId;
}

function confirmedFields(overrides: Record<string, number | null> = {}) {
  return Object.entries(TRUTH).flatMap(([candidate, values]) =>
    (['first', 'final', 'delegates'] as const).map((column) => {
      const key = `${candidate}.${column}`;
      return { candidate, column, value: key in overrides ? (overrides[key] ?? null) : values[column] };
    }),
  );
}

describe('reading a scan', () => {
  it('stores what was read, page PNG and engines included, and nothing enters the results', async () => {
    const scanId = await queuedScan();
    harness.readings.push([reading({ misread: { 'Baker.first': 16 } })]);
    const read = expectOk(await harness.api.readScan({ session: harness.team.jordan, scanId }));
    expect(read.status).toBe('read');
    expect(read.pages).toHaveLength(1);
    const [page] = read.pages;
    expect(page).toMatchObject({ pageNumber: 1, precinct: 'DM-01', readBy: 'Jordan Lee', confirmation: null });
    expect(page?.engineVersions).toEqual({ classifier: 'test', 'tesseract.js': 'test' });
    expect(page?.fields.find((entry) => entry.candidate === 'Baker' && entry.column === 'first')?.value).toBe(16);
    expect(
      Buffer.from(page?.page?.pngBase64 ?? '', 'base64')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    expect(expectOk(await harness.api.getScanReading({ scanId }))).toEqual(read);
    const precinct = expectOk(await harness.api.getPrecinct({ precinct: 'DM-01' }));
    expect(precinct.status).toBe('missing');
    expect(precinct.reports).toEqual([]);
    const audit = expectOk(await harness.api.getAuditLog({ limit: 5 }));
    expect(audit.entries.map((entry) => entry.action)).toContain('scan.read');
  });

  it('needs someone signed in, and a scan that is in the queue', async () => {
    const scanId = await queuedScan();
    const anonymous = await harness.api.readScan({ scanId });
    expect(anonymous.ok || anonymous.error.code).toBe('NOT_SIGNED_IN');
    const missing = await harness.api.readScan({ session: harness.team.jordan, scanId: 999 });
    expect(missing.ok || missing.error.code).toBe('SCAN_NOT_FOUND');
  });
});

describe('confirming a reading', () => {
  it('becomes a scan report of the precinct, linked to the stored file, with the changed fields recorded', async () => {
    const { api, team, store } = harness;
    const scanId = await queuedScan();
    harness.readings.push([reading({ misread: { 'Baker.first': 16, 'Castillo.delegates': null } })]);
    const read = expectOk(await api.readScan({ session: team.jordan, scanId }));
    const confirmed = expectOk(
      await api.confirmScanReading({
        session: team.jordan,
        scanId,
        readingId: read.pages[0]?.readingId,
        precinct: 'DM-01',
        fields: confirmedFields(),
      }),
    );
    expect(confirmed).toMatchObject({ precinct: 'DM-01', status: 'received' });
    expect(
      confirmed.changedFields.map((entry) => [entry.candidate, entry.column, entry.readValue, entry.value]),
    ).toEqual([
      ['Baker', 'first', 16, 10],
      ['Castillo', 'delegates', null, 1],
    ]);
    expect(confirmed.scan.status).toBe('confirmed');

    const precinct = expectOk(await api.getPrecinct({ precinct: 'DM-01' }));
    expect(precinct.reports).toHaveLength(1);
    expect(precinct.reports[0]).toMatchObject({
      id: confirmed.reportId,
      source: 'scan',
      operator: 'Jordan Lee',
      fileName: 'DM-01-worksheet.png',
    });
    expect(precinct.reports[0]?.lines.find((line) => line.candidate === 'Baker')?.firstAlignment).toBe(10);
    const link = rawDatabase(store)
      .prepare('SELECT import_file_id AS fileId FROM report WHERE id = ?')
      .get(confirmed.reportId) as {
      fileId: number;
    };
    expect(link.fileId).toBe(scanId);
    expect(expectOk(await api.listScanQueue({}))[0]?.status).toBe('confirmed');
    const actions = expectOk(await api.getAuditLog({ limit: 3 })).entries.map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['report.received', 'scan.confirmed']));
  });

  it('refuses a second confirmation, and reading or rejecting a confirmed scan', async () => {
    const { api, team } = harness;
    const scanId = await queuedScan();
    harness.readings.push([reading()]);
    expectOk(await api.readScan({ session: team.jordan, scanId }));
    expectOk(
      await api.confirmScanReading({ session: team.jordan, scanId, precinct: 'DM-01', fields: confirmedFields() }),
    );
    const again = await api.confirmScanReading({
      session: team.sam,
      scanId,
      precinct: 'DM-01',
      fields: confirmedFields(),
    });
    expect(again.ok || again.error.code).toBe('SCAN_ALREADY_CONFIRMED');
    expect(again.ok || again.error.message).toMatch(/already confirmed by Jordan Lee/);
    const reread = await api.readScan({ session: team.sam, scanId });
    expect(reread.ok || reread.error.code).toBe('SCAN_ALREADY_CONFIRMED');
    const rejected = await api.rejectScan({ session: team.sam, scanId, reason: 'Too blurry to read' });
    expect(rejected.ok || rejected.error.code).toBe('SCAN_ALREADY_CONFIRMED');
    expect(expectOk(await api.getPrecinct({ precinct: 'DM-01' })).reports).toHaveLength(1);
  });

  it('refuses a missing field by name, and stores nothing', async () => {
    const { api, team } = harness;
    const scanId = await queuedScan();
    harness.readings.push([reading({ misread: { 'Castillo.final': null } })]);
    expectOk(await api.readScan({ session: team.jordan, scanId }));
    const blank = await api.confirmScanReading({
      session: team.jordan,
      scanId,
      precinct: 'DM-01',
      fields: confirmedFields({ 'Castillo.final': null }),
    });
    expect(blank.ok || blank.error.code).toBe('FIELD_MISSING');
    expect(blank.ok || blank.error.message).toMatch(/Castillo’s final alignment/);
    const omitted = await api.confirmScanReading({
      session: team.jordan,
      scanId,
      precinct: 'DM-01',
      fields: confirmedFields().filter((entry) => !(entry.candidate === 'Adams' && entry.column === 'delegates')),
    });
    expect(omitted.ok || omitted.error.code).toBe('FIELD_MISSING');
    expect(expectOk(await api.getPrecinct({ precinct: 'DM-01' })).reports).toEqual([]);
    expect(expectOk(await api.getScanReading({ scanId })).status).toBe('read');
  });

  it('refuses a precinct other than the QR’s unless the person gives the reason', async () => {
    const { api, team } = harness;
    const scanId = await queuedScan();
    harness.readings.push([reading({ precinct: 'DM-01' })]);
    expectOk(await api.readScan({ session: team.jordan, scanId }));
    const refused = await api.confirmScanReading({
      session: team.jordan,
      scanId,
      precinct: 'DM-02',
      fields: confirmedFields(),
    });
    expect(refused.ok || refused.error.code).toBe('PRECINCT_MISMATCH');
    expect(refused.ok || refused.error.message).toMatch(/QR code on this sheet says precinct DM-01/);
    expect(expectOk(await api.getPrecinct({ precinct: 'DM-02' })).reports).toEqual([]);

    const overridden = expectOk(
      await api.confirmScanReading({
        session: team.jordan,
        scanId,
        precinct: 'DM-02',
        fields: confirmedFields(),
        precinctOverrideReason: 'DM-02 ran out of sheets and used a DM-01 form; the chair wrote DM-02 on top.',
      }),
    );
    expect(overridden.precinct).toBe('DM-02');
    expect(overridden.scan.pages[0]?.confirmation).toMatchObject({
      precinct: 'DM-02',
      qrPrecinct: 'DM-01',
      overrideReason: expect.stringMatching(/ran out of sheets/),
    });
  });

  it('refuses a reading that changed since the person opened it', async () => {
    const { api, team } = harness;
    const scanId = await queuedScan();
    harness.readings.push([reading()], [reading()]);
    const first = expectOk(await api.readScan({ session: team.jordan, scanId }));
    expectOk(await api.readScan({ session: team.sam, scanId }));
    const stale = await api.confirmScanReading({
      session: team.jordan,
      scanId,
      readingId: first.pages[0]?.readingId,
      precinct: 'DM-01',
      fields: confirmedFields(),
    });
    expect(stale.ok || stale.error.code).toBe('SCAN_READ_AGAIN');
  });
});

describe('the verification policy', () => {
  it('counts a confirmed scan as one entry of the paper: another person’s keyed entry verifies it', async () => {
    const { api, team } = harness;
    const scanId = await queuedScan();
    harness.readings.push([reading()]);
    expectOk(await api.readScan({ session: team.jordan, scanId }));
    expectOk(
      await api.confirmScanReading({ session: team.jordan, scanId, precinct: 'DM-01', fields: confirmedFields() }),
    );
    const sameNumbers = lines([
      [20, 20, 4],
      [10, 10, 2],
      [7, 7, 1],
    ]);
    const byJordan = expectOk(
      await api.submitWorksheet({ session: team.jordan, precinct: 'DM-01', lines: sameNumbers }),
    );
    expect(byJordan.status).toBe('received');
    const bySam = expectOk(await api.submitWorksheet({ session: team.sam, precinct: 'DM-01', lines: sameNumbers }));
    expect(bySam.status).toBe('verified');
  });
});

describe('setting a scan aside', () => {
  it('keeps the file as evidence, enters nothing, and cannot be confirmed afterwards', async () => {
    const { api, team, store } = harness;
    const scanId = await queuedScan();
    harness.readings.push([{ ...reading(), fields: [], precinct: null, page: undefined as never, problems: [] }]);
    const read = expectOk(await api.readScan({ session: team.jordan, scanId }));
    expect(read.status).toBe('unreadable');
    const rejected = expectOk(
      await api.rejectScan({ session: team.jordan, scanId, reason: 'Photo is too dark; asked the chair to resend.' }),
    );
    expect(rejected).toMatchObject({ status: 'rejected', rejection: { operator: 'Jordan Lee' } });
    const file = rawDatabase(store)
      .prepare('SELECT length(bytes) AS size FROM import_file WHERE id = ?')
      .get(scanId) as {
      size: number;
    };
    expect(file.size).toBe(readFileSync(join(INTAKE_FIXTURES, 'good/DM-01-worksheet.png')).length);
    const confirm = await api.confirmScanReading({
      session: team.jordan,
      scanId,
      precinct: 'DM-01',
      fields: confirmedFields(),
    });
    expect(confirm.ok || confirm.error.code).toBe('SCAN_REJECTED');
    expect(expectOk(await api.getPrecinct({ precinct: 'DM-01' })).reports).toEqual([]);
    expect(() => rawDatabase(store).prepare("UPDATE scan_queue SET status = 'read'").run()).toThrow(/keeps its status/);
    expect(() => rawDatabase(store).prepare('DELETE FROM scan_rejection').run()).toThrow(/append-only/);
  });
});

describe('report evidence', () => {
  it('gives a scan report its page, crops and original file; a keyed report has none', async () => {
    const { api, team } = harness;
    const scanId = await queuedScan();
    harness.readings.push([reading({ misread: { 'Adams.first': 26 } })]);
    expectOk(await api.readScan({ session: team.jordan, scanId }));
    const { reportId } = expectOk(
      await api.confirmScanReading({ session: team.jordan, scanId, precinct: 'DM-01', fields: confirmedFields() }),
    );
    const evidence = expectOk(await api.getReportEvidence({ reportId }));
    expect(evidence).toMatchObject({ scanId, fileName: 'DM-01-worksheet.png', pageNumber: 1, mediaType: 'image/png' });
    expect(evidence?.page?.width).toBe(120);
    expect(Buffer.from(evidence?.original.base64 ?? '', 'base64')).toEqual(
      readFileSync(join(INTAKE_FIXTURES, 'good/DM-01-worksheet.png')),
    );
    expect(evidence?.fields.find((entry) => entry.changed)).toMatchObject({
      candidate: 'Adams',
      column: 'first',
      readValue: 26,
      value: 20,
      box: { width: 25, height: 10 },
    });
    const keyed = expectOk(
      await api.submitWorksheet({
        session: team.sam,
        precinct: 'DM-02',
        lines: lines([
          [10, 10, 2],
          [10, 10, 2],
          [10, 10, 2],
        ]),
      }),
    );
    expect(expectOk(await api.getReportEvidence({ reportId: keyed.reportId }))).toBeNull();
    const unknown = await api.getReportEvidence({ reportId: 999 });
    expect(unknown.ok || unknown.error.code).toBe('UNKNOWN_REPORT');
  });
});

describe('migration 005', () => {
  it('keeps the scans already queued, and their file, when the queue gains its review statuses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tallyroom-migrate-'));
    try {
      const db = openDatabase(join(dir, 'old.db'));
      migrate(
        db,
        MIGRATIONS.filter((migration) => migration.version <= 4),
      );
      db.prepare(
        `INSERT INTO import_file (sha256, file_name, bytes, source, operator, received_at)
         VALUES (?, 'DM-01.png', x'89504e47', 'scan', 'Desk', '2026-02-03T02:00:00Z')`,
      ).run('a'.repeat(64));
      db.prepare(
        `INSERT INTO scan_queue (import_file_id, media_type, status, queued_at)
         VALUES (1, 'image/png', 'pending-ocr', '2026-02-03T02:00:00Z')`,
      ).run();
      migrate(db);
      expect(db.prepare('SELECT import_file_id AS id, status FROM scan_queue').all()).toEqual([
        { id: 1, status: 'pending-ocr' },
      ]);
      db.prepare("UPDATE scan_queue SET status = 'rejected' WHERE import_file_id = 1").run();
      expect(() => db.prepare("UPDATE scan_queue SET status = 'read'").run()).toThrow(/keeps its status/);
      expect(() => db.prepare("UPDATE scan_queue SET queued_at = 'x'").run()).toThrow(/only the status/);
      expect(() => db.prepare('DELETE FROM scan_queue').run()).toThrow(/append-only/);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
