import type { BackgroundServices } from '../background/background-services';
import type { CountyStore } from '../store/county-store';
import { listQuarantineItems, listScanQueue } from '../store/intake-records';

/** Things waiting for a person, shown as badges in the navigation. */
export interface PendingCounts {
  readonly quarantinedMail: number;
  readonly scansWaiting: number;
  readonly driveFilesWaiting: number;
  readonly total: number;
}

export function pendingCounts(store: CountyStore, background: BackgroundServices): PendingCounts {
  const quarantinedMail = listQuarantineItems(store, true).length;
  const scansWaiting = listScanQueue(store).filter((scan) => scan.status === 'pending-ocr').length;
  const driveFilesWaiting = background.drives.waitingCount();
  return {
    quarantinedMail,
    scansWaiting,
    driveFilesWaiting,
    total: quarantinedMail + scansWaiting + driveFilesWaiting,
  };
}
