/**
 * A person confirms every field of a scanned page (docs/OCR.md): the page becomes a report through the
 * keyed-worksheet path, never a field left out, never a precinct other than the QR's without a reason.
 */

import type { WorksheetLine } from '../model/report';
import type { WorksheetColumn } from '../model/scan-reading';
import { type AppError, appError, ok, type Result } from '../result';
import type { CoinToss } from '../rules/types';
import type { CountyStore } from '../store/county-store';
import {
  findQueuedScan,
  insertScanConfirmation,
  latestScanReadings,
  type StoredScanReading,
  scanConfirmations,
  setScanQueueStatus,
} from '../store/scan-records';
import { submitWorksheet } from '../worksheet/submit-worksheet';
import { alreadyDecided, type ConfirmedScan, scanNotFound, scanReviewView } from './scan-views';
import { COLUMN_WORDS, capitalize, possessive } from './scan-words';

export interface ConfirmedField {
  readonly candidate: string;
  readonly column: WorksheetColumn;
  readonly value: number | null;
}

const COLUMN_FIELDS = {
  first: 'firstAlignment',
  final: 'finalAlignment',
  delegates: 'delegatesAwarded',
} as const satisfies Record<WorksheetColumn, keyof WorksheetLine>;

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
      const refused = alreadyDecided(store, scan);
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
