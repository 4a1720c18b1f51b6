/**
 * Reading and confirming worksheet scans (issue 4). A scan waits in the queue until someone
 * reads it; the reading is stored, never a result. Only a person confirming every field turns a
 * page into a report, through the same path and policy as a keyed worksheet (source 'scan', the
 * confirmer as its operator: one entry of the paper), linked to the stored file as evidence.
 */
import { canonicalJson } from '../../audit-log/canonical-json';
import type { ScanReading, WorksheetColumn } from '../../ocr/scan-reading';
import { type AppError, appError, ok, type Result } from '../../result';
import type { CoinToss, Finding } from '../../rules/types';
import type { CountyStore } from '../../store/county-store';
import type { ScanMediaType } from '../../store/intake-records';
import {
  confirmationOfReport,
  findQueuedScan,
  findScanReading,
  findScanRejection,
  importFileBytes,
  insertScanConfirmation,
  insertScanReading,
  insertScanRejection,
  latestScanReadings,
  reportFile,
  type ScanFile,
  type ScanQueueStatus,
  type ScanRejection,
  type StoredConfirmedField,
  type StoredFieldReading,
  type StoredScanConfirmation,
  type StoredScanReading,
  scanConfirmations,
  setScanQueueStatus,
} from '../../store/scan-records';
import type { PrecinctStatus, WorksheetLine } from '../contract';
import type { ApiMethodName } from '../methods';
import type { ApiParsedInput } from '../schemas';
import type { ApiOutputs } from '../types';
import { actorFor } from './operators';
import { ocrDataDirFor, realScanReader, type ScanReader, type ScanReaderFactory } from './scan-reader';
import { submitWorksheet } from './worksheet';

export interface ScanPageImage {
  readonly pngBase64: string;
  readonly width: number;
  readonly height: number;
}

export interface ScanConfirmationView {
  readonly reportId: number;
  readonly precinct: string;
  readonly qrPrecinct: string | null;
  readonly overrideReason: string | null;
  readonly operator: string;
  readonly confirmedAt: string;
  readonly fields: readonly StoredConfirmedField[];
}

/** One page as read, and whether a person has confirmed it. */
export interface ScanPageView {
  readonly readingId: number;
  readonly pageNumber: number;
  /** The precinct the QR names (the QR decides); null when no QR was read. */
  readonly precinct: string | null;
  readonly expectedPrecinct: string | null;
  readonly formVersion: number | null;
  readonly rotationDegrees: number;
  readonly fields: readonly StoredFieldReading[];
  readonly problems: readonly { readonly code: string; readonly message: string }[];
  readonly page: ScanPageImage | null;
  readonly engineVersions: Readonly<Record<string, string>>;
  readonly elapsedMs: number;
  readonly readBy: string;
  readonly readAt: string;
  readonly confirmation: ScanConfirmationView | null;
}

export interface ScanReviewView {
  readonly scanId: number;
  readonly fileName: string;
  readonly sha256: string;
  readonly mediaType: ScanMediaType;
  readonly status: ScanQueueStatus;
  readonly queuedAt: string;
  /** The newest reading of each page; empty until the scan is read. */
  readonly pages: readonly ScanPageView[];
  readonly rejection: ScanRejection | null;
}

export interface ConfirmedScan {
  readonly reportId: number;
  readonly precinct: string;
  /** The precinct's status now that the confirmed page is one of its reports. */
  readonly status: PrecinctStatus;
  readonly findings: readonly Finding[];
  /** Fields the person changed from what OCR read. */
  readonly changedFields: readonly StoredConfirmedField[];
  readonly scan: ScanReviewView;
}

/** A report's scan, for the discrepancy queue: the page as aligned, the original file, who confirmed it. */
export interface ReportEvidence {
  readonly reportId: number;
  readonly scanId: number;
  readonly fileName: string;
  readonly sha256: string;
  readonly mediaType: ScanMediaType;
  readonly pageNumber: number;
  readonly page: ScanPageImage | null;
  /** Where each confirmed field is on the page, to show its crop. */
  readonly fields: readonly (StoredConfirmedField & { readonly box: StoredFieldReading['box'] | null })[];
  readonly original: { readonly mediaType: ScanMediaType; readonly base64: string };
  readonly confirmation: ScanConfirmationView;
}

export interface ConfirmedField {
  readonly candidate: string;
  readonly column: WorksheetColumn;
  readonly value: number | null;
}

