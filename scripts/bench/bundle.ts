/**
 * 3. Bundles. (a) Export (which verifies its own output) + verify again from disk of a 200-precinct,
 * 15-candidate county bundle vs. `sha256sum` over the bundle's files. (b) The state party's side:
 * read + verify + aggregate 99 county bundles (17 precincts x 15 candidates each, about Iowa's
 * 1,700 precincts) vs. `sha256sum` over the same files. Bundles are bag folders.
 * BENCH_AGGREGATE_COUNTIES / BENCH_AGGREGATE_PRECINCTS / BENCH_AGGREGATE_CANDIDATES scale part (b);
 * national.ts reuses it at 3,100 counties.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aggregateBundlesOnDisk } from '../../electron/core/bundle/aggregate-parallel';
import { readBundle } from '../../electron/core/bundle/bundle-container';
import { exportBundle } from '../../electron/core/bundle/export-bundle';
import { readKeyRegistry } from '../../electron/core/bundle/key-registry';
import { verifyBundle } from '../../electron/core/bundle/verify-bundle';
import { importResultsFile } from '../../electron/core/intake/import-results-file';
import { writePrecinctResultsCsv } from '../../electron/core/results-file/write-results';
import { type CountySigningKey, generateCountySigningKey } from '../../electron/core/signing/county-key';
import { formatMinisignPublicKey } from '../../electron/core/signing/minisign-public-key';
import {
  benchCounty,
  emit,
  emitPart,
  type Figure,
  figure,
  isMain,
  peakRssMiB,
  REPO_ROOT,
  round,
  runPart,
  runPartAsync,
  sha256sumMs,
} from './lib';

const RUNS = Number(process.env.BENCH_BUNDLE_RUNS ?? 3);

/** A county with every precinct reported (one results file), exported as a signed bag folder at `out`. */
export async function makeBundle(
  name: string,
  precincts: number,
  candidates: number,
  seed: number,
  key: CountySigningKey,
  out: string,
  scratch: string,
): Promise<{ exportMs: number }> {
  const county = await benchCounty({ county: name, precincts, candidates, seed }, scratch);
  try {
    const results = Array.from({ length: precincts }, (_, index) => county.resultOf(index));
    const imported = importResultsFile(county.store, {
      fileName: 'results.csv',
      bytes: new TextEncoder().encode(writePrecinctResultsCsv(results, name)),
      source: 'usb',
      operator: 'Bench Operator',
      at: '2026-02-03T02:00:00Z',
    });
    if (!imported.ok) throw new Error(`fill ${name}: ${imported.error.message}`);
    const started = performance.now();
    const exported = exportBundle(county.store, {
      out,
      key,
      operator: 'Bench Chair',
      appVersion: '0.1.0-bench',
      now: () => new Date('2026-02-03T04:00:00Z'),
    });
    if (!exported.ok) throw new Error(`export ${name}: ${exported.error.message}`);
    return { exportMs: performance.now() - started };
  } finally {
    county.store.close();
    rmSync(county.dir, { recursive: true, force: true });
  }
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

export const countyName = (index: number) => `County ${String(index + 1).padStart(4, '0')}`;

/** Generates `counties` bundles and their key registry under `root` (root/keys, root/bundles). */
export async function makeBundles(
  root: string,
  counties: number,
  precinctsOf: (index: number) => number,
  candidates: number,
  from = 0,
  to = counties,
): Promise<void> {
  mkdirSync(join(root, 'keys'), { recursive: true });
  mkdirSync(join(root, 'bundles'), { recursive: true });
  const scratch = mkdtempSync(join(existsShm() ? '/dev/shm' : tmpdir(), 'tallyroom-bench-gen-'));
  try {
    for (let index = from; index < to; index++) {
      const name = countyName(index);
      const key = generateCountySigningKey();
      writeFileSync(join(root, 'keys', `${name}.pub`), formatMinisignPublicKey(key));
      await makeBundle(name, precinctsOf(index), candidates, 1000 + index, key, join(root, 'bundles', name), scratch);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function existsShm(): boolean {
  try {
    readdirSync('/dev/shm');
    return true;
  } catch {
    return false;
  }
}

export const CACHE_VERSION = 'v1';

/**
 * sha256 (12 hex) of every source file under electron/core: cached bundles are regenerated whenever
 * the code that writes or verifies them may have changed (a new bag-info label, a new check).
 */
export function coreFingerprint(): string {
  const hash = createHash('sha256');
  const core = join(REPO_ROOT, 'electron/core');
  for (const file of filesUnder(core).sort()) {
    hash.update(file.slice(core.length));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * A set of generated bundles kept in os.tmpdir()/tallyroom-bench-cache/<version>-<label> (outside
 * the repo) and reused by later runs: generating them goes through the real export and is slow.
 * `generator` is run as `generator generate ROOT FROM TO`, `processes` of them side by side.
 */
export async function cachedBundleSet(
  label: string,
  counties: number,
  generator: string,
  /** Side by side; more than the 2 cores pays when writing (each file is fsynced) is most of the wait. */
  processes = 2,
): Promise<{ root: string; note: string }> {
  const root = join(tmpdir(), 'tallyroom-bench-cache', `${CACHE_VERSION}-${coreFingerprint()}-${label}`);
  if (existsSync(join(root, 'complete'))) return { root, note: `bundles reused from the cache ${root}` };
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const started = performance.now();
  const share = Math.ceil(counties / processes);
  const ranges = Array.from({ length: processes }, (_, n) => [n * share, Math.min(counties, (n + 1) * share)]);
  await Promise.all(
    ranges
      .filter(([a, b]) => (a as number) < (b as number))
      .map(([a, b]) => runPartAsync(generator, ['generate', root, String(a), String(b)])),
  );
  writeFileSync(join(root, 'complete'), `${new Date().toISOString()}\n`);
  return {
    root,
    note: `generated ${counties} bundles into the cache ${root} in ${round((performance.now() - started) / 1000, 1)} s (this run; later runs reuse them)`,
  };
}

/**
 * What `tallyroom aggregate --keys DIR BUNDLE...` does: read every bundle, verify, total, in worker
 * threads (aggregateBundlesOnDisk: one per core from 16 bundles). `limit` takes the first N bundles
 * only, for the memory comparison, which passes `workers` so that both sides run the same threads.
 */
export async function aggregateFolder(
  root: string,
  limit = Number.POSITIVE_INFINITY,
  workers?: number,
): Promise<{ ms: number; peakRssMiB: number; counties: number; precincts: number }> {
  const started = performance.now();
  const registry = readKeyRegistry(join(root, 'keys'));
  if (!registry.ok) throw new Error(registry.error.message);
  const bundles = readdirSync(join(root, 'bundles'))
    .sort()
    .slice(0, limit)
    .map((name) => ({ path: name, location: join(root, 'bundles', name) }));
  const { aggregation } = await aggregateBundlesOnDisk(
    registry.value,
    bundles,
    workers === undefined ? {} : { workers },
  );
  const ms = performance.now() - started;
  if (aggregation.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(aggregation.rejected[0])}`);
  const precincts = aggregation.byCounty.reduce((sum, county) => sum + county.precinctsTotal, 0);
  return { ms, peakRssMiB: peakRssMiB(), counties: aggregation.counties.reporting, precincts };
}

type Aggregated = Awaited<ReturnType<typeof aggregateFolder>>;

async function exportPart(): Promise<{
  exportMs: number[];
  verifyMs: number[];
  shaMs: number[];
  peakRssMiB: number;
  bytes: number;
}> {
  const work = mkdtempSync(join(tmpdir(), 'tallyroom-bench-export-'));
  const exportMs: number[] = [];
  const verifyMs: number[] = [];
  const shaMs: number[] = [];
  let bytes = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      const key = generateCountySigningKey();
      const out = join(work, `bundle-${run}`);
      // The county database on the real disk too: export is one transaction with fsyncs.
      const made = await makeBundle('Export County', 200, 15, 31, key, out, work);
      const started = performance.now();
      const files = readBundle(out);
      if (!files.ok) throw new Error(files.error.message);
      const verification = verifyBundle(files.value, key);
      if (!verification.authentic || verification.problems.length > 0) throw new Error('bundle does not verify');
      verifyMs.push(performance.now() - started);
      exportMs.push(made.exportMs);
      const list = filesUnder(out);
      shaMs.push(sha256sumMs(list));
      bytes = [...files.value.values()].reduce((sum, file) => sum + file.length, 0);
    }
    return { exportMs, verifyMs, shaMs, peakRssMiB: peakRssMiB(), bytes };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [part, root, from, to] = process.argv.slice(2);
  const counties = Number(process.env.BENCH_AGGREGATE_COUNTIES ?? 99);
  const precincts = Number(process.env.BENCH_AGGREGATE_PRECINCTS ?? 17);
  const candidates = Number(process.env.BENCH_AGGREGATE_CANDIDATES ?? 15);
  if (part === 'export') return emitPart(await exportPart());
  if (part === 'generate' && root) {
    await makeBundles(root, counties, () => precincts, candidates, Number(from), Number(to));
    return emitPart({ ok: true });
  }
  if (part === 'aggregate' && root) {
    return emitPart(await aggregateFolder(root, from ? Number(from) : undefined, to ? Number(to) : undefined));
  }

  const figures: Figure[] = [];
  const exported = runPart<Awaited<ReturnType<typeof exportPart>>>(import.meta.filename, ['export']);
  const size = { precincts: 200, candidates: 15, bytes: exported.bytes };
  figures.push(
    figure(
      {
        id: 'bundle-export',
        title: 'Export a 200-precinct county bundle',
        subject: 'exportBundle: build, sign, write + fsync, read back, verify, rename (one transaction)',
        baseline: 'sha256sum over the bundle files',
        peakRssMiB: exported.peakRssMiB,
        size,
      },
      exported.exportMs,
      exported.shaMs,
    ),
    figure(
      {
        id: 'bundle-verify',
        title: 'Verify a 200-precinct county bundle',
        subject:
          'readBundle + verifyBundle (signature, manifests, CSV/NIST regenerated, XLSX matched, audit chain, rules)',
        baseline: 'sha256sum over the bundle files',
        peakRssMiB: exported.peakRssMiB,
        size,
      },
      exported.verifyMs,
      exported.shaMs,
    ),
  );

  const cached = await cachedBundleSet(`state-${counties}x${precincts}x${candidates}`, counties, import.meta.filename);
  const work = cached.root;
  {
    const files = filesUnder(join(work, 'bundles'));
    const aggregate: number[] = [];
    const sha: number[] = [];
    let peak = 0;
    for (let run = 0; run < RUNS; run++) {
      sha.push(sha256sumMs(files));
      const result = runPart<Aggregated>(import.meta.filename, ['aggregate', work]);
      aggregate.push(result.ms);
      peak = Math.max(peak, result.peakRssMiB);
    }
    figures.push(
      figure(
        {
          id: 'bundle-aggregate-99',
          title: `Verify + aggregate ${counties} county bundles`,
          subject:
            'readKeyRegistry + aggregateBundlesOnDisk (read + verify in worker threads, what `tallyroom aggregate` does), fresh process',
          baseline: `sha256sum over the same ${files.length} files`,
          peakRssMiB: peak,
          size: { counties, precinctsPerCounty: precincts, candidates, files: files.length },
        },
        aggregate,
        sha,
      ),
    );
    figures[figures.length - 1] = { ...(figures[figures.length - 1] as Figure), notes: [cached.note] };
  }
  {
    // Streaming: the state party's peak memory should not grow with the number of bundles given.
    // Ratio of peak RSS, all counties against a tenth of them, each in a fresh process.
    const tenth = Math.max(1, Math.round(counties / 10));
    const all: number[] = [];
    const few: number[] = [];
    let peakAll = 0;
    let peakFew = 0;
    for (let run = 0; run < RUNS; run++) {
      // Both with the same two worker threads (the 10 alone would be verified in one thread).
      const small = runPart<Aggregated>(import.meta.filename, ['aggregate', work, String(tenth), '2']);
      const large = runPart<Aggregated>(import.meta.filename, ['aggregate', work, String(counties), '2']);
      few.push(small.ms);
      all.push(large.ms);
      peakFew = Math.max(peakFew, small.peakRssMiB);
      peakAll = Math.max(peakAll, large.peakRssMiB);
    }
    const memoryRatio = round(peakAll / peakFew, 2);
    figures.push({
      ...figure(
        {
          id: 'bundle-aggregate-memory',
          title: `Aggregate memory: ${counties} county bundles against ${tenth}`,
          subject: `aggregate of all ${counties} bundles (fresh process)`,
          baseline: `aggregate of the first ${tenth} bundles (fresh process)`,
          peakRssMiB: peakAll,
          baselinePeakRssMiB: peakFew,
          target: {
            text: `peak memory with ${counties} bundles at most 1.25x that with ${tenth} (one bundle in memory at a time): ${memoryRatio}x`,
            met: memoryRatio <= 1.25,
          },
          size: { counties, tenth, precinctsPerCounty: precincts, candidates },
        },
        all,
        few,
      ),
      notes: [
        `peak RSS ${peakAll} MiB for ${counties} bundles vs ${peakFew} MiB for ${tenth}: memory ratio ${memoryRatio}x (time ratio is the figure's ratio)`,
      ],
    });
  }
  emit(figures);
}

if (isMain(import.meta.url)) await main();
