/**
 * A worker thread of aggregate-parallel.ts: reads and verifies the bundles it is sent, one at a
 * time, and answers each with its verdict (plain data). Holds one bundle's files at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { judgeBundle } from './aggregate';
import { readBundle } from './bundle-container';
import type { KeyRegistry } from './key-registry';

export interface AggregateWorkerData {
  readonly registry: KeyRegistry;
  readonly keepPrecincts: boolean;
}

/** A bundle to judge: `path` as the state party named it (used in messages), `location` on disk. */
export interface AggregateJob {
  readonly index: number;
  readonly path: string;
  readonly location: string;
}

const { registry, keepPrecincts } = workerData as AggregateWorkerData;
parentPort?.on('message', (job: AggregateJob) => {
  const verdict = judgeBundle(registry, { path: job.path, files: () => readBundle(job.location) }, keepPrecincts);
  parentPort?.postMessage({ index: job.index, verdict });
});
