/**
 * The health check (docs/SECURITY.md, "Every number in the chain") on a county of 1,700 precincts,
 * each reported twice (3,400 reports x 15 candidates): SQLite's integrity check, the whole audit
 * chain, and every row's numbers recomputed against the chain and the reports as received. It runs
 * at every start and before every certification, export and backup, so it must stay fast: target
 * at most 1 s. Baseline: `PRAGMA integrity_check` alone on the same file.
 */
import { rmSync } from 'node:fs';
import { importResultsFile } from '../../electron/core/intake/import-results-file';
import { checkDatabaseHealth } from '../../electron/core/integrity/database-health';
import { writePrecinctResultsCsv } from '../../electron/core/results-file/write-results';
import { benchCounty, emit, figure, isMain, peakRssMiB } from './lib';

const PRECINCTS = 1700;
const RUNS = Number(process.env.BENCH_HEALTH_RUNS ?? 7);

async function main(): Promise<void> {
  const county = await benchCounty({ county: 'Health 1700', precincts: PRECINCTS, candidates: 15, seed: 31 });
  try {
    const results = Array.from({ length: PRECINCTS }, (_, index) => county.resultOf(index));
    // Two files with the same numbers in different orders: every precinct keyed twice, as on the night.
    for (const [name, rows] of [
      ['first.csv', results],
      ['second.csv', [...results].reverse()],
    ] as const) {
      const imported = importResultsFile(county.store, {
        fileName: name,
        bytes: new TextEncoder().encode(writePrecinctResultsCsv(rows, county.spec.county)),
        source: 'usb',
        operator: 'Bench Operator',
        at: '2026-02-03T02:00:00Z',
      });
      if (!imported.ok) throw new Error(`fill: ${imported.error.message}`);
    }
    const first = checkDatabaseHealth(county.store);
    if (!first.ok) throw new Error(`the bench county is not healthy: ${first.problem}`);
    const subject: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      let started = performance.now();
      county.store.integrityCheck();
      baseline.push(performance.now() - started);
      started = performance.now();
      checkDatabaseHealth(county.store);
      subject.push(performance.now() - started);
    }
    const result = figure(
      {
        id: 'health-check',
        title: 'Health check, 1,700 precincts each reported twice x 15 candidates',
        subject: 'checkDatabaseHealth: integrity check + audit chain + every number against the chain and the reports',
        baseline: 'PRAGMA integrity_check alone on the same file',
        peakRssMiB: peakRssMiB(),
        size: { precincts: PRECINCTS, reports: county.store.countReports(), candidates: 15 },
      },
      subject,
      baseline,
    );
    emit({ ...result, target: { text: 'health check <= 1 s', met: result.subjectMs <= 1000 } });
  } finally {
    county.store.close();
    rmSync(county.dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await main();
