import { join } from 'node:path';
import { aggregateFolder, cachedBundleSet, filesUnder, makeBundles } from './bundle';
import { emit, emitPart, figure, isMain, peakRssMiB, round, runPart, sha256sumMs } from './lib';

const FULL_COUNTIES = 3100;
const FULL_PRECINCTS = 175_000;
const CANDIDATES = 8;
const FRACTION = Number(process.env.BENCH_NATIONAL_FRACTION ?? 0.05);
const RUNS = Number(process.env.BENCH_NATIONAL_RUNS ?? 2);
/** 175,000 / 3,100 = 56.45: 1,400 counties of 57 precincts and 1,700 of 56. */
const precinctsOf = (index: number) => (index < 1400 ? 57 : 56);

async function main(): Promise<void> {
  const [part, root, from, to] = process.argv.slice(2);
  const counties = Math.max(1, Math.round(FULL_COUNTIES * FRACTION));
  if (part === 'generate' && root) {
    // Counties spread over the whole index range, so the fraction keeps the 57/56 mix.
    await makeBundles(
      root,
      counties,
      (index) => precinctsOf(Math.floor(index / FRACTION)),
      CANDIDATES,
      Number(from),
      Number(to),
    );
    return emitPart({ ok: true });
  }
  if (part === 'aggregate' && root) return emitPart(aggregateFolder(root));
  // The same process with the same modules loaded, having read nothing: the floor of peak memory.
  if (part === 'empty') return emitPart({ peakRssMiB: peakRssMiB() });

  const cached = await cachedBundleSet(`national-${counties}`, counties, import.meta.filename);
  const cache = cached.root;
  const notes = [cached.note];
  const files = filesUnder(join(cache, 'bundles'));
  const aggregate: number[] = [];
  const sha: number[] = [];
  let peak = 0;
  let precincts = 0;
  for (let run = 0; run < RUNS; run++) {
    sha.push(sha256sumMs(files));
    const result = runPart<ReturnType<typeof aggregateFolder>>(import.meta.filename, ['aggregate', cache]);
    aggregate.push(result.ms);
    peak = Math.max(peak, result.peakRssMiB);
    precincts = result.precincts;
  }
  const measured = figure(
    {
      id: 'national',
      title: `National scale at ${FRACTION * 100}%: ${counties} county bundles, ${precincts} precincts`,
      subject: 'readKeyRegistry + readBundle of each + aggregateBundles, fresh process',
      baseline: `sha256sum over the same ${files.length} files`,
      peakRssMiB: peak,
      size: { counties, precincts, candidates: CANDIDATES, files: files.length, fractionOfNational: FRACTION },
    },
    aggregate,
    sha,
  );
  const scale = FULL_PRECINCTS / precincts;
  const extrapolatedMs = measured.subjectMs * scale;
  const floor = runPart<{ peakRssMiB: number }>(import.meta.filename, ['empty']).peakRssMiB;
  const extrapolatedMiB = floor + (peak - floor) * scale;
  emit({
    ...measured,
    target: {
      text: `3,100 bundles / 175,000 precincts under 60 s and 1 GiB: NOT measured; straight-line extrapolation from this fraction: ${round(extrapolatedMs / 1000, 1)} s, ~${round(extrapolatedMiB, 0)} MiB (memory: ${floor} MiB for the process itself + the growth measured here x ${round(scale, 1)}; aggregate holds every bundle in memory at once, so it grows with the number of bundles)`,
      met: null,
    },
    notes: [
      ...notes,
      `extrapolated to 3,100 counties / 175,000 precincts: ${round(extrapolatedMs / 1000, 1)} s, ${round(extrapolatedMiB, 0)} MiB (straight line; not measured)`,
      'the full 3,100-county run is not measured: generating 3,100 bundles through the real export takes longer than the bench budget here',
    ],
  });
}

if (isMain(import.meta.url)) await main();