const COLUMN_WORDS: Record<WorksheetColumn, string> = {
  first: 'first alignment',
  final: 'final alignment',
  delegates: 'delegates awarded',
};

const COLUMN_FIELDS = {
  first: 'firstAlignment',
  final: 'finalAlignment',
  delegates: 'delegatesAwarded',
} as const satisfies Record<WorksheetColumn, keyof WorksheetLine>;

function scanNotFound(scanId: number): Result<never, AppError> {
  return appError('SCAN_NOT_FOUND', `There is no scan #${scanId} in the scan queue.`);
}

function pageImage(page: StoredScanReading['page']): ScanPageImage | null {
  return page ? { pngBase64: Buffer.from(page.png).toString('base64'), width: page.width, height: page.height } : null;
}

function confirmationView(confirmation: StoredScanConfirmation): ScanConfirmationView {
  return {
    reportId: confirmation.reportId,
    precinct: confirmation.precinct,
    qrPrecinct: confirmation.qrPrecinct,
    overrideReason: confirmation.overrideReason,
    operator: confirmation.operator,
    confirmedAt: confirmation.confirmedAt,
    fields: confirmation.fields,
  };
}

export function scanReviewView(store: CountyStore, scan: ScanFile): ScanReviewView {
  const confirmations = scanConfirmations(store, scan.importFileId);
  return {
    scanId: scan.importFileId,
    fileName: scan.fileName,
    sha256: scan.sha256,
    mediaType: scan.mediaType,
    status: scan.status,
    queuedAt: scan.queuedAt,
    pages: latestScanReadings(store, scan.importFileId).map((reading) => {
      const confirmation = confirmations.find((entry) => entry.pageNumber === reading.pageNumber);
      return {
        readingId: reading.id,
        pageNumber: reading.pageNumber,
        precinct: reading.qrPrecinct,
        expectedPrecinct: reading.expectedPrecinct,
        formVersion: reading.formVersion,
        rotationDegrees: reading.rotationDegrees,
        fields: reading.fields,
        problems: reading.problems,
        page: pageImage(reading.page),
        engineVersions: reading.engineVersions,
        elapsedMs: reading.elapsedMs,
        readBy: reading.operator,
        readAt: reading.readAt,
        confirmation: confirmation ? confirmationView(confirmation) : null,
      };
    }),
    rejection: findScanRejection(store, scan.importFileId),
  };
}

export function getScanReading(store: CountyStore, scanId: number): Result<ScanReviewView, AppError> {
  const scan = findQueuedScan(store, scanId);
  return scan ? ok(scanReviewView(store, scan)) : scanNotFound(scanId);
}

/** A scan that a person has already decided on cannot be read, confirmed or rejected again. */
function decided(store: CountyStore, scan: ScanFile): Result<never, AppError> | null {
  if (scan.status === 'rejected') {
    const rejection = findScanRejection(store, scan.importFileId);
    return appError(
      'SCAN_REJECTED',
      `${scan.fileName} was set aside as unreadable${rejection ? ` by ${rejection.operator}` : ''}; nothing from it is in the results. Import a new scan of the worksheet, or key it in.`,
    );
  }
  if (scan.status === 'confirmed') {
    const [first] = scanConfirmations(store, scan.importFileId);
    return appError(
      'SCAN_ALREADY_CONFIRMED',
      `${scan.fileName} was already confirmed${first ? ` by ${first.operator}; its numbers are report #${first.reportId}` : ''}. A mistake in it is corrected through the precinct, not by confirming again.`,
    );
  }
  return null;
}

/**
 * Reads a queued scan with the reader and stores what was read, page by page. Nothing enters the
 * results: the reading waits for a person to confirm it.
 */
