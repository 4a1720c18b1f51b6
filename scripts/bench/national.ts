/**
 * National scale: verify and total 3,100 county bundles holding 175,000 precincts, as
 * `tallyroom aggregate` does (worker threads, one per core), in a fresh process, against
 * `sha256sum` over the same files. The bundles are made by synthetic-bundle.ts (results in memory,
 * then the real build, sign and write code), cached between runs. BENCH_NATIONAL_FRACTION=0.05
 * measures a part of the counties for a quick run.
 */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { aggregateBundlesOnDisk } from '../../electron/core/bundle/aggregate-parallel';
import { readKeyRegistry } from '../../electron/core/bundle/key-registry';
import { cachedBundleSet, countyName, filesUnder } from './bundle';
import { emit, emitPart, figure, isMain, median, peakRssMiB, round, runPart, sha256sumMs } from './lib';
import { makeSyntheticBundles } from './synthetic-bundle';

const FULL_COUNTIES = 3100;
const FULL_PRECINCTS = 175_000;
const CANDIDATES = 8;
const FRACTION = Number(process.env.BENCH_NATIONAL_FRACTION ?? 1);
const RUNS = Number(process.env.BENCH_NATIONAL_RUNS ?? 2);
const TARGET_MS = 60_000;
const TARGET_MIB = 1024;
/** 175,000 / 3,100 = 56.45: 1,400 counties of 57 precincts and 1,700 of 56. */
const precinctsOf = (index: number) => (index < 1400 ? 57 : 56);

/** What `tallyroom aggregate --keys DIR BUNDLE...` does for a folder of bundles, timed from the start. */
async function aggregatePart(root: string) {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const registry = readKeyRegistry(join(root, 'keys'));
  if (!registry.ok) throw new Error(registry.error.message);
  const bundles = readdirSync(join(root, 'bundles'))
    .sort()
    .map((name) => ({ path: name, location: join(root, 'bundles', name) }));
  const { aggregation } = await aggregateBundlesOnDisk(registry.value, bundles);
  const ms = performance.now() - started;
  // Process-wide (the worker threads included): what the run cost whatever else shared the cores.
  const cpu = process.cpuUsage(cpuAtStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (aggregation.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(aggregation.rejected[0])}`);
  const precincts = aggregation.byCounty.reduce((sum, county) => sum + county.precinctsTotal, 0);
  // maxRSS is the whole process's peak: the worker threads' heaps included.
  return { ms, cpuMs, peakRssMiB: peakRssMiB(), counties: aggregation.counties.reporting, precincts };
}

async function main(): Promise<void> {
  const [part, root, from, to] = process.argv.slice(2);
  const counties = Math.max(1, Math.round(FULL_COUNTIES * FRACTION));
  if (part === 'generate' && root) {
    // Counties spread over the whole index range, so a fraction keeps the 57/56 mix.
    makeSyntheticBundles(
      root,
      countyName,
      (index) => ({ precincts: precinctsOf(Math.floor(index / FRACTION)), candidates: CANDIDATES, seed: 1000 + index }),
      Number(from),
      Number(to),
    );
    return emitPart({ ok: true });
  }
  if (part === 'aggregate' && root) return emitPart(await aggregatePart(root));

  // Six writers on two cores: most of a bundle's generation is waiting for its ten fsyncs.
  const cached = await cachedBundleSet(`national-synthetic-${counties}`, counties, import.meta.filename, 6);
  const cache = cached.root;
  const files = filesUnder(join(cache, 'bundles'));
  const aggregate: number[] = [];
  const sha: number[] = [];
  const cpu: number[] = [];
  let peak = 0;
  let precincts = 0;
  for (let run = 0; run < RUNS; run++) {
    sha.push(sha256sumMs(files));
    const result = runPart<Awaited<ReturnType<typeof aggregatePart>>>(import.meta.filename, ['aggregate', cache]);
    aggregate.push(result.ms);
    cpu.push(result.cpuMs);
    peak = Math.max(peak, result.peakRssMiB);
    precincts = result.precincts;
  }
  const measured = figure(
    {
      id: 'national',
      title:
        FRACTION === 1
          ? `National scale: ${counties} county bundles, ${precincts} precincts`
          : `National scale at ${FRACTION * 100}%: ${counties} county bundles, ${precincts} precincts`,
      subject:
        'readKeyRegistry + aggregateBundlesOnDisk (read + verify in worker threads, one per core), fresh process',
      baseline: `sha256sum over the same ${files.length} files`,
      peakRssMiB: peak,
      size: { counties, precincts, candidates: CANDIDATES, files: files.length, fractionOfNational: FRACTION },
    },
    aggregate,
    sha,
  );
  const full = counties === FULL_COUNTIES && precincts === FULL_PRECINCTS;
  const seconds = round(measured.subjectMs / 1000, 1);
  emit({
    ...measured,
    target: full
      ? {
          text: `3,100 bundles / 175,000 precincts under 60 s and 1 GiB, measured: ${seconds} s (median of ${RUNS}), peak ${peak} MiB`,
          met: measured.subjectMs < TARGET_MS && peak < TARGET_MIB,
        }
      : {
          text: `3,100 bundles / 175,000 precincts under 60 s and 1 GiB: not measured (this run is ${FRACTION * 100}% of the counties: ${seconds} s, peak ${peak} MiB)`,
          met: null,
        },
    notes: [
      cached.note,
      `CPU time of the aggregating process (workers included), median: ${round(median(cpu) / 1000, 1)} s, i.e. at least ${round(median(cpu) / 2000, 1)} s on 2 free cores (every run: ${cpu.map((ms) => round(ms / 1000, 1)).join(', ')} s)`,
      `bundles made by scripts/bench/synthetic-bundle.ts: results built in memory, then the real buildBundle + sign + writeBundleTemporary; the real verifier accepts every one`,
    ],
  });
}

if (isMain(import.meta.url)) await main();
