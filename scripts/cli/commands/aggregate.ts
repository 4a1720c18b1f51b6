import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Aggregation } from '../../../electron/core/bundle/aggregate';
import { aggregateBundlesOnDisk } from '../../../electron/core/bundle/aggregate-parallel';
import { readKeyRegistry } from '../../../electron/core/bundle/key-registry';
import { buildStatewideExport } from '../../../electron/core/bundle/statewide-export';
import { writeStatewideFiles } from '../../../electron/core/bundle/statewide-write';
import { type CliIo, EXIT, type ExitCode, printJson, UsageError } from '../io';
import { APP_VERSION } from './export';

/**
 * tallyroom aggregate --keys DIR BUNDLE... [--json] [--out DIR]: the state party's verify-and-total
 * (docs/CONTRACTS.md). With --out, the statewide results are also written there (results.json, .csv, .xlsx
 * and the NIST report); stdout and the exit code stay what they are without it.
 */
export async function aggregateCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { keys: { type: 'string' }, json: { type: 'boolean', default: false }, out: { type: 'string' } },
  });
  if (!values.keys) {
    throw new UsageError(
      'Give the folder of registered county keys with --keys DIR (the .pub files of the counties, any names).',
    );
  }
  if (positionals.length === 0) throw new UsageError('Give at least one county bundle (folder or .zip) to aggregate.');
  const registry = readKeyRegistry(resolve(io.cwd, values.keys));
  if (!registry.ok) throw new UsageError(registry.error.message);
  // Verified in worker threads, one per core (a state's 3,000 counties); the same checks and result.
  const { aggregation, counted } = await aggregateBundlesOnDisk(
    registry.value,
    positionals.map((path) => ({ path, location: resolve(io.cwd, path) })),
    { keepPrecincts: values.out !== undefined },
  );
  if (values.out !== undefined) {
    const files = buildStatewideExport(aggregation, counted, {
      generatedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      appVersion: APP_VERSION,
      issuer: 'State party',
    });
    // Said on stderr so that stdout (and --json) reads exactly as it does without --out.
    if (!files.ok) io.err(files.error.message);
    else {
      const written = writeStatewideFiles(resolve(io.cwd, values.out), files.value);
      if (!written.ok) throw new UsageError(written.error.message);
      io.err(`Statewide results written: ${written.value.join(', ')}`);
    }
  }
  if (values.json) printJson(io, aggregation);
  else printAggregation(io, aggregation);
  const findings = aggregation.byCounty.some((county) => county.findings > 0);
  return aggregation.rejected.length > 0 || findings ? EXIT.problems : EXIT.ok;
}

function printAggregation(io: CliIo, aggregation: Aggregation): void {
  io.out(`Counties reporting: ${aggregation.counties.reporting} of ${aggregation.counties.registered} registered.`);
  io.out('\nStatewide totals:');
  const width = Math.max(9, ...aggregation.totals.map((total) => total.candidate.length));
  io.out(
    `  ${'candidate'.padEnd(width)}  ${'first'.padStart(8)}  ${'final'.padStart(8)}  ${'delegates'.padStart(9)}  ${'SDE'.padStart(10)}`,
  );
  for (const total of aggregation.totals) {
    io.out(
      `  ${total.candidate.padEnd(width)}  ${String(total.firstAlignment).padStart(8)}  ${String(total.finalAlignment).padStart(8)}  ${String(total.delegates).padStart(9)}  ${total.sde.toFixed(4).padStart(10)}`,
    );
  }
  io.out('\nCounties:');
  for (const county of aggregation.byCounty) {
    io.out(
      county.status === null
        ? `  ${county.county}: not reporting`
        : `  ${county.county}: bundle ${county.sequence}, ${county.status}, precincts ${county.precinctsReporting} of ${county.precinctsTotal}${county.findings ? `, ${county.findings} rule findings` : ''}`,
    );
  }
  if (aggregation.rejected.length > 0) {
    io.out(`\nRejected bundles (${aggregation.rejected.length}):`);
    for (const rejected of aggregation.rejected) {
      io.out(`  - ${rejected.message}`);
      for (const problem of rejected.problems.slice(0, 5)) io.out(`      ${problem.message}`);
    }
  }
}