export async function readScan(
  store: CountyStore,
  reader: () => ScanReader,
  input: { readonly scanId: number; readonly expectedPrecinct?: string | undefined; readonly operator: string },
  clock: () => Date,
): Promise<Result<ScanReviewView, AppError>> {
  const election = store.getElection();
  if (!election) return appError('NO_COUNTY', 'Set up the county before reading scans.');
  const scan = findQueuedScan(store, input.scanId);
  if (!scan) return scanNotFound(input.scanId);
  const refused = decided(store, scan);
  if (refused) return refused;
  if (input.expectedPrecinct !== undefined && !store.findPrecinct(input.expectedPrecinct)) {
    return appError('UNKNOWN_PRECINCT', `There is no precinct "${input.expectedPrecinct}" in ${election.county}.`);
  }
  const bytes = importFileBytes(store, scan.importFileId);
  if (!bytes) return scanNotFound(input.scanId);
  const engine = reader();
  let read: Result<readonly ScanReading[], AppError>;
  try {
    read = await engine.read({
      store,
      bytes,
      fileName: scan.fileName,
      ...(input.expectedPrecinct !== undefined ? { expectedPrecinct: input.expectedPrecinct } : {}),
    });
  } catch (cause) {
    // A reader failure (a worker that died, a missing language file) is not the person's doing.
    return appError(
      'OCR_FAILED',
      `Reading ${scan.fileName} failed: ${cause instanceof Error ? cause.message : String(cause)}. Try again; if it keeps failing, key the worksheet in from the paper.`,
    );
  }
  if (!read.ok) return read;
  const at = clock().toISOString();
  return store.transaction(() => {
    // Someone may have confirmed or rejected it while OCR ran.
    const now = findQueuedScan(store, input.scanId);
    if (!now) return scanNotFound(input.scanId);
    const refusedNow = decided(store, now);
    if (refusedNow) return refusedNow;
    const stored = storeReadings(store, now, read.value, {
      operator: input.operator,
      at,
      expectedPrecinct: input.expectedPrecinct ?? null,
      engineVersions: engine.engineVersions,
    });
    if (!stored.ok) return stored;
    const readable = read.value.some((reading) => reading.fields.length > 0);
    setScanQueueStatus(store, now.importFileId, readable ? 'read' : 'unreadable');
    store.appendAudit({
      at,
      operator: input.operator,
      action: 'scan.read',
      payload: {
        scanId: now.importFileId,
        fileName: now.fileName,
        sha256: now.sha256,
        expectedPrecinct: input.expectedPrecinct ?? null,
        engines: engine.engineVersions,
        pages: read.value.map((reading, index) => ({
          pageNumber: reading.pageNumber,
          readingId: stored.value[index],
          precinct: reading.precinct,
          fields: reading.fields.length,
          needsReview: reading.fields.filter((field) => field.needsReview).length,
          problems: reading.problems.map((problem) => problem.code),
        })),
      },
    });
    const after = findQueuedScan(store, now.importFileId) ?? now;
    return ok(scanReviewView(store, after));
  });
}

function storeReadings(
  store: CountyStore,
  scan: ScanFile,
  readings: readonly ScanReading[],
  context: {
    readonly operator: string;
    readonly at: string;
    readonly expectedPrecinct: string | null;
    readonly engineVersions: Readonly<Record<string, string>>;
  },
): Result<number[], AppError> {
  const candidateIds = new Map(store.listCandidates().map((candidate) => [candidate.name, candidate.id]));
  const ids: number[] = [];
  for (const reading of readings) {
    const unknown = reading.fields.find((field) => !candidateIds.has(field.candidate));
    if (unknown) {
      return appError(
        'SCAN_CANDIDATE_UNKNOWN',
        `The sheet in ${scan.fileName} has a line for "${unknown.candidate}", who is not a candidate in this county. Check that it is this county's worksheet.`,
      );
    }
    ids.push(
      insertScanReading(store, {
        importFileId: scan.importFileId,
        pageNumber: reading.pageNumber,
        qrPrecinct: reading.precinct,
        expectedPrecinct: context.expectedPrecinct,
        formVersion: reading.formVersion,
        rotationDegrees: reading.rotationDegrees,
        page: reading.page ?? null,
        engineVersions: canonicalJson(context.engineVersions),
        elapsedMs: reading.elapsedMs,
        operator: context.operator,
        readAt: context.at,
        fields: reading.fields.map((field) => ({
          candidateId: candidateIds.get(field.candidate) as number,
          column: field.column,
          value: field.value,
          confidence: Math.min(1, Math.max(0, field.confidence)),
          needsReview: field.needsReview,
          reasons: field.reasons,
          tesseract: field.engines.tesseract,
          classifier: field.engines.classifier,
          box: field.box,
        })),
        problems: reading.problems,
      }),
    );
  }
  return ok(ids);
}

export interface ConfirmScanInput {
  readonly scanId: number;
  readonly pageNumber: number;
  /** The reading the person reviewed; refused if the scan was read again since. */
  readonly readingId?: number | undefined;
  readonly precinct: string;
  readonly fields: readonly ConfirmedField[];
  readonly coinTosses: readonly CoinToss[];
  /** Required when the chosen precinct is not the one the QR names. */
  readonly precinctOverrideReason?: string | undefined;
  readonly operator: string;
}

