/** A scan as the scan review screen reads it (getScanReading), and one of its pages. */
import type { useScanReading } from '../../api/hooks';

export type ScanView = NonNullable<ReturnType<typeof useScanReading>['data']>;

export type PageView = ScanView['pages'][number];
