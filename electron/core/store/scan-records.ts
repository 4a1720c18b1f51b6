/**
 * SQL for reading and confirming worksheet scans (migration 005): stored readings per page, the
 * person's confirmation of a page, and scans set aside as unreadable. Plain functions over a
 * CountyStore, like intake-records.ts.
 */
import type { ReviewReason, WorksheetColumn } from '../model/scan-reading';
import type { CountyStore } from './county-store';
import { databaseOf } from './database-of';
import type { ScanMediaType, ScanQueueStatus } from './intake-records';

export type { ScanQueueStatus };

export interface ScanFile {
  readonly importFileId: number;
  readonly fileName: string;
  readonly sha256: string;
  readonly mediaType: ScanMediaType;
  readonly status: ScanQueueStatus;
  readonly queuedAt: string;
}

/** A queued scan (without its bytes), or null when the id is not a queued scan. */
export function findQueuedScan(store: CountyStore, importFileId: number): ScanFile | null {
  const row = databaseOf(store)
    .prepare(
      `SELECT q.import_file_id AS importFileId, f.file_name AS fileName, f.sha256, q.media_type AS mediaType,
              q.status, q.queued_at AS queuedAt
         FROM scan_queue q JOIN import_file f ON f.id = q.import_file_id
        WHERE q.import_file_id = ?`,
    )
    .get(importFileId) as ScanFile | undefined;
  return row ?? null;
}

/** The stored file's bytes, exactly as received. */
export function importFileBytes(store: CountyStore, importFileId: number): Uint8Array | null {
  const row = databaseOf(store).prepare('SELECT bytes FROM import_file WHERE id = ?').get(importFileId) as
    | { bytes: Buffer }
    | undefined;
  return row ? new Uint8Array(row.bytes) : null;
}

/** Only the status of a queued scan changes; a trigger keeps 'confirmed' and 'rejected' final. */
export function setScanQueueStatus(store: CountyStore, importFileId: number, status: ScanQueueStatus): void {
  databaseOf(store).prepare('UPDATE scan_queue SET status = ? WHERE import_file_id = ?').run(status, importFileId);
}