/**
 * A person confirms every field of one page: the page becomes a report (source 'scan') through
 * the keyed-worksheet path, linked to the stored file, and the confirmation records each value
 * beside what OCR read. One transaction: a refusal leaves nothing behind.
 */
export function confirmScanReading(
  store: CountyStore,
  input: ConfirmScanInput,
  at: string,
): Result<ConfirmedScan, AppError> {
  if (!store.getElection()) return appError('NO_COUNTY', 'Set up the county before confirming scans.');
  return store.transaction(() => {
    const scan = findQueuedScan(store, input.scanId);
    if (!scan) return scanNotFound(input.scanId);
    if (scan.status === 'rejected') {
      const refused = decided(store, scan);
      if (refused) return refused;
    }
    const page = `page ${input.pageNumber} of ${scan.fileName}`;
    const already = scanConfirmations(store, scan.importFileId).find((entry) => entry.pageNumber === input.pageNumber);
    if (already) {
      return appError(
        'SCAN_ALREADY_CONFIRMED',
        `${capitalize(page)} was already confirmed by ${already.operator}; its numbers are report #${already.reportId} of precinct ${already.precinct}. A mistake in it is corrected through the precinct, not by confirming again.`,
      );
    }
    const reading = latestScanReadings(store, scan.importFileId).find((entry) => entry.pageNumber === input.pageNumber);
    if (!reading) return appError('SCAN_NOT_READ', `${capitalize(page)} has not been read yet. Read it first.`);
    if (input.readingId !== undefined && input.readingId !== reading.id) {
      return appError(
        'SCAN_READ_AGAIN',
        `${capitalize(page)} was read again after you opened it. Review the new reading before confirming.`,
      );
    }
    if (reading.fields.length === 0) {
      return appError(
        'SCAN_NOTHING_TO_CONFIRM',
        `No worksheet values were read from ${page}. Set the scan aside as unreadable and key the worksheet in, or scan it again.`,
      );
    }
    const wrongElection = reading.problems.find((problem) => problem.code === 'WRONG_ELECTION');
    if (wrongElection) {
      return appError('SCAN_WRONG_ELECTION', `${wrongElection.message} It cannot enter this county's results.`);
    }
    const fields = matchFields(reading, input.fields);
    if (!fields.ok) return fields;
    const precinct = store.findPrecinct(input.precinct);
    if (!precinct) return appError('UNKNOWN_PRECINCT', `There is no precinct "${input.precinct}" in this county.`);
    const overrideReason = input.precinctOverrideReason?.trim() || null;
    const differs = reading.qrPrecinct !== null && reading.qrPrecinct !== precinct.code;
    if (differs && !overrideReason) {
      return appError(
        'PRECINCT_MISMATCH',
        `The QR code on this sheet says precinct ${reading.qrPrecinct}, but you chose precinct ${precinct.code}. Check the paper: keep ${reading.qrPrecinct}, or give the reason it belongs to ${precinct.code}.`,
        { qrPrecinct: reading.qrPrecinct, chosen: precinct.code },
      );
    }
    const lines = linesOf(fields.value);
    const submitted = submitWorksheet(
      store,
      {
        precinct: precinct.code,
        lines,
        coinTosses: input.coinTosses,
        operator: input.operator,
        source: 'scan',
        evidence: {
          importFileId: scan.importFileId,
          fileName: scan.fileName,
          sha256: scan.sha256,
          pageNumber: input.pageNumber,
          scanReadingId: reading.id,
        },
      },
      at,
    );
    if (!submitted.ok) return submitted;
    const candidateIds = new Map(store.listCandidates().map((candidate) => [candidate.name, candidate.id]));
    insertScanConfirmation(store, {
      importFileId: scan.importFileId,
      pageNumber: input.pageNumber,
      scanReadingId: reading.id,
      reportId: submitted.value.reportId,
      precinctId: precinct.id,
      qrPrecinct: reading.qrPrecinct,
      overrideReason: differs ? overrideReason : null,
      operator: input.operator,
      confirmedAt: at,
      fields: fields.value.map((field) => ({
        candidateId: candidateIds.get(field.candidate) as number,
        column: field.column,
        value: field.value,
        readValue: field.readValue,
      })),
    });
    const confirmedPages = new Set(scanConfirmations(store, scan.importFileId).map((entry) => entry.pageNumber));
    const everyPage = latestScanReadings(store, scan.importFileId).every((entry) =>
      confirmedPages.has(entry.pageNumber),
    );
    if (everyPage) setScanQueueStatus(store, scan.importFileId, 'confirmed');
    const changed = fields.value.filter((field) => field.value !== field.readValue);
    store.appendAudit({
      at,
      operator: input.operator,
      action: 'scan.confirmed',
      payload: {
        scanId: scan.importFileId,
        fileName: scan.fileName,
        sha256: scan.sha256,
        pageNumber: input.pageNumber,
        readingId: reading.id,
        reportId: submitted.value.reportId,
        precinct: precinct.code,
        qrPrecinct: reading.qrPrecinct,
        overrideReason: differs ? overrideReason : null,
        changed: changed.map((field) => ({
          candidate: field.candidate,
          column: field.column,
          read: field.readValue,
          confirmed: field.value,
        })),
      },
    });
    const after = findQueuedScan(store, scan.importFileId) ?? scan;
    return ok({
      reportId: submitted.value.reportId,
      precinct: precinct.code,
      status: submitted.value.status,
      findings: submitted.value.findings,
      changedFields: changed.map((field) => ({ ...field, changed: true })),
      scan: scanReviewView(store, after),
    });
  });
}

