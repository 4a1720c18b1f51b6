/** Import files: what one imported file came to, batching files into requests, reading dropped folders. */
import type { FileProblem, ReportSource } from '../../api/types';
import { plural } from '../../format';

export type Outcome = 'imported' | 'conflict' | 'duplicate' | 'pending-review' | 'rejected' | 'skipped';

export interface FileRow {
  readonly path: string;
  readonly outcome: Outcome;
  readonly reports: number;
  readonly message: string | null;
  /** A refused file's problems, each with its row and column. */
  readonly problems: readonly FileProblem[];
}

export interface Totals {
  imported: number;
  duplicates: number;
  conflicts: number;
  rejected: number;
  pendingReview: number;
}

export const OUTCOME_LABELS: Record<Outcome, string> = {
  imported: 'Imported',
  conflict: 'Conflict',
  duplicate: 'Already imported',
  'pending-review': 'Sent to review',
  rejected: 'Refused',
  skipped: 'Skipped',
};

export const SOURCES: readonly { readonly value: ReportSource; readonly label: string }[] = [
  { value: 'usb', label: 'USB stick or drive' },
  { value: 'email', label: 'Sent by email (saved attachments)' },
  { value: 'scan', label: 'Scanner' },
  { value: 'manual', label: 'Other (typed up, exported)' },
];

export const ACCEPT = '.csv,.xlsx,.json,.eml,.png,.jpg,.jpeg,.pdf,.tallyroom-batch';

/** Files per request, and the bytes a request may carry (base64 grows them by a third). */
export const BATCH_FILES = 4;

export const BATCH_BYTES = 12 * 1024 * 1024;

/** What the API accepts at most: an email of 40 MB; the rest is refused here without reading it. */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;

export const MAX_FILES = 5000;

/** Drive files per request: each is read, staged and stored by the API, so a few at a time keeps progress moving. */
export const DRIVE_BATCH_FILES = 10;

export interface Picked {
  readonly path: string;
  readonly file: File;
}

/** The import's outcome as a screen reader says it when the import ends. */
export function importOutcomeWords(files: number, totals: Totals): string {
  const parts = [
    `${plural(totals.imported, 'report')} imported`,
    totals.duplicates > 0 ? `${plural(totals.duplicates, 'file')} already imported` : '',
    totals.conflicts > 0 ? `${plural(totals.conflicts, 'conflict')}` : '',
    totals.rejected > 0 ? `${plural(totals.rejected, 'file')} refused` : '',
    totals.pendingReview > 0 ? `${plural(totals.pendingReview, 'item')} sent to review` : '',
  ].filter(Boolean);
  return `Import finished, ${plural(files, 'file')}: ${parts.join(', ')}.`;
}

export function problemsOf(rejected: readonly { problems?: readonly FileProblem[] }[]): FileProblem[] {
  return rejected.flatMap((entry) => entry.problems ?? []);
}

export function describeRow(row: FileRow): string {
  if (row.outcome === 'imported') {
    return `${plural(row.reports, 'precinct report')} stored${row.message ? `. ${row.message}` : '.'}`;
  }
  return row.message ?? '';
}

export function* batches(files: readonly Picked[]): Generator<Picked[]> {
  let batch: Picked[] = [];
  let bytes = 0;
  for (const entry of files) {
    if (batch.length > 0 && (batch.length >= BATCH_FILES || bytes + entry.file.size > BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(entry);
    bytes += entry.file.size;
  }
  if (batch.length > 0) yield batch;
}

/** Dropped files, and the files inside dropped folders (with their folder path, as on the drive). */
export async function droppedFiles(transfer: DataTransfer): Promise<Picked[]> {
  const entries = Array.from(transfer.items)
    .map((item) => item.webkitGetAsEntry?.() ?? null)
    .filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0) return Array.from(transfer.files).map((file) => ({ path: file.name, file }));
  const picked: Picked[] = [];
  const visit = async (entry: FileSystemEntry, depth: number): Promise<void> => {
    if (picked.length > MAX_FILES || depth > 9) return;
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      picked.push({ path: entry.fullPath.replace(/^\//, ''), file });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const children = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (children.length === 0) break;
        for (const child of children.sort((a, b) => a.name.localeCompare(b.name))) await visit(child, depth + 1);
      }
    }
  };
  for (const entry of entries) await visit(entry, 0);
  return picked;
}
