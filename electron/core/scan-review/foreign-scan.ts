/**
 * Sheets that are not ours (the full-page fallback, docs/OCR.md): a picture with no Tallyroom worksheet in it is read
 * as a table of numbers, and a person maps every number to a candidate and column, picks the
 * precinct, and confirms. Nothing is ever accepted by itself: the confirmation names every field,
 * and then the page becomes a report through the worksheet path (source 'scan', same policy,
 * discrepancies and double entry), with the picture kept as its evidence.
 */
import { canonicalJson } from '../audit-log/canonical-json';
import type { WorksheetColumn } from '../model/scan-reading';
import type { ForeignReading } from '../ocr/foreign-reading';
import { type AppError, appError, ok, type Result } from '../result';
import type { CoinToss } from '../rules/types';
import type { CountyStore } from '../store/county-store';
import { foreignReadingDetails, insertConfirmedTokens, insertForeignScanReading } from '../store/foreign-scan-records';
import {
  confirmationOfReport,
  findQueuedScan,
  latestScanReadings,
  type ScanFile,
  setScanQueueStatus,
} from '../store/scan-records';
import { confirmScanReading } from './confirm-scan';
import type { ScanReader, ScanReadRequest } from './scan-reader';
import { scanToRead } from './scan-to-read';
import { alreadyDecided, type ConfirmedScan, type ScanReviewView, scanNotFound, scanReviewView } from './scan-views';
import { COLUMN_WORDS, capitalize, possessive } from './scan-words';

const NO_BOX = { x: 0, y: 0, width: 0, height: 0 } as const;

/** A reader that can also read a whole page as a table of numbers (the real OcrEngine can). */
type TableReader = ScanReader & {
  readForeign?(request: ScanReadRequest): Promise<Result<readonly ForeignReading[], AppError>>;
};

/**
 * Reads a queued scan as a table of numbers and stores what was found and suggested. The queue
 * status becomes 'read'; nothing enters the results.
 */
export async function readForeignScan(
  store: CountyStore,
  reader: () => ScanReader | null,
  input: { readonly scanId: number; readonly operator: string },
  clock: () => Date,
): Promise<Result<ScanReviewView, AppError>> {
  const toRead = scanToRead(store, input.scanId);
  if (!toRead.ok) return toRead;
  const { scan, bytes } = toRead.value;
  const engine: TableReader | null = reader();
  if (!engine) {
    return appError(
      'APP_CLOSING',
      `Tallyroom is closing, so ${scan.fileName} was not read. Read it after the next start.`,
    );
  }
  if (!engine.readForeign) {
    return appError(
      'OCR_FAILED',
      'This reader cannot read a picture as a table of numbers. Key the numbers in from the paper.',
    );
  }
  let read: Result<readonly ForeignReading[], AppError>;
  try {
    read = await engine.readForeign({ store, bytes, fileName: scan.fileName });
  } catch (cause) {
    return appError(
      'OCR_FAILED',
      `Reading ${scan.fileName} failed: ${cause instanceof Error ? cause.message : String(cause)}. Try again; if it keeps failing, key the numbers in from the paper.`,
    );
  }
  if (!read.ok) return read;
  const readings = read.value;
  const at = clock().toISOString();
  return store.transaction(() => {
    const now = findQueuedScan(store, input.scanId);
    if (!now) return scanNotFound(input.scanId);
    const refusedNow = alreadyDecided(store, now);
    if (refusedNow) return refusedNow;
    const ids = storeForeignReadings(store, now, readings, input.operator, at, engine.engineVersions);
    setScanQueueStatus(store, now.importFileId, 'read');
    store.appendAudit({
      at,
      operator: input.operator,
      action: 'scan.read-as-table',
      payload: {
        scanId: now.importFileId,
        fileName: now.fileName,
        sha256: now.sha256,
        engines: engine.engineVersions,
        pages: readings.map((reading, index) => ({
          pageNumber: reading.pageNumber,
          readingId: ids[index],
          numbersFound: reading.tokens.length,
          suggestedPrecinct: reading.suggestion.precinct,
          fieldsSuggested: reading.suggestion.fields.filter((field) => field.value !== null).length,
        })),
      },
    });
    return ok(scanReviewView(store, findQueuedScan(store, now.importFileId) ?? now));
  });
}

function storeForeignReadings(
  store: CountyStore,
  scan: ScanFile,
  readings: readonly ForeignReading[],
  operator: string,
  at: string,
  engineVersions: Readonly<Record<string, string>>,
): number[] {
  const candidateIds = new Map(store.listCandidates().map((candidate) => [candidate.name, candidate.id]));
  return readings.map((reading) =>
    insertForeignScanReading(store, {
      importFileId: scan.importFileId,
      pageNumber: reading.pageNumber,
      qrPrecinct: null,
      expectedPrecinct: null,
      formVersion: null,
      rotationDegrees: 0,
      page: reading.page,
      engineVersions: canonicalJson(engineVersions),
      elapsedMs: reading.elapsedMs,
      operator,
      readAt: at,
      fields: reading.suggestion.fields.flatMap((field) => {
        const candidateId = candidateIds.get(field.candidate);
        if (candidateId === undefined) return [];
        const token = field.tokenIndex !== null ? reading.tokens[field.tokenIndex] : undefined;
        return [
          {
            candidateId,
            column: field.column,
            value: field.value,
            confidence: Math.min(1, Math.max(0, field.confidence)),
            needsReview: true,
            reasons: field.reasons,
            tesseract: token?.text ?? null,
            classifier: null,
            box: token?.box ?? NO_BOX,
          },
        ];
      }),
      problems:
        reading.tokens.length === 0
          ? [
              {
                code: 'NO_NUMBERS_FOUND',
                message:
                  'No numbers could be read in this picture. Type them from the paper, or take the photo again in good light with the whole sheet in view.',
              },
            ]
          : [],
      suggestedPrecinct: reading.suggestion.precinct,
      tokens: reading.tokens.map(({ value, text, confidence, box, line }) => ({ value, text, confidence, box, line })),
      lines: reading.lines.map(({ text, box }) => ({ text, box })),
    }),
  );
}

