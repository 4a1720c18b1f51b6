import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { findQueuedScan, insertScanRejection, scanConfirmations, setScanQueueStatus } from '../store/scan-records';
import { alreadyDecided, type ScanReviewView, scanNotFound, scanReviewView } from './scan-views';

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
