import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCountyView } from '../../../electron/core/county/county-view';
import { buildOverview } from '../../../electron/core/county/overview';
import { checkChainHeadBeside } from '../../../electron/core/integrity/anchor-chain';
import { checkDatabaseHealth } from '../../../electron/core/integrity/database-health';
import { type CliIo, EXIT, type ExitCode, printJson, UsageError } from '../io';
import { openExistingStore } from '../open-existing-store';

/** tallyroom status --db FILE [--json] (docs/CONTRACTS.md shape). */
export async function statusCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (!values.db) throw new UsageError('Give the county database with --db FILE.');
  const store = openExistingStore(resolve(io.cwd, values.db));
  try {
    const election = store.getElection();
    if (!election) throw new UsageError(`${values.db} has no county yet; set one up with "tallyroom init".`);
    // The numbers below are only worth reading if the file still holds what the audit log recorded.
    const checked = checkDatabaseHealth(store);
    const headProblem = checkChainHeadBeside(store);
    const health = {
      ok: checked.ok && !headProblem,
      problem: [checked.problem, headProblem].filter(Boolean).join(' '),
    };
    if (!health.ok) io.err(`${values.db} fails the health check: ${health.problem}`);
    const view = buildCountyView(store, election);
    const overview = buildOverview(view);
    const { total, missing, received, conflict, verified, certified } = overview.statusCounts;
    const status = {
      precincts: { total, missing, received, conflict, verified, certified },
      reports: store.countReports(),
      findings: view.precincts.reduce((sum, precinct) => sum + precinct.findings.length, 0),
      byPrecinct: overview.precincts.map((precinct) => ({
        precinct: precinct.code,
        status: precinct.status,
        sources: precinct.sources,
        findings: precinct.findings,
      })),
    };
    if (values.json) {
      printJson(io, { ...status, health });
      return health.ok ? EXIT.ok : EXIT.problems;
    }
    io.out(`${election.county} — ${election.name} (${election.rulesProfile})`);
    io.out(
      `Precincts: ${total} (missing ${missing}, received ${received}, conflict ${conflict}, verified ${verified}, certified ${certified})`,
    );
    io.out(`Reports: ${status.reports}   Findings: ${status.findings}`);
    for (const precinct of status.byPrecinct.filter(
      (entry) => entry.status === 'conflict' || entry.findings.length > 0,
    )) {
      io.out(
        `  ${precinct.precinct}: ${precinct.status}${precinct.findings.length ? ` — ${precinct.findings.join(', ')}` : ''}`,
      );
    }
    return health.ok ? EXIT.ok : EXIT.problems;
  } finally {
    store.close();
  }
}