export interface MappedField {
  readonly candidate: string;
  readonly column: WorksheetColumn;
  readonly value: number | null;
  /** The number box the value was taken from; null or absent when the person typed it. */
  readonly tokenIndex?: number | null | undefined;
}

export interface ConfirmForeignInput {
  readonly scanId: number;
  readonly pageNumber: number;
  readonly readingId: number;
  readonly precinct: string;
  readonly fields: readonly MappedField[];
  readonly coinTosses: readonly CoinToss[];
  readonly operator: string;
}

/**
 * A person confirms the mapping of a foreign page: the precinct and every candidate's first, final
 * and delegates, each checked against the paper. Refused, with nothing stored, unless every field
 * has a number; then the worksheet path makes the report, and which box each value came from is kept.
 */
export function confirmForeignScan(
  store: CountyStore,
  input: ConfirmForeignInput,
  at: string,
): Result<ConfirmedScan, AppError> {
  if (!store.getElection()) return appError('NO_COUNTY', 'Set up the county before confirming scans.');
  return store.transaction(() => {
    const scan = findQueuedScan(store, input.scanId);
    if (!scan) return scanNotFound(input.scanId);
    const page = `page ${input.pageNumber} of ${scan.fileName}`;
    const reading = latestScanReadings(store, scan.importFileId).find((entry) => entry.pageNumber === input.pageNumber);
    if (!reading) return appError('SCAN_NOT_READ', `${capitalize(page)} has not been read yet. Read it first.`);
    const details = foreignReadingDetails(store, reading.id);
    if (!details) {
      return appError(
        'SCAN_NOT_A_TABLE',
        `${capitalize(page)} was last read as a Tallyroom worksheet, not as a table of numbers. Confirm it on the worksheet review, or read it as a table of numbers first.`,
      );
    }
    if (input.readingId !== reading.id) {
      return appError(
        'SCAN_READ_AGAIN',
        `${capitalize(page)} was read again after you opened it. Map the new reading before confirming.`,
      );
    }
    const given = new Map(input.fields.map((field) => [`${field.candidate}\u0000${field.column}`, field]));
    const missing = reading.fields.filter((field) => {
      const entry = given.get(`${field.candidate}\u0000${field.column}`);
      return !entry || entry.value === null;
    });
    if (missing.length > 0) {
      const names = missing.slice(0, 4).map((field) => `${possessive(field.candidate)} ${COLUMN_WORDS[field.column]}`);
      const more = missing.length > 4 ? ` and ${missing.length - 4} more` : '';
      return appError(
        'FIELD_MISSING',
        `${missing.length === 1 ? 'One field is' : `${missing.length} fields are`} not filled in yet: ${names.join(', ')}${more}. Check every number against the paper (0 where the sheet shows none) before confirming.`,
        { missing: missing.map(({ candidate, column }) => ({ candidate, column })) },
      );
    }
    const badToken = input.fields.find(
      (field) =>
        field.tokenIndex !== undefined && field.tokenIndex !== null && field.tokenIndex >= details.tokens.length,
    );
    if (badToken) {
      return appError(
        'TOKEN_NOT_ON_PAGE',
        `${possessive(badToken.candidate)} ${COLUMN_WORDS[badToken.column]} points at number box #${badToken.tokenIndex}, which is not on ${page}. Pick the box again on the picture.`,
      );
    }
    const confirmed = confirmScanReading(
      store,
      {
        scanId: input.scanId,
        pageNumber: input.pageNumber,
        readingId: input.readingId,
        precinct: input.precinct,
        fields: input.fields.map(({ candidate, column, value }) => ({ candidate, column, value })),
        coinTosses: input.coinTosses,
        operator: input.operator,
      },
      at,
    );
    if (!confirmed.ok) return confirmed;
    const confirmation = confirmationOfReport(store, confirmed.value.reportId);
    if (!confirmation) return appError('SCAN_NOT_READ', `${capitalize(page)} could not be confirmed.`);
    const candidateIds = new Map(store.listCandidates().map((candidate) => [candidate.name, candidate.id]));
    const mapped = reading.fields.map((field) => {
      const entry = given.get(`${field.candidate}\u0000${field.column}`) as MappedField;
      return {
        candidate: field.candidate,
        column: field.column,
        value: entry.value as number,
        tokenIndex: entry.tokenIndex ?? null,
        suggested: field.value,
      };
    });
    insertConfirmedTokens(
      store,
      confirmation.id,
      mapped.map((field) => ({
        candidateId: candidateIds.get(field.candidate) as number,
        column: field.column,
        tokenIndex: field.tokenIndex,
      })),
    );
    store.appendAudit({
      at,
      operator: input.operator,
      action: 'scan.mapped-from-table',
      payload: {
        scanId: scan.importFileId,
        pageNumber: input.pageNumber,
        readingId: reading.id,
        reportId: confirmed.value.reportId,
        precinct: confirmed.value.precinct,
        suggestedPrecinct: details.suggestedPrecinct,
        fields: mapped,
      },
    });
    return ok(confirmed.value);
  });
}