interface MatchedField {
  readonly candidate: string;
  readonly column: WorksheetColumn;
  readonly value: number;
  readonly readValue: number | null;
}

/** Every field read must be confirmed with a number, once; nothing the sheet does not have. */
function matchFields(reading: StoredScanReading, given: readonly ConfirmedField[]): Result<MatchedField[], AppError> {
  const key = (field: { candidate: string; column: WorksheetColumn }) => `${field.candidate}\u0000${field.column}`;
  const byKey = new Map<string, ConfirmedField>();
  for (const field of given) {
    if (byKey.has(key(field))) {
      return appError(
        'FIELD_TWICE',
        `${possessive(field.candidate)} ${COLUMN_WORDS[field.column]} was given twice. Confirm each field once.`,
      );
    }
    byKey.set(key(field), field);
  }
  const readKeys = new Set(reading.fields.map(key));
  const extra = given.find((field) => !readKeys.has(key(field)));
  if (extra) {
    return appError(
      'FIELD_NOT_ON_SHEET',
      `The sheet has no field for ${possessive(extra.candidate)} ${COLUMN_WORDS[extra.column]}. Confirm only the fields that were read.`,
    );
  }
  const matched: MatchedField[] = [];
  for (const field of reading.fields) {
    const confirmed = byKey.get(key(field));
    if (!confirmed || confirmed.value === null) {
      return appError(
        'FIELD_MISSING',
        `No value was confirmed for ${possessive(field.candidate)} ${COLUMN_WORDS[field.column]}. Type the number the paper shows (0 when the box is empty) and confirm every field.`,
        { candidate: field.candidate, column: field.column },
      );
    }
    matched.push({ candidate: field.candidate, column: field.column, value: confirmed.value, readValue: field.value });
  }
  return ok(matched);
}

function linesOf(fields: readonly MatchedField[]): WorksheetLine[] {
  const lines = new Map<string, { -readonly [K in keyof WorksheetLine]: WorksheetLine[K] }>();
  for (const field of fields) {
    const line = lines.get(field.candidate) ?? {
      candidate: field.candidate,
      firstAlignment: null,
      finalAlignment: null,
      delegatesAwarded: null,
    };
    line[COLUMN_FIELDS[field.column]] = field.value;
    lines.set(field.candidate, line);
  }
  return [...lines.values()];
}

