import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPORT_SOURCES, type ReportSource } from '../../../electron/core/api/contract';
import { importPaths } from '../../../electron/core/intake/import-paths';
import { addStationBatchFileKind } from '../../../electron/core/team/station-batch';
import { type CliIo, type ExitCode, UsageError } from '../io';
import { openExistingStore } from '../open-existing-store';
import { printIntakeSummary } from './print-intake-summary';

/** tallyroom import --db FILE [--operator NAME] [--source S] [--json] PATH... (docs/CONTRACTS.md). */
export async function importCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      operator: { type: 'string', default: io.env.USER ?? 'operator' },
      source: { type: 'string', default: 'usb' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.db) throw new UsageError('Give the county database with --db FILE.');
  if (!(REPORT_SOURCES as readonly string[]).includes(values.source)) {
    throw new UsageError(`"${values.source}" is not a source; use one of ${REPORT_SOURCES.join(', ')}.`);
  }
  if (positionals.length === 0) throw new UsageError('Give at least one file or folder to import.');
  const store = openExistingStore(resolve(io.cwd, values.db));
  // A station's signed batch on a stick imports like any file (team mode adds that kind to intake).
  addStationBatchFileKind();
  try {
    const summary = await importPaths(
      store,
      positionals.map((entry) => resolve(io.cwd, entry)),
      { source: values.source as ReportSource, operator: values.operator },
    );
    return printIntakeSummary(io, summary, values.json);
  } finally {
    store.close();
  }
}
