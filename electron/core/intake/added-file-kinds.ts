import type { AppError } from '../result';
import type { CountyStore } from '../store/county-store';
import type { FileOutcome } from './intake-summary';

/** What a drive's inbox shows for a file before anything is imported. */
export interface FileInspection {
  readonly precincts: readonly string[];
  readonly alreadyImported: boolean;
  readonly problem: AppError | null;
}

/**
 * A kind of file intake does not read itself: a folder above intake adds it when the program is
 * wired together (team mode adds its station batches, team/station-batch-file-kind.ts), so intake
 * never imports that folder and the import arrows point one way (docs/ARCHITECTURE.md, "Floors").
 */
export interface AddedFileKind {
  /** Its name in results and the inbox, e.g. 'station-batch'. */
  readonly kind: string;
  /** Lower case, with its dot, e.g. '.tallyroom-batch'. */
  readonly extension: string;
  /** The file's bytes, read and hashed, into the county database. */
  ingest(
    store: CountyStore,
    request: { fileName: string; bytes: Uint8Array; operator: string; at: string },
  ): FileOutcome;
  /** What importing it would do, without writing anything. */
  inspect(store: CountyStore, fileName: string, bytes: Uint8Array): FileInspection;
}

const addedByExtension = new Map<string, AddedFileKind>();

/** Adding the same kind again (a second API in one process) changes nothing. */
export function addFileKind(kind: AddedFileKind): void {
  addedByExtension.set(kind.extension.toLowerCase(), kind);
}

export function addedFileKindByExtension(extension: string): AddedFileKind | undefined {
  return addedByExtension.get(extension.toLowerCase());
}

export function addedFileKind(kind: string): AddedFileKind | undefined {
  return [...addedByExtension.values()].find((added) => added.kind === kind);
}
