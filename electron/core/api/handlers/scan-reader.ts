/**
 * The reader as the API sees it: one long-lived engine per API (tesseract workers are slow to
 * start), created on the first scan read and reused. Injected through ApiDeps.ocr so tests and the
 * harness can hold and close the real one; without it, the API makes the real one itself.
 */
import { dirname, join } from 'node:path';
import type { ScanReading } from '../../ocr/scan-reading';
import { type AppError, appError, type Result } from '../../result';
import type { CountyStore } from '../../store/county-store';

export interface ScanReadRequest {
  readonly store: CountyStore;
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly expectedPrecinct?: string;
}

export interface ScanReader {
  /** One reading per page (a PDF may have several); a problem with a page is in its reading. */
  read(request: ScanReadRequest): Promise<Result<readonly ScanReading[], AppError>>;
  /** Engine name -> version, stored with every reading (which engines read these numbers). */
  readonly engineVersions: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

export interface ScanReaderOptions {
  /** Where tesseract may cache its language data: a folder next to the county database. */
  readonly dataDir: string;
}

export type ScanReaderFactory = (options: ScanReaderOptions) => ScanReader;

/** The folder next to the database that OCR may write its cache into. */
export function ocrDataDirFor(databasePath: string): string {
  if (databasePath === '' || databasePath === ':memory:') return join(process.cwd(), 'tallyroom-ocr-data');
  return join(dirname(databasePath), 'tallyroom-ocr-data');
}

/** The real reader (electron/core/ocr), until it lands: a clear NOT_YET, nothing stored. */
export const realScanReader: ScanReaderFactory = () => ({
  engineVersions: {},
  read: async () =>
    appError('NOT_YET', 'Reading scans is not available in this version yet. Key the worksheet in instead.'),
  close: async () => undefined,
});
