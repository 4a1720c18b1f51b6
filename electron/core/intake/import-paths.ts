import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportSource } from '../api/contract';
import { type AppError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { fileKindOf } from './file-kind';
import { importEmail } from './import-email';
import { ingestFile, SUPPORTED_FORMATS } from './ingest-file';
import { addOutcome, addSummary, emptySummary, type IntakeSummary } from './intake-summary';
import { diskReader, type MediaReader } from './media-reader';
import { OFF_THREAD_MIN_BYTES, parseReportFileOffThread } from './parse-off-thread';
import type { ParsedReportFile } from './parse-report-file';
import { type StagedFile, stageFile } from './stage-file';
import { listMediaFiles, type MediaFile } from './walk-media';

export interface ImportPathsOptions {
  readonly source: ReportSource;
  readonly operator: string;
  readonly clock?: () => Date;
  /** How files are read off the media; tests pass one that fails part-way. */
  readonly reader?: MediaReader;
  /** Where the staging folder is made (a fresh private folder inside it, removed afterwards). */
  readonly stagingRoot?: string;
  /** Called after each file, for a progress display. */
  readonly onProgress?: (progress: { readonly done: number; readonly total: number; readonly path: string }) => void;
}

/**
 * Files staged at once: reading a stick is mostly waiting for the device, so a few reads in flight
 * keep it busy. Small enough that a batch of files at the 25 MB cap stays well inside memory.
 */
const STAGE_AHEAD = 8;
/**
 * Files committed together. Each file is still all or nothing (a savepoint of its own inside the
 * batch), but one durable commit (an fsync with synchronous=FULL) per batch instead of per file
 * is most of an import's time saved (npm run bench). A file counts as imported only once its
 * batch is committed: progress and the summary are reported after the commit, so a crash or a
 * pulled plug loses at most an unreported batch, which importing again completes.
 */
const COMMIT_BATCH = 64;

type Staged = {
  readonly file: MediaFile;
  readonly staged: Result<StagedFile> | null;
  /** A big results file, parsed on a worker thread while the next files were read. */
  readonly parsed?: Result<ParsedReportFile, AppError>;
};

/**
 * Files and folders (a USB drive, a dropped folder) through intake: each file is copied to
 * staging and hashed, then parsed and stored all or nothing. A file that cannot be read to the
 * end is rejected whole; the files before it stay imported, complete.
 */
export async function importPaths(
  store: CountyStore,
  paths: readonly string[],
  options: ImportPathsOptions,
): Promise<IntakeSummary> {
  const clock = options.clock ?? (() => new Date());
  const reader = options.reader ?? diskReader;
  const summary = emptySummary();
  const listing = await listMediaFiles(paths);
  summary.rejected.push(...listing.rejected);
  const total = listing.files.length;
  let done = 0;
  const reported = (file: MediaFile) => options.onProgress?.({ done: ++done, total, path: file.path });
  const stagingDir = await mkdtemp(join(options.stagingRoot ?? tmpdir(), 'tallyroom-staging-'));
  try {
    for (let start = 0; start < total; start += COMMIT_BATCH) {
      const batch = await stageBatch(reader, listing.files.slice(start, start + COMMIT_BATCH), start, stagingDir);
      // Files go into the database in listing order; an email (whose parsing is asynchronous) closes the batch so far.
      let pending: Staged[] = [];
      const flush = () => {
        if (pending.length === 0) return;
        const outcomes = storeTogether(store, pending, options, clock);
        for (const [index, entry] of pending.entries()) {
          addSummary(summary, outcomes[index] as IntakeSummary);
          reported(entry.file);
        }
        pending = [];
      };
      for (const entry of batch) {
        const kind = fileKindOf(entry.file.fileName);
        if (kind === 'email' && entry.staged?.ok) {
          flush();
          addSummary(
            summary,
            await importEmail(store, {
              raw: entry.staged.value.bytes,
              origin: `file ${entry.file.path}`,
              label: entry.file.path,
              operator: options.operator,
              at: clock().toISOString(),
            }),
          );
          reported(entry.file);
        } else {
          pending.push(entry);
        }
      }
      flush();
    }
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
  }
  return summary;
}

/** Stages a batch with a few reads in flight; results stay in listing order. */
async function stageBatch(
  reader: MediaReader,
  files: readonly MediaFile[],
  offset: number,
  stagingDir: string,
): Promise<Staged[]> {
  const staged: Staged[] = files.map((file) => ({ file, staged: null }));
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < files.length; index = next++) {
      const file = files[index] as MediaFile;
      const kind = fileKindOf(file.fileName);
      if (kind === 'unsupported') continue;
      const copy = await stageFile(reader, file.path, file.fileName, stagingDir, offset + index);
      const big = copy.ok && copy.value.bytes.length >= OFF_THREAD_MIN_BYTES;
      staged[index] =
        big && (kind === 'results-table' || kind === 'precinct-report')
          ? { file, staged: copy, parsed: await parseReportFileOffThread(file.fileName, copy.value.bytes) }
          : { file, staged: copy };
    }
  };
  await Promise.all(Array.from({ length: Math.min(STAGE_AHEAD, files.length) }, worker));
  return staged;
}

/** Parses and stores staged files in one transaction, each file a savepoint; what each did, in order. */
function storeTogether(
  store: CountyStore,
  entries: readonly Staged[],
  options: ImportPathsOptions,
  clock: () => Date,
): IntakeSummary[] {
  const outcomes: IntakeSummary[] = [];
  store.transaction(() => {
    for (const { file, staged, parsed } of entries) {
      const outcome = emptySummary();
      if (staged === null) {
        outcome.rejected.push({
          path: file.path,
          code: 'UNSUPPORTED_FORMAT',
          message: `${file.fileName} is not a kind of file Tallyroom imports (${SUPPORTED_FORMATS}). Nothing was imported.`,
        });
      } else if (!staged.ok) {
        outcome.rejected.push({ path: file.path, code: staged.error.code, message: staged.error.message });
      } else {
        addOutcome(
          outcome,
          file.path,
          ingestFile(store, {
            fileName: file.fileName,
            bytes: staged.value.bytes,
            source: options.source,
            operator: options.operator,
            at: clock().toISOString(),
            ...(parsed ? { parsed } : {}),
          }),
        );
      }
      outcomes.push(outcome);
    }
    return ok(null);
  });
  return outcomes;
}
