import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  type AggregateOptions,
  type AggregationWithPrecincts,
  aggregationOfVerdicts,
  judgeBundle,
  type Verdict,
} from './aggregate';
import type { AggregateJob, AggregateWorkerData } from './aggregate-worker';
import { readBundle } from './bundle-container';
import type { KeyRegistry } from './key-registry';

/** A bundle on disk: `path` as given (it names the bundle in every message), `location` resolved. */
export interface BundleOnDisk {
  readonly path: string;
  readonly location: string;
}

export interface ParallelOptions extends AggregateOptions {
  /** Worker threads; by default one per core. 0 or 1 verifies in this thread. */
  readonly workers?: number;
}

/** Below this many bundles, starting worker threads costs more than it saves. */
const PARALLEL_FROM = 16;
/** Bundles sent ahead to each worker, so none waits for its next one; each in flight is one bundle in memory. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * aggregateBundlesWithPrecincts for bundles on disk, verified in worker threads (one per core):
 * the same checks and the same result, in the order given, for a state party's thousands of
 * counties. Each worker holds one or two bundles' files at a time and sends back only the verdict,
 * so memory stays flat however many bundles there are.
 */
export async function aggregateBundlesOnDisk(
  registry: KeyRegistry,
  bundles: readonly BundleOnDisk[],
  options: ParallelOptions = {},
): Promise<AggregationWithPrecincts> {
  const keepPrecincts = options.keepPrecincts === true;
  const workers = Math.min(options.workers ?? availableParallelism(), Math.ceil(bundles.length / 2));
  if (workers <= 1 || bundles.length < (options.workers === undefined ? PARALLEL_FROM : 2)) {
    const verdicts = bundles.map((bundle) =>
      judgeBundle(registry, { path: bundle.path, files: () => readBundle(bundle.location) }, keepPrecincts),
    );
    return aggregationOfVerdicts(registry, verdicts, options);
  }
  const verdicts = await judgeInWorkers(registry, bundles, workers, keepPrecincts);
  return aggregationOfVerdicts(registry, verdicts, options);
}

function judgeInWorkers(
  registry: KeyRegistry,
  bundles: readonly BundleOnDisk[],
  count: number,
  keepPrecincts: boolean,
): Promise<Verdict[]> {
  const verdicts: Verdict[] = new Array(bundles.length);
  const data: AggregateWorkerData = { registry, keepPrecincts };
  return new Promise((resolve, reject) => {
    let next = 0;
    let done = 0;
    let failed = false;
    const pool: Worker[] = [];
    const stop = (error?: unknown) => {
      if (failed) return;
      if (error !== undefined) failed = true;
      for (const worker of pool) void worker.terminate();
      if (error !== undefined) reject(error);
      else resolve(verdicts);
    };
    const send = (worker: Worker) => {
      if (next >= bundles.length) return;
      const index = next++;
      const bundle = bundles[index] as BundleOnDisk;
      const job: AggregateJob = { index, path: bundle.path, location: bundle.location };
      worker.postMessage(job);
    };
    for (let n = 0; n < count; n++) {
      const worker = startWorker(data);
      pool.push(worker);
      worker.on('message', (answer: { index: number; verdict: Verdict }) => {
        verdicts[answer.index] = answer.verdict;
        done++;
        if (done === bundles.length) stop();
        else send(worker);
      });
      worker.on('error', (error) => stop(error));
      worker.on('exit', (code) => {
        if (done < bundles.length)
          stop(new Error(`a bundle-verifying worker stopped (exit ${code}) before its work was done`));
      });
      for (let k = 0; k < IN_FLIGHT_PER_WORKER; k++) send(worker);
    }
  });
}

/**
 * The worker's file beside this one: aggregate-worker.js once built; aggregate-worker.ts when run
 * from source (the CLI, the bench and tests, through tsx), where the worker registers tsx itself
 * first (a worker thread does not inherit the loader hooks of the thread that starts it).
 */
function startWorker(data: AggregateWorkerData): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./aggregate-worker.js', import.meta.url), { workerData: data });
  const worker = new URL('./aggregate-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}
