/**
 * Files from drives and dropped files: every format through one pipeline, idempotent,
 * conflicts kept, hostile and malformed files rejected whole. Real SQLite files, real fixtures
 * (tests/fixtures/intake, written by make-intake-fixtures.ts).
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../electron/core/intake/import-paths';
import { diskReader, type MediaReader } from '../../electron/core/intake/media-reader';
import { listMediaFiles } from '../../electron/core/intake/walk-media';
import { countIntakeRows, listReportOrigins, listScanQueue } from '../../electron/core/store/intake-records';
import { caucusClock, INTAKE_FIXTURES, intakeCounty } from '../helpers/intake-county';
import { expectOk, type TempCounty } from '../helpers/temp-county';

const GOOD = join(INTAKE_FIXTURES, 'good');
const MALFORMED = join(INTAKE_FIXTURES, 'malformed');
const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let county: TempCounty;
let work: string;
beforeEach(async () => {
  county = await intakeCounty();
  work = mkdtempSync(join(tmpdir(), 'tallyroom-intake-'));
});
afterEach(() => {
  county.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const importAs = (paths: string[], options: { reader?: MediaReader; source?: 'usb' | 'phone' } = {}) =>
  importPaths(county.store, paths, {
    source: options.source ?? 'usb',
    operator: 'USB desk',
    clock: caucusClock(),
    ...(options.reader ? { reader: options.reader } : {}),
  });

describe('a USB drive with every format', () => {
  it('imports results CSV, XLSX and precinct report JSON, queues scans for OCR, ignores OS litter', async () => {
    const summary = await importAs([GOOD]);
    expect(summary).toEqual({ imported: 3, duplicates: 0, conflicts: 0, rejected: [], pendingReview: 2 });

    const origins = listReportOrigins(county.store);
    expect(origins.map((origin) => [origin.precinct, origin.fileName])).toEqual([
      ['AL-01', 'AL-01.xlsx'],
      ['DM-01', 'DM-01.csv'],
      ['DM-02', 'DM-02.json'],
    ]);
    for (const origin of origins) {
      expect(origin).toMatchObject({ source: 'usb', operator: 'USB desk', sender: null, messageId: null });
      expect(origin.fileSha256).toBe(sha256Of(join(GOOD, origin.fileName as string)));
      expect(origin.receivedAt).toMatch(/^2026-02-03T02:00:\d\d\.000Z$/);
    }
    const dm02 = expectOk(await county.api.getPrecinct({ precinct: 'DM-02' }));
    expect(dm02.reports[0]?.coinTosses).toEqual([{ tied: ['Baker', 'Castillo'], winners: ['Baker'] }]);
    expect(dm02.evaluation?.findings).toEqual([]);

    expect(
      listScanQueue(county.store).map(({ fileName, status, mediaType, sha256 }) => ({
        fileName,
        status,
        mediaType,
        sha256,
      })),
    ).toEqual([
      {
        fileName: 'DM-01-worksheet.png',
        status: 'pending-ocr',
        mediaType: 'image/png',
        sha256: sha256Of(join(GOOD, 'DM-01-worksheet.png')),
      },
      {
        fileName: 'DM-02-worksheet.pdf',
        status: 'pending-ocr',
        mediaType: 'application/pdf',
        sha256: sha256Of(join(GOOD, 'DM-02-worksheet.pdf')),
      },
    ]);
    const actions = county.store.listAudit(100, 0).map((entry) => entry.action);
    expect(actions.filter((action) => action === 'scan.queued')).toHaveLength(2);
    expect(actions.filter((action) => action === 'report.received')).toHaveLength(3);
  });

  it('is idempotent: the same drive again is all duplicates and changes nothing', async () => {
    await importAs([GOOD]);
    const before = countIntakeRows(county.store);
    const auditBefore = county.store.countAudit();
    expect(await importAs([GOOD])).toEqual({
      imported: 0,
      duplicates: 5,
      conflicts: 0,
      rejected: [],
      pendingReview: 0,
    });
    expect(countIntakeRows(county.store)).toEqual(before);
    expect(county.store.countAudit()).toBe(auditBefore);
  });

  it('keeps both reports when the same precinct arrives with different numbers, and marks a conflict', async () => {
    await importAs([join(GOOD, 'DM-01.csv')]);
    const conflict = await importAs([join(INTAKE_FIXTURES, 'conflict', 'DM-01-recount.json')], { source: 'phone' });
    expect(conflict).toEqual({ imported: 1, duplicates: 0, conflicts: 1, rejected: [], pendingReview: 0 });
    const dm01 = expectOk(await county.api.getPrecinct({ precinct: 'DM-01' }));
    expect(dm01.status).toBe('conflict');
    expect(dm01.reports.map((report) => [report.source, report.fileName])).toEqual([
      ['usb', 'DM-01.csv'],
      ['phone', 'DM-01-recount.json'],
    ]);
    // The same numbers under another name: a new file, an agreeing report, not a conflict.
    const copy = join(work, 'DM-01-copy.csv');
    writeFileSync(copy, `${readFileSync(join(GOOD, 'DM-01.csv'), 'utf8')}\n`);
    const agreeing = await importAs([copy]);
    expect(agreeing).toMatchObject({ imported: 1, duplicates: 0, conflicts: 1 });
  });
});

describe('malformed and hostile files are rejected whole, named, and leave nothing behind', () => {
  const cases: [string, string, RegExp][] = [
    ['wrong-columns.csv', 'FILE_HAS_PROBLEMS', /wrong-columns\.csv .*missing the columns/],
    [
      'text-in-number.csv',
      'FILE_HAS_PROBLEMS',
      /text-in-number\.csv .*column first_alignment: "twenty" is not a number/,
    ],
    [
      'negative-count.csv',
      'INVALID_COUNT',
      /negative-count\.csv: the first alignment for Adams in precinct DM-01 is -5, and a count cannot be negative/,
    ],
    ['unknown-precinct.csv', 'UNKNOWN_PRECINCT', /unknown-precinct\.csv has results for precinct "ZZ-99"/],
    ['unknown-candidate.csv', 'UNKNOWN_CANDIDATE', /unknown-candidate\.csv lists candidate "Mystery"/],
    ['empty.csv', 'FILE_EMPTY', /empty\.csv is empty/],
    ['empty.json', 'FILE_EMPTY', /empty\.json is empty/],
    ['truncated.xlsx', 'FILE_UNREADABLE', /truncated\.xlsx could not be read as an XLSX spreadsheet/],
    ['truncated.json', 'FILE_UNREADABLE', /truncated\.json is not valid JSON; it may be cut short/],
    [
      'text-in-number.json',
      'FILE_HAS_PROBLEMS',
      /text-in-number\.json is not a valid precinct report at lines\.0\.firstAlignment: expected a number, found the text "twenty"/,
    ],
    [
      'negative-count.json',
      'INVALID_COUNT',
      /negative-count\.json: the first alignment for Adams in precinct DM-01 is -3/,
    ],
    ['unknown-candidate.json', 'UNKNOWN_CANDIDATE', /unknown-candidate\.json lists candidate "Mystery"/],
    ['wrong-version.json', 'UNSUPPORTED_VERSION', /wrong-version\.json is a version 2 precinct report/],
    ['not-a-report.json', 'NOT_A_PRECINCT_REPORT', /not-a-report\.json is JSON but not a Tallyroom precinct report/],
    ['proto-pollution.json', 'FORBIDDEN_KEY', /proto-pollution\.json contains the key "__proto__"/],
    [
      'constructor-pollution.json',
      'FORBIDDEN_KEY',
      /constructor-pollution\.json contains the key "(constructor|prototype)"/,
    ],
    ['deep.json', 'JSON_TOO_DEEP', /deep\.json is nested 5000 levels deep/],
    ['zip-bomb.xlsx', 'ZIP_BOMB', /zip-bomb\.xlsx is not a normal spreadsheet: .*unpack to 60\.0 MB/],
    [
      'zip-bomb-lying.xlsx',
      'ZIP_BOMB',
      /zip-bomb-lying\.xlsx is not a normal spreadsheet: xl\/worksheets\/sheet1\.xml unpacks to more than the size it declares/,
    ],
    [
      'proto-pollution.xlsx',
      'FORBIDDEN_CONTENT',
      /proto-pollution\.xlsx contains text crafted to attack spreadsheet readers .*xl\/workbook\.xml/,
    ],
    [
      'constructor-pollution.xlsx',
      'FORBIDDEN_CONTENT',
      /constructor-pollution\.xlsx contains text crafted .*docProps\/custom\.xml/,
    ],
    ['not-really.png', 'NOT_A_SCAN', /not-really\.png is named like a picture but its content is not one/],
    ['notes.docx', 'UNSUPPORTED_FORMAT', /notes\.docx is not a kind of file Tallyroom imports/],
  ];

  it.each(cases)('%s -> %s', async (fileName, code, message) => {
    const before = countIntakeRows(county.store);
    const auditBefore = county.store.countAudit();
    const summary = await importAs([join(MALFORMED, fileName)]);
    expect(summary).toMatchObject({ imported: 0, duplicates: 0, conflicts: 0, pendingReview: 0 });
    expect(summary.rejected).toEqual([
      expect.objectContaining({ path: join(MALFORMED, fileName), code, message: expect.stringMatching(message) }),
    ]);
    // A results table's problems come with the row (and column) they are in, as the import screen lists them.
    if (fileName.endsWith('.csv') && code !== 'FILE_EMPTY') {
      expect(summary.rejected[0]?.problems?.[0]?.row).toBeGreaterThan(0);
    }
    expect(summary.rejected[0]?.message).toMatch(/Nothing (from it )?was (imported|used)/);
    expect(countIntakeRows(county.store)).toEqual(before);
    expect(county.store.countAudit()).toBe(auditBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a huge file is refused at the cap, without reading it all', async () => {
    const huge = join(work, 'huge.csv');
    writeFileSync(huge, '');
    truncateSync(huge, 200 * 1024 * 1024);
    let bytesRead = 0;
    const counting: MediaReader = {
      async *read(path) {
        for await (const chunk of diskReader.read(path)) {
          bytesRead += chunk.length;
          yield chunk;
        }
      },
    };
    const summary = await importAs([huge], { reader: counting });
    expect(summary.rejected).toEqual([
      { path: huge, code: 'FILE_TOO_LARGE', message: expect.stringMatching(/^huge\.csv is larger than 25\.0 MB/) },
    ]);
    expect(bytesRead).toBeLessThan(26 * 1024 * 1024);
    expect(countIntakeRows(county.store).import_file).toBe(0);
  });

  it('a drive pulled mid-read: files before it stay imported whole, that file leaves nothing', async () => {
    const pulled: MediaReader = {
      async *read(path) {
        if (!path.endsWith('DM-02.json')) {
          yield* diskReader.read(path);
          return;
        }
        yield readFileSync(path).subarray(0, 100);
        throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
      },
    };
    const summary = await importAs([GOOD], { reader: pulled });
    expect(summary).toMatchObject({ imported: 2, duplicates: 0, conflicts: 0, pendingReview: 2 });
    expect(summary.rejected).toEqual([
      {
        path: join(GOOD, 'DM-02.json'),
        code: 'READ_FAILED',
        message: expect.stringMatching(
          /^DM-02\.json could not be read to the end \(EIO\); the drive may have been removed/,
        ),
      },
    ]);
    expect(listReportOrigins(county.store).map((origin) => origin.precinct)).toEqual(['AL-01', 'DM-01']);
    // Put back, imported again: only the file that failed is new.
    expect(await importAs([GOOD])).toEqual({
      imported: 1,
      duplicates: 4,
      conflicts: 0,
      rejected: [],
      pendingReview: 0,
    });
  });

  it('never follows a link, and caps depth and file count', async () => {
    const stick = join(work, 'stick');
    mkdirSync(join(stick, 'a/b/c/d/e/f/g/h/i'), { recursive: true });
    cpSync(join(GOOD, 'DM-01.csv'), join(stick, 'a/b/c/d/e/f/g/h/i/DM-01.csv'));
    symlinkSync(join(GOOD, 'DM-01.csv'), join(stick, 'DM-01.csv'));
    symlinkSync(GOOD, join(stick, 'linked-folder'));
    const summary = await importAs([stick]);
    expect(summary.imported).toBe(0);
    expect(summary.rejected.map((entry) => entry.code).sort()).toEqual(['SYMLINK', 'SYMLINK', 'TOO_DEEP']);

    for (let index = 0; index < 5; index++) writeFileSync(join(work, `file-${index}.csv`), 'x');
    const capped = await listMediaFiles([work], { maxFiles: 3, maxDepth: 4 });
    expect(capped.files).toHaveLength(3);
    expect(capped.rejected.map((entry) => entry.code)).toEqual(['TOO_MANY_FILES']);
  });
});
