import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AppError, Result } from '../result';
import { type ParsedReportFile, parseReportFile } from './parse-report-file';

/** Files at least this big are parsed on a worker thread; smaller ones cost less than the hand-off. */
export const OFF_THREAD_MIN_BYTES = 256 * 1024;

type Pending = {
  readonly resolve: (result: Result<ParsedReportFile, AppError>) => void;
  readonly fileName: string;
  readonly bytes: Uint8Array;
};

let worker: Worker | null = null;
let unavailable = false;
let nextId = 1;
const pending = new Map<number, Pending>();
let parsedOffThread = 0;

/** How many files the worker parsed in this process (tests check the work really left the main thread). */
export function filesParsedOffThread(): number {
  return parsedOffThread;
}

/**
 * parseReportFile on a worker thread, with exactly its Result. Where no worker can be started
 * (a build without the worker file), it parses here instead: the same answer, only not in the
 * background. The worker is started on first use and does not keep the process alive.
 */
export async function parseReportFileOffThread(
  fileName: string,
  bytes: Uint8Array,
): Promise<Result<ParsedReportFile, AppError>> {
  const thread = workerThread();
  if (!thread) return parseReportFile(fileName, bytes);
  const id = nextId++;
  const answer = new Promise<Result<ParsedReportFile, AppError>>((resolve) =>
    pending.set(id, { resolve, fileName, bytes }),
  );
  thread.ref();
  thread.postMessage({ id, fileName, bytes });
  const result = await answer;
  if (pending.size === 0) thread.unref();
  if (!unavailable) parsedOffThread++;
  return result;
}

function workerThread(): Worker | null {
  if (worker || unavailable) return worker;
  const source = new URL('./parse-worker.ts', import.meta.url);
  const built = new URL('./parse-worker.js', import.meta.url);
  const url = existsSync(fileURLToPath(built)) ? built : existsSync(fileURLToPath(source)) ? source : null;
  if (!url) {
    unavailable = true;
    return null;
  }
  try {
    const started = url === built ? new Worker(url) : sourceWorker(url);
    started.unref();
    started.on('message', (message: { id: number; result: Result<ParsedReportFile, AppError> }) => {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      waiting?.resolve(message.result);
    });
    // A worker that cannot load or dies: what it had is parsed here, and later files too.
    const fallBack = () => {
      worker = null;
      unavailable = true;
      const waiting = [...pending.values()];
      pending.clear();
      for (const entry of waiting) entry.resolve(parseReportFile(entry.fileName, entry.bytes));
    };
    started.on('error', fallBack);
    worker = started;
    return worker;
  } catch {
    unavailable = true;
    return null;
  }
}

/**
 * Running from source (tests, the CLI, the serve harness): the worker is TypeScript, so it loads
 * the same TypeScript loader first. The built app has parse-worker.js and never comes here.
 */
function sourceWorker(url: URL): Worker {
  const loader = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`,
    { eval: true },
  );
}
