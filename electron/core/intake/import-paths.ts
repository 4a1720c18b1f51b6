import type { ReportSource } from '../model/report';
import { type AppError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { fileKindOf } from './file-kind';
import { importEmail } from './import-email';
import { ingestFile, SUPPORTED_FORMATS } from './ingest-file';
import { addOutcome, addSummary, emptySummary, type IntakeSummary } from './intake-summary';
import { diskReader, type MediaReader } from './media-reader';
import { parseReportFileOffThread } from './parse-off-thread';
import { type ParsedReportFile, parseReportFile } from './parse-report-file';
import { type StagedFile, stageFile } from './stage-file';
import { listMediaFiles, type MediaFile } from './walk-media';

export interface ImportPathsOptions {
  readonly source: ReportSource;
  readonly operator: string;
  readonly clock?: () => Date;
  /** How files are read off the media; tests pass one that fails part-way. */
  readonly reader?: MediaReader;
  /** Called after each file, for a progress display. */
  readonly onProgress?: (progress: { readonly done: number; readonly total: number; readonly path: string }) => void;
}

/**
 * Files read at once: reading a stick is mostly waiting for the device, and a few reads in flight
 * keep it busy while the CPU parses, without making it seek between many files.
 */
const STAGE_READS_AT_ONCE = 8;
/**
 * How far staging and parsing (on the parse worker) run ahead of the file being stored, in files
 * and in bytes (by the listing's sizes). Storing commits 64 files in one synchronous transaction;
 * with only a few files ahead the worker ran dry during each commit and the two cores took turns.
 */
const AHEAD_FILES = 128;
const AHEAD_BYTES = 32 * 1024 * 1024;

/**
 * Files committed together. Each file is still all or nothing (a savepoint of its own inside the
 * batch), but one durable commit (an fsync with synchronous=FULL) per batch instead of per file
 * is most of an import's time saved (npm run bench). A file counts as imported only once its
 * batch is committed: progress and the summary are reported after the commit, so a crash or a
 * pulled plug loses at most an unreported batch, which importing again completes.
 */
const COMMIT_BATCH = 64;
/** A batch is also committed once it holds this many bytes of files: they are in memory until then. */
const COMMIT_BATCH_BYTES = 64 * 1024 * 1024;

type Staged = {
  readonly file: MediaFile;
  readonly staged: Result<StagedFile> | null;
  /** The results file parsed before its transaction (a big one on a worker thread while the next files were read). */
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
  const reader = options.reader ?? diskReader;
  const summary = emptySummary();
  const listing = await listMediaFiles(paths);
  summary.rejected.push(...listing.rejected);
  await store.withCheckpointsDeferred(() => importListed(store, reader, listing.files, summary, options));
  return summary;
}

/** The listed files, staged in order ahead of the one being parsed and stored in batches. */
async function importListed(
  store: CountyStore,
  reader: MediaReader,
  files: readonly MediaFile[],
  summary: IntakeSummary,
  options: ImportPathsOptions,
): Promise<void> {
  const clock = options.clock ?? (() => new Date());
  const total = files.length;
  let done = 0;
  const reported = (file: MediaFile) => options.onProgress?.({ done: ++done, total, path: file.path });
  // Files go into the database in listing order; an email (whose parsing is asynchronous) closes the batch so far.
  let pending: Staged[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pending.length === 0) return;
    const outcomes = storeTogether(store, pending, options, clock);
    for (const [index, entry] of pending.entries()) {
      addSummary(summary, outcomes[index] as IntakeSummary);
      reported(entry.file);
    }
    pending = [];
    pendingBytes = 0;
  };
  for await (const entry of stagedInOrder(store, reader, files)) {
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
      continue;
    }
    pending.push(parsedBeforeStoring(store, entry));
    pendingBytes += entry.staged?.ok ? entry.staged.value.bytes.length : 0;
    if (pending.length >= COMMIT_BATCH || pendingBytes >= COMMIT_BATCH_BYTES) flush();
  }
  flush();
}

/**
 * The listed files staged, in listing order, up to AHEAD_FILES / AHEAD_BYTES ahead of the
 * caller. Each step waits for a turn of the event loop, so the reads ahead make progress while
 * the caller parses and stores (a file already staged would otherwise be handed over at once,
 * and the disk would sit idle until the caller next waited).
 */
async function* stagedInOrder(
  store: CountyStore,
  reader: MediaReader,
  files: readonly MediaFile[],
): AsyncGenerator<Staged> {
  const ahead: { readonly staging: Promise<Staged>; readonly size: number }[] = [];
  let aheadBytes = 0;
  let next = 0;
  const reads = concurrencyLimit(STAGE_READS_AT_ONCE);
  const stageNext = () => {
    const index = next++;
    const file = files[index] as MediaFile;
    const staging = stageOne(store, reader, file, reads);
    // A failure is thrown where the file's turn comes; until then it is not an unhandled rejection.
    staging.catch(() => {});
    ahead.push({ staging, size: file.size });
    aheadBytes += file.size;
  };
  const roomAhead = () =>
    next < files.length && (ahead.length === 0 || (ahead.length < AHEAD_FILES && aheadBytes < AHEAD_BYTES));
  try {
    while (roomAhead()) stageNext();
    for (let first = ahead.shift(); first; first = ahead.shift()) {
      aheadBytes -= first.size;
      while (roomAhead()) stageNext();
      await new Promise<void>((resolve) => setImmediate(resolve));
      yield await first.staging;
    }
  } finally {
    // Stopped early (a failure): the reads still in flight finish before the import returns.
    await Promise.allSettled(ahead.map((entry) => entry.staging));
  }
}

/**
 * One file staged, then (a results file not imported before) handed to the parse worker at once:
 * while this thread stores the files before it, the worker parses this one, so a drive of many
 * small files uses both cores instead of parsing and storing in turn.
 */
async function stageOne(
  store: CountyStore,
  reader: MediaReader,
  file: MediaFile,
  reads: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<Staged> {
  const kind = fileKindOf(file.fileName);
  if (kind === 'unsupported') return { file, staged: null };
  const copy = await reads(() => stageFile(reader, file.path, file.fileName));
  const parseAhead =
    copy.ok && (kind === 'results-table' || kind === 'precinct-report') && !store.findImportFile(copy.value.sha256);
  return parseAhead
    ? { file, staged: copy, parsed: await parseReportFileOffThread(file.fileName, copy.value.bytes) }
    : { file, staged: copy };
}

/**
 * A staged results file parsed now, outside its batch's transaction, so the transaction holds only
 * the writes. A file already imported (the same bytes) is not parsed: intake says "already imported".
 */
function parsedBeforeStoring(store: CountyStore, entry: Staged): Staged {
  if (entry.parsed || !entry.staged?.ok) return entry;
  const kind = fileKindOf(entry.file.fileName);
  if (kind !== 'results-table' && kind !== 'precinct-report') return entry;
  if (store.findImportFile(entry.staged.value.sha256)) return entry;
  return { ...entry, parsed: parseReportFile(entry.file.fileName, entry.staged.value.bytes) };
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
            sha256: staged.value.sha256,
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

/** Runs at most `limit` of the given tasks at once, the rest in the order they were given. */
function concurrencyLimit(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
