/**
 * What the review screens see of a scan: each page as read (fields, problems, the aligned page),
 * its confirmation, a rejection; and a report's scan as evidence for the discrepancy queue.
 */

import type { PrecinctStatus } from '../model/precinct-status';
import type { AppError, Result } from '../result';
import { appError, ok } from '../result';
import type { Finding } from '../rules/types';
import type { CountyStore } from '../store/county-store';
import { type ForeignReadingDetails, foreignReadingDetails } from '../store/foreign-scan-records';
import type { ScanMediaType } from '../store/intake-records';
import {
  confirmationOfReport,
  findQueuedScan,
  findScanReading,
  findScanRejection,
  importFileBytes,
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
} from '../store/scan-records';

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
  /** 'foreign': read as a table of numbers (not our worksheet); every field is for a person to map. */
  readonly kind: 'worksheet' | 'foreign';
  /** For a foreign page: the numbers and lines found and the precinct suggested; null for a worksheet. */
  readonly foreign: ForeignReadingDetails | null;
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

export function scanNotFound(scanId: number): Result<never, AppError> {
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
        ...foreignPage(store, reading.id),
      };
    }),
    rejection: findScanRejection(store, scan.importFileId),
  };
}

function foreignPage(store: CountyStore, readingId: number): Pick<ScanPageView, 'kind' | 'foreign'> {
  const foreign = foreignReadingDetails(store, readingId);
  return { kind: foreign ? 'foreign' : 'worksheet', foreign };
}

export function getScanReading(store: CountyStore, scanId: number): Result<ScanReviewView, AppError> {
  const scan = findQueuedScan(store, scanId);
  return scan ? ok(scanReviewView(store, scan)) : scanNotFound(scanId);
}

/** A scan that a person has already decided on cannot be read, confirmed or rejected again. */
export function alreadyDecided(store: CountyStore, scan: ScanFile): Result<never, AppError> | null {
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
