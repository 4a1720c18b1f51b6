/**
 * The reader as the API sees it: one long-lived engine per API (tesseract workers are slow to
 * start), created on the first scan read and reused. Injected through ApiDeps.ocr so tests and the
 * harness can hold and close the real one; without it, the API makes the real one itself.
 */
import { dirname, join } from 'node:path';
import type { ForeignReading } from '../ocr/foreign-reading';
import { createOcrEngine } from '../ocr/read-worksheet-scan';
import type { ScanReading } from '../ocr/scan-reading';
import { type AppError, appError, type Result } from '../result';
import type { CountyStore } from '../store/county-store';

export interface ScanReadRequest {
  readonly store: CountyStore;
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly expectedPrecinct?: string;
}

export interface ScanReader {
  /** One reading per page (a PDF may have several); a problem with a page is in its reading. */
  read(request: ScanReadRequest): Promise<Result<readonly ScanReading[], AppError>>;
  /** The full-page fallback: every page read as a table of numbers, always for a person to map. */
  readForeign?(request: ScanReadRequest): Promise<Result<readonly ForeignReading[], AppError>>;
  /** Engine name -> version, stored with every reading (which engines read these numbers). */
  readonly engineVersions: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

export interface ScanReaderOptions {
  /** Where tesseract may cache its language data: a folder next to the county database. */
  readonly dataDir: string;
  /** The app's bundled resources (the digit classifier's model is in ocr/). */
  readonly resourcesDir?: string;
}

export type ScanReaderFactory = (options: ScanReaderOptions) => ScanReader;

/** The API's one reader: made on the first read, closed with the API. */
export interface ScanReaderSlot {
  /** The reader, made on first use; once the slot is closed, one that refuses every read (APP_CLOSING). */
  reader(): ScanReader;
  /** Closes the reader if one was made (its worker threads end). Idempotent. */
  close(): Promise<void>;
}

export function scanReaderSlot(factory: ScanReaderFactory, options: ScanReaderOptions): ScanReaderSlot {
  let made: ScanReader | null = null;
  let closing: Promise<void> | null = null;
  return {
    reader() {
      if (closing) return closedReader(made?.engineVersions ?? {});
      made ??= factory(options);
      return made;
    },
    close() {
      closing ??= made ? made.close() : Promise.resolve();
      return closing;
    },
  };
}

/** What reads once the app is quitting: nothing, with a sentence saying so (no new worker is started). */
function closedReader(engineVersions: Readonly<Record<string, string>>): ScanReader {
  return {
    engineVersions,
    read: async (request) =>
      appError(
        'APP_CLOSING',
        `Tallyroom is closing, so ${request.fileName} was not read. Read it after the next start.`,
      ),
    close: async () => undefined,
  };
}

/** The folder next to the database that OCR may write its cache into. */
export function ocrDataDirFor(databasePath: string): string {
  if (databasePath === '' || databasePath === ':memory:') return join(process.cwd(), 'tallyroom-ocr-data');
  return join(dirname(databasePath), 'tallyroom-ocr-data');
}

/** The real reader (electron/core/ocr): tesseract.js workers and the digit classifier, offline. */
export const realScanReader: ScanReaderFactory = (options) =>
  createOcrEngine({
    dataDir: options.dataDir,
    ...(options.resourcesDir !== undefined ? { resourcesDir: options.resourcesDir } : {}),
  });

/** A county's reader slot: the injected factory or the real engine, its cache next to the database. */
export function scanReaderSlotFor(
  store: CountyStore,
  factory: ScanReaderFactory | undefined,
  resourcesDir: string,
): ScanReaderSlot {
  return scanReaderSlot(factory ?? realScanReader, { dataDir: ocrDataDirFor(store.path), resourcesDir });
}
