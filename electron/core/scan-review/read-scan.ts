/**
 * Reading a queued worksheet scan (docs/OCR.md). A scan waits in the queue until someone reads it;
 * the reading is stored, never a result: only a person confirming every field (confirm-scan.ts)
 * turns a page into a report.
 */
import { canonicalJson } from '../audit-log/canonical-json';
import type { ScanReading } from '../ocr/scan-reading';
import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { findQueuedScan, insertScanReading, type ScanFile, setScanQueueStatus } from '../store/scan-records';
import type { ScanReader } from './scan-reader';
import { scanToRead } from './scan-to-read';
import { alreadyDecided, type ScanReviewView, scanNotFound, scanReviewView } from './scan-views';

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
  const toRead = scanToRead(store, input.scanId);
  if (!toRead.ok) return toRead;
  const { election, scan, bytes } = toRead.value;
  if (input.expectedPrecinct !== undefined && !store.findPrecinct(input.expectedPrecinct)) {
    return appError('UNKNOWN_PRECINCT', `There is no precinct "${input.expectedPrecinct}" in ${election.county}.`);
  }
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