/** A scan set aside as unreadable: nothing from it enters the results; the file stays stored. */
export function rejectScan(
  store: CountyStore,
  input: { readonly scanId: number; readonly reason: string; readonly operator: string },
  at: string,
): Result<ScanReviewView, AppError> {
  return store.transaction(() => {
    const scan = findQueuedScan(store, input.scanId);
    if (!scan) return scanNotFound(input.scanId);
    const refused = decided(store, scan);
    if (refused) return refused;
    const confirmed = scanConfirmations(store, scan.importFileId);
    if (confirmed.length > 0) {
      return appError(
        'SCAN_ALREADY_CONFIRMED',
        `Page ${confirmed.map((entry) => entry.pageNumber).join(', ')} of ${scan.fileName} was already confirmed into the results, so the scan cannot be set aside.`,
      );
    }
    insertScanRejection(store, {
      importFileId: scan.importFileId,
      reason: input.reason,
      operator: input.operator,
      rejectedAt: at,
    });
    setScanQueueStatus(store, scan.importFileId, 'rejected');
    store.appendAudit({
      at,
      operator: input.operator,
      action: 'scan.rejected',
      payload: { scanId: scan.importFileId, fileName: scan.fileName, sha256: scan.sha256, reason: input.reason },
    });
    return ok(scanReviewView(store, findQueuedScan(store, scan.importFileId) ?? scan));
  });
}

/** The scan a report was confirmed from, or null for a report that did not come from a scan. */
export function getReportEvidence(store: CountyStore, reportId: number): Result<ReportEvidence | null, AppError> {
  const report = reportFile(store, reportId);
  if (!report) return appError('UNKNOWN_REPORT', `There is no report #${reportId}.`);
  const confirmation = confirmationOfReport(store, reportId);
  if (!confirmation) return ok(null);
  const scan = findQueuedScan(store, confirmation.importFileId);
  const bytes = importFileBytes(store, confirmation.importFileId);
  if (!scan || !bytes) return ok(null);
  // The reading that was confirmed, not a later one.
  const reading = findScanReading(store, confirmation.scanReadingId);
  return ok({
    reportId,
    scanId: scan.importFileId,
    fileName: scan.fileName,
    sha256: scan.sha256,
    mediaType: scan.mediaType,
    pageNumber: confirmation.pageNumber,
    page: pageImage(reading?.page ?? null),
    fields: confirmation.fields.map((field) => ({
      ...field,
      box:
        reading?.fields.find((entry) => entry.candidate === field.candidate && entry.column === field.column)?.box ??
        null,
    })),
    original: { mediaType: scan.mediaType, base64: Buffer.from(bytes).toString('base64') },
    confirmation: confirmationView(confirmation),
  });
}

function possessive(name: string): string {
  return name.endsWith('s') ? `${name}’` : `${name}’s`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type ScanMethod = 'readScan' | 'getScanReading' | 'confirmScanReading' | 'rejectScan' | 'getReportEvidence';

export type ScanHandlers = {
  [M in ScanMethod & ApiMethodName]: (
    input: ApiParsedInput<M>,
  ) => Result<ApiOutputs[M], AppError> | Promise<Result<ApiOutputs[M], AppError>>;
};

/**
 * Reading, confirming and setting aside scans is data entry ('enter-results'), like keying the
 * worksheet. The reader is made on the first read and kept for the life of the API.
 */
export function scanHandlers(
  store: CountyStore,
  clock: () => Date,
  ocr: ScanReaderFactory | undefined,
  resourcesDir: string,
): ScanHandlers {
  let engine: ScanReader | null = null;
  const reader = () => {
    engine ??= (ocr ?? realScanReader)({ dataDir: ocrDataDirFor(store.path), resourcesDir });
    return engine;
  };
  return {
    readScan: async (input) => {
      const who = actorFor(store, input, 'enter-results', clock());
      if (!who.ok) return who;
      return readScan(
        store,
        reader,
        { scanId: input.scanId, expectedPrecinct: input.expectedPrecinct, operator: who.value.name },
        clock,
      );
    },
    getScanReading: (input) => getScanReading(store, input.scanId),
    confirmScanReading: (input) => {
      const at = clock();
      const who = actorFor(store, input, 'enter-results', at);
      if (!who.ok) return who;
      return confirmScanReading(
        store,
        {
          scanId: input.scanId,
          pageNumber: input.pageNumber,
          readingId: input.readingId,
          precinct: input.precinct,
          fields: input.fields,
          coinTosses: input.coinTosses,
          precinctOverrideReason: input.precinctOverrideReason,
          operator: who.value.name,
        },
        at.toISOString(),
      );
    },
    rejectScan: (input) => {
      const at = clock();
      const who = actorFor(store, input, 'enter-results', at);
      if (!who.ok) return who;
      return rejectScan(
        store,
        { scanId: input.scanId, reason: input.reason, operator: who.value.name },
        at.toISOString(),
      );
    },
    getReportEvidence: (input) => getReportEvidence(store, input.reportId),
  };
}
