import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { recountReportPdf } from '../../../electron/core/verify/recount-report-pdf';
import { recountReportXlsx } from '../../../electron/core/verify/recount-report-xlsx';
import { buildRecountSummary } from '../../../electron/core/verify/recount-summary';
import { type CliIo, EXIT, type ExitCode, printJson, UsageError } from '../io';
import { openExistingStore } from '../open-existing-store';

/**
 * tallyroom recount-report --db FILE --out PATH.pdf|PATH.xlsx [--json]: every recount and correction
 * of a certified result, with the differences and the county totals before and after.
 */
export async function recountReportCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (!values.db) throw new UsageError('Give the county database with --db FILE.');
  if (!values.out) throw new UsageError('Give the report file with --out PATH.pdf or --out PATH.xlsx.');
  const format = extname(values.out).toLowerCase();
  if (format !== '.pdf' && format !== '.xlsx') {
    throw new UsageError(`--out ${values.out}: the report is written as .pdf or .xlsx; end the name with one of them.`);
  }
  const store = openExistingStore(resolve(io.cwd, values.db));
  let summary: ReturnType<typeof buildRecountSummary>;
  try {
    const election = store.getElection();
    if (!election) throw new UsageError(`${values.db} has no county yet; set one up with "tallyroom init".`);
    summary = buildRecountSummary(store, election, new Date().toISOString());
  } finally {
    store.close();
  }
  const bytes = format === '.pdf' ? await recountReportPdf(summary) : recountReportXlsx(summary);
  const outPath = resolve(io.cwd, values.out);
  writeFileSync(outPath, bytes);
  const precincts = [...new Set(summary.changes.map((change) => change.precinct))];
  if (values.json) {
    printJson(io, { out: outPath, changes: summary.changes.length, precincts });
  } else {
    io.out(
      `Wrote ${outPath}: ${summary.changes.length} change${summary.changes.length === 1 ? '' : 's'} to certified results (recounts and corrections) in ${precincts.length} precinct${precincts.length === 1 ? '' : 's'}.`,
    );
  }
  return EXIT.ok;
}
