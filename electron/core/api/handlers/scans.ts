/**
 * Reading and confirming worksheet scans (docs/OCR.md). A scan waits in the queue until someone
 * reads it; the reading is stored, never a result. Only a person confirming every field turns a
 * page into a report, through the same path and policy as a keyed worksheet (source 'scan', the
 * confirmer as its operator: one entry of the paper), linked to the stored file as evidence.
 */
import { canonicalJson } from '../../audit-log/canonical-json';
import type { ScanReading } from '../../ocr/scan-reading';
import { type AppError, appError, ok, type Result } from '../../result';
import type { CountyStore } from '../../store/county-store';
import {
  findQueuedScan,
  importFileBytes,
  insertScanReading,
  insertScanRejection,
  type ScanFile,
  scanConfirmations,
  setScanQueueStatus,
} from '../../store/scan-records';
import type { ApiMethodName } from '../methods';
import type { ApiParsedInput } from '../schemas';
import type { ApiOutputs } from '../types';
import { actorFor } from './operators';
import { confirmScanReading } from './scan-confirm';
import { confirmForeignScan, readForeignScan } from './scan-foreign';
import {
  ocrDataDirFor,
  realScanReader,
  type ScanReader,
  type ScanReaderFactory,
  type ScanReaderSlot,
  scanReaderSlot,
} from './scan-reader';
import {
  alreadyDecided,
  getReportEvidence,
  getScanReading,
  type ScanReviewView,
  scanNotFound,
  scanReviewView,
} from './scan-views';

export type { ConfirmedField, ConfirmScanInput } from './scan-confirm';
export type {
  ConfirmedScan,
  ReportEvidence,
  ScanConfirmationView,
  ScanPageImage,
  ScanPageView,
  ScanReviewView,
} from './scan-views';

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
  const refused = alreadyDecided(store, scan);
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
    const refusedNow = alreadyDecided(store, now);
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

/** A scan set aside as unreadable: nothing from it enters the results; the file stays stored. */
export function rejectScan(
  store: CountyStore,
  input: { readonly scanId: number; readonly reason: string; readonly operator: string },
  at: string,
): Result<ScanReviewView, AppError> {
  return store.transaction(() => {
    const scan = findQueuedScan(store, input.scanId);
    if (!scan) return scanNotFound(input.scanId);
    const refused = alreadyDecided(store, scan);
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

type ScanMethod =
  | 'readScan'
  | 'getScanReading'
  | 'confirmScanReading'
  | 'rejectScan'
  | 'getReportEvidence'
  | 'readForeignScan'
  | 'confirmForeignScan';

export type ScanHandlers = {
  [M in ScanMethod & ApiMethodName]: (
    input: ApiParsedInput<M>,
  ) => Result<ApiOutputs[M], AppError> | Promise<Result<ApiOutputs[M], AppError>>;
};

/** The API's reader slot: the injected factory or the real engine, its cache next to the database. */
export function apiScanReaders(
  store: CountyStore,
  ocr: ScanReaderFactory | undefined,
  resourcesDir: string,
): ScanReaderSlot {
  return scanReaderSlot(ocr ?? realScanReader, { dataDir: ocrDataDirFor(store.path), resourcesDir });
}

/**
 * Reading, confirming and setting aside scans is data entry ('enter-results'), like keying the
 * worksheet. The reader is made on the first read and kept for the life of the API; closing the
 * API closes it (close-api.ts).
 */
export function scanHandlers(store: CountyStore, clock: () => Date, readers: ScanReaderSlot): ScanHandlers {
  const reader = () => readers.reader();
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
    // Sheets that are not ours (scan-foreign.ts): the same reader, read as a table; a person maps every field.
    readForeignScan: async (input) => {
      const who = actorFor(store, input, 'enter-results', clock());
      if (!who.ok) return who;
      return readForeignScan(store, reader, { scanId: input.scanId, operator: who.value.name }, clock);
    },
    confirmForeignScan: (input) => {
      const at = clock();
      const who = actorFor(store, input, 'enter-results', at);
      if (!who.ok) return who;
      return confirmForeignScan(
        store,
        {
          scanId: input.scanId,
          pageNumber: input.pageNumber,
          readingId: input.readingId,
          precinct: input.precinct,
          fields: input.fields,
          coinTosses: input.coinTosses,
          operator: who.value.name,
        },
        at.toISOString(),
      );
    },
  };
}