export interface NewFieldReading {
  readonly candidateId: number;
  readonly column: WorksheetColumn;
  readonly value: number | null;
  readonly confidence: number;
  readonly needsReview: boolean;
  readonly reasons: readonly ReviewReason[];
  readonly tesseract: string | null;
  readonly classifier: string | null;
  readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

export interface NewScanReading {
  readonly importFileId: number;
  readonly pageNumber: number;
  readonly qrPrecinct: string | null;
  readonly expectedPrecinct: string | null;
  readonly formVersion: number | null;
  readonly rotationDegrees: number;
  readonly page: { readonly png: Uint8Array; readonly width: number; readonly height: number } | null;
  /** Canonical JSON of engine name -> version. */
  readonly engineVersions: string;
  readonly elapsedMs: number;
  readonly operator: string;
  readonly readAt: string;
  readonly fields: readonly NewFieldReading[];
  readonly problems: readonly { readonly code: string; readonly message: string }[];
}

export function insertScanReading(store: CountyStore, reading: NewScanReading): number {
  const info = databaseOf(store)
    .prepare(
      `INSERT INTO scan_reading (import_file_id, page_number, qr_precinct, expected_precinct, form_version,
         rotation_degrees, page_png, page_width, page_height, engine_versions, elapsed_ms, operator, read_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      reading.importFileId,
      reading.pageNumber,
      reading.qrPrecinct,
      reading.expectedPrecinct,
      reading.formVersion,
      reading.rotationDegrees,
      reading.page ? Buffer.from(reading.page.png) : null,
      reading.page?.width ?? null,
      reading.page?.height ?? null,
      reading.engineVersions,
      Math.max(0, Math.round(reading.elapsedMs)),
      reading.operator,
      reading.readAt,
    );
  const readingId = Number(info.lastInsertRowid);
  const field = databaseOf(store).prepare(
    `INSERT INTO scan_reading_field (scan_reading_id, field_index, candidate_id, column_name, value, confidence,
       needs_review, reasons, tesseract, classifier, box_x, box_y, box_width, box_height)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [index, entry] of reading.fields.entries()) {
    field.run(
      readingId,
      index,
      entry.candidateId,
      entry.column,
      entry.value,
      entry.confidence,
      entry.needsReview ? 1 : 0,
      entry.reasons.join(','),
      entry.tesseract,
      entry.classifier,
      entry.box.x,
      entry.box.y,
      entry.box.width,
      entry.box.height,
    );
  }
  const problem = databaseOf(store).prepare(
    'INSERT INTO scan_reading_problem (scan_reading_id, problem_index, code, message) VALUES (?, ?, ?, ?)',
  );
  for (const [index, entry] of reading.problems.entries()) problem.run(readingId, index, entry.code, entry.message);
  return readingId;
}

export interface StoredFieldReading {
  readonly candidate: string;
  readonly column: WorksheetColumn;
  readonly value: number | null;
  readonly confidence: number;
  readonly needsReview: boolean;
  readonly reasons: readonly ReviewReason[];
  readonly engines: { readonly tesseract: string | null; readonly classifier: string | null };
  readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

export interface StoredScanReading {
  readonly id: number;
  readonly importFileId: number;
  readonly pageNumber: number;
  readonly qrPrecinct: string | null;
  readonly expectedPrecinct: string | null;
  readonly formVersion: number | null;
  readonly rotationDegrees: number;
  readonly page: { readonly png: Uint8Array; readonly width: number; readonly height: number } | null;
  readonly engineVersions: Readonly<Record<string, string>>;
  readonly elapsedMs: number;
  readonly operator: string;
  readonly readAt: string;
  readonly fields: readonly StoredFieldReading[];
  readonly problems: readonly { readonly code: string; readonly message: string }[];
}

interface ReadingRow {
  id: number;
  importFileId: number;
  pageNumber: number;
  qrPrecinct: string | null;
  expectedPrecinct: string | null;
  formVersion: number | null;
  rotationDegrees: number;
  pagePng: Buffer | null;
  pageWidth: number | null;
  pageHeight: number | null;
  engineVersions: string;
  elapsedMs: number;
  operator: string;
  readAt: string;
}

const READING_COLUMNS = `r.id, r.import_file_id AS importFileId, r.page_number AS pageNumber, r.qr_precinct AS qrPrecinct,
  r.expected_precinct AS expectedPrecinct, r.form_version AS formVersion, r.rotation_degrees AS rotationDegrees,
  r.page_png AS pagePng, r.page_width AS pageWidth, r.page_height AS pageHeight,
  r.engine_versions AS engineVersions, r.elapsed_ms AS elapsedMs, r.operator, r.read_at AS readAt`;

/** The newest reading of each page of a scan, in page order (a scan read again replaces none of the old). */
export function latestScanReadings(store: CountyStore, importFileId: number): StoredScanReading[] {
  const rows = databaseOf(store)
    .prepare(
      `SELECT ${READING_COLUMNS} FROM scan_reading r
        WHERE r.import_file_id = ?
          AND r.id = (SELECT max(id) FROM scan_reading x WHERE x.import_file_id = r.import_file_id
                                                          AND x.page_number = r.page_number)
        ORDER BY r.page_number`,
    )
    .all(importFileId) as ReadingRow[];
  return rows.map((row) => withDetails(store, row));
}

export function findScanReading(store: CountyStore, readingId: number): StoredScanReading | null {
  const row = databaseOf(store)
    .prepare(`SELECT ${READING_COLUMNS} FROM scan_reading r WHERE r.id = ?`)
    .get(readingId) as ReadingRow | undefined;
  return row ? withDetails(store, row) : null;
}

function withDetails(store: CountyStore, row: ReadingRow): StoredScanReading {
  const fields = databaseOf(store)
    .prepare(
      `SELECT c.name AS candidate, f.column_name AS column, f.value, f.confidence, f.needs_review AS needsReview,
              f.reasons, f.tesseract, f.classifier, f.box_x AS x, f.box_y AS y, f.box_width AS width,
              f.box_height AS height
         FROM scan_reading_field f JOIN candidate c ON c.id = f.candidate_id
        WHERE f.scan_reading_id = ? ORDER BY f.field_index`,
    )
    .all(row.id) as {
    candidate: string;
    column: WorksheetColumn;
    value: number | null;
    confidence: number;
    needsReview: number;
    reasons: string;
    tesseract: string | null;
    classifier: string | null;
    x: number;
    y: number;
    width: number;
    height: number;
  }[];
  const problems = databaseOf(store)
    .prepare('SELECT code, message FROM scan_reading_problem WHERE scan_reading_id = ? ORDER BY problem_index')
    .all(row.id) as { code: string; message: string }[];
  return {
    id: row.id,
    importFileId: row.importFileId,
    pageNumber: row.pageNumber,
    qrPrecinct: row.qrPrecinct,
    expectedPrecinct: row.expectedPrecinct,
    formVersion: row.formVersion,
    rotationDegrees: row.rotationDegrees,
    page:
      row.pagePng && row.pageWidth && row.pageHeight
        ? { png: new Uint8Array(row.pagePng), width: row.pageWidth, height: row.pageHeight }
        : null,
    engineVersions: JSON.parse(row.engineVersions) as Record<string, string>,
    elapsedMs: row.elapsedMs,
    operator: row.operator,
    readAt: row.readAt,
    fields: fields.map((field) => ({
      candidate: field.candidate,
      column: field.column,
      value: field.value,
      confidence: field.confidence,
      needsReview: field.needsReview === 1,
      reasons: field.reasons === '' ? [] : (field.reasons.split(',') as ReviewReason[]),
      engines: { tesseract: field.tesseract, classifier: field.classifier },
      box: { x: field.x, y: field.y, width: field.width, height: field.height },
    })),
    problems,
  };
}

export interface NewConfirmedField {
  readonly candidateId: number;
  readonly column: WorksheetColumn;
  readonly value: number;
  readonly readValue: number | null;
}

export interface NewScanConfirmation {
  readonly importFileId: number;
  readonly pageNumber: number;
  readonly scanReadingId: number;
  readonly reportId: number;
  readonly precinctId: number;
  readonly qrPrecinct: string | null;
  readonly overrideReason: string | null;
  readonly operator: string;
  readonly confirmedAt: string;
  readonly fields: readonly NewConfirmedField[];
}

export function insertScanConfirmation(store: CountyStore, confirmation: NewScanConfirmation): number {
  const info = databaseOf(store)
    .prepare(
      `INSERT INTO scan_confirmation (import_file_id, page_number, scan_reading_id, report_id, precinct_id,
         qr_precinct, override_reason, operator, confirmed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      confirmation.importFileId,
      confirmation.pageNumber,
      confirmation.scanReadingId,
      confirmation.reportId,
      confirmation.precinctId,
      confirmation.qrPrecinct,
      confirmation.overrideReason,
      confirmation.operator,
      confirmation.confirmedAt,
    );
  const confirmationId = Number(info.lastInsertRowid);
  const field = databaseOf(store).prepare(
    `INSERT INTO scan_confirmed_field (scan_confirmation_id, candidate_id, column_name, value, read_value, changed)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const entry of confirmation.fields) {
    field.run(
      confirmationId,
      entry.candidateId,
      entry.column,
      entry.value,
      entry.readValue,
      entry.value === entry.readValue ? 0 : 1,
    );
  }
  return confirmationId;
}

export interface StoredConfirmedField {
  readonly candidate: string;
  readonly column: WorksheetColumn;
  readonly value: number;
  readonly readValue: number | null;
  readonly changed: boolean;
}

export interface StoredScanConfirmation {
  readonly id: number;
  readonly importFileId: number;
  readonly pageNumber: number;
  readonly scanReadingId: number;
  readonly reportId: number;
  readonly precinct: string;
  readonly qrPrecinct: string | null;
  readonly overrideReason: string | null;
  readonly operator: string;
  readonly confirmedAt: string;
  readonly fields: readonly StoredConfirmedField[];
}

const CONFIRMATION_SELECT = `SELECT s.id, s.import_file_id AS importFileId, s.page_number AS pageNumber,
    s.scan_reading_id AS scanReadingId, s.report_id AS reportId, p.code AS precinct, s.qr_precinct AS qrPrecinct,
    s.override_reason AS overrideReason, s.operator, s.confirmed_at AS confirmedAt
  FROM scan_confirmation s JOIN precinct p ON p.id = s.precinct_id`;

type ConfirmationRow = Omit<StoredScanConfirmation, 'fields'>;

export function scanConfirmations(store: CountyStore, importFileId: number): StoredScanConfirmation[] {
  const rows = databaseOf(store)
    .prepare(`${CONFIRMATION_SELECT} WHERE s.import_file_id = ? ORDER BY s.page_number`)
    .all(importFileId) as ConfirmationRow[];
  return rows.map((row) => withConfirmedFields(store, row));
}

/** The confirmation a report came from, or null when the report was not a confirmed scan. */
export function confirmationOfReport(store: CountyStore, reportId: number): StoredScanConfirmation | null {
  const row = databaseOf(store).prepare(`${CONFIRMATION_SELECT} WHERE s.report_id = ?`).get(reportId) as
    | ConfirmationRow
    | undefined;
  return row ? withConfirmedFields(store, row) : null;
}

function withConfirmedFields(store: CountyStore, row: ConfirmationRow): StoredScanConfirmation {
  const fields = databaseOf(store)
    .prepare(
      `SELECT c.name AS candidate, f.column_name AS column, f.value, f.read_value AS readValue, f.changed
         FROM scan_confirmed_field f JOIN candidate c ON c.id = f.candidate_id
        WHERE f.scan_confirmation_id = ?
        ORDER BY c.ballot_order, CASE f.column_name WHEN 'first' THEN 0 WHEN 'final' THEN 1 ELSE 2 END`,
    )
    .all(row.id) as {
    candidate: string;
    column: WorksheetColumn;
    value: number;
    readValue: number | null;
    changed: number;
  }[];
  return { ...row, fields: fields.map((field) => ({ ...field, changed: field.changed === 1 })) };
}

export interface ScanRejection {
  readonly importFileId: number;
  readonly reason: string;
  readonly operator: string;
  readonly rejectedAt: string;
}

export function insertScanRejection(store: CountyStore, rejection: ScanRejection): void {
  databaseOf(store)
    .prepare('INSERT INTO scan_rejection (import_file_id, reason, operator, rejected_at) VALUES (?, ?, ?, ?)')
    .run(rejection.importFileId, rejection.reason, rejection.operator, rejection.rejectedAt);
}

export function findScanRejection(store: CountyStore, importFileId: number): ScanRejection | null {
  const row = databaseOf(store)
    .prepare(
      `SELECT import_file_id AS importFileId, reason, operator, rejected_at AS rejectedAt
         FROM scan_rejection WHERE import_file_id = ?`,
    )
    .get(importFileId) as ScanRejection | undefined;
  return row ?? null;
}

/** Where a report's stored file is, if it has one. */
export function reportFile(
  store: CountyStore,
  reportId: number,
): { readonly importFileId: number | null; readonly source: string } | null {
  const row = databaseOf(store)
    .prepare('SELECT import_file_id AS importFileId, source FROM report WHERE id = ?')
    .get(reportId) as { importFileId: number | null; source: string } | undefined;
  return row ?? null;
}
