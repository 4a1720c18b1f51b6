import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore, ElectionRow } from '../store/county-store';
import { findQueuedScan, importFileBytes, type ScanFile } from '../store/scan-records';
import { alreadyDecided, scanNotFound } from './scan-views';

/** A queued scan that may be read now (nobody has decided on it yet), with its stored bytes. */
export function scanToRead(
  store: CountyStore,
  scanId: number,
): Result<{ election: ElectionRow; scan: ScanFile; bytes: Uint8Array }, AppError> {
  const election = store.getElection();
  if (!election) return appError('NO_COUNTY', 'Set up the county before reading scans.');
  const scan = findQueuedScan(store, scanId);
  if (!scan) return scanNotFound(scanId);
  const refused = alreadyDecided(store, scan);
  if (refused) return refused;
  const bytes = importFileBytes(store, scan.importFileId);
  return bytes ? ok({ election, scan, bytes }) : scanNotFound(scanId);
}
