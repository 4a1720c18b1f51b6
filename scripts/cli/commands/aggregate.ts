import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Aggregation, aggregateBundles } from '../../../electron/core/bundle/aggregate';
import { readBundle } from '../../../electron/core/bundle/bundle-container';
import { readKeyRegistry } from '../../../electron/core/bundle/key-registry';
import { type CliIo, EXIT, type ExitCode, printJson, UsageError } from '../io';

/** tallyroom aggregate --keys DIR BUNDLE... [--json]: the state party's verify-and-total (DESIGN.md). */
export async function aggregateCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { keys: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (!values.keys) {
    throw new UsageError('Give the folder of registered county keys with --keys DIR (one "<County>.pub" per county).');
  }
  if (positionals.length === 0) throw new UsageError('Give at least one county bundle (folder or .zip) to aggregate.');
  const registry = readKeyRegistry(resolve(io.cwd, values.keys));
  if (!registry.ok) throw new UsageError(registry.error.message);
  const aggregation = aggregateBundles(
    registry.value,
    positionals.map((path) => ({ path, files: () => readBundle(resolve(io.cwd, path)) })),
  );
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
