import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkResultsFile } from '../../../electron/core/check/check-results-file';
import { isRulesProfileId, RULES_PROFILES } from '../../../electron/core/rules/types';
import { type CliIo, EXIT, type ExitCode, printJson, UsageError } from '../io';
import { readInputFile } from './read-input-file';

/** tallyroom check --rules PROFILE FILE [--json]: exit 0 no findings, 1 findings, 2 unreadable. */
export async function checkCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { rules: { type: 'string', default: 'iowa-dem-2020' }, json: { type: 'boolean', default: false } },
  });
  if (!isRulesProfileId(values.rules)) {
    throw new UsageError(`"${values.rules}" is not a rules profile; use one of ${RULES_PROFILES.join(', ')}.`);
  }
  if (positionals.length !== 1) throw new UsageError('Give exactly one results file to check.');
  const path = resolve(io.cwd, positionals[0] as string);
  const bytes = await readInputFile(path);
  const report = checkResultsFile(basename(path), bytes, values.rules);
  if (!report.ok) {
    io.err(report.error.message);
    const problems = report.error.details;
    if (Array.isArray(problems)) {
      for (const problem of problems.slice(1, 10)) {
        io.err(`  row ${problem.row}${problem.column ? `, column ${problem.column}` : ''}: ${problem.message}`);
      }
    }
    return EXIT.badInput;
  }
  const { precincts, summary } = report.value;
  if (values.json) {
    printJson(io, report.value);
  } else {
    for (const precinct of precincts.filter((entry) => entry.findings.length > 0)) {
      io.out(`${precinct.county ? `${precinct.county} / ` : ''}${precinct.precinct}`);
      for (const finding of precinct.findings) io.out(`  ${finding.code}: ${finding.message}`);
    }
    io.out(
      `${summary.precincts} precinct${summary.precincts === 1 ? '' : 's'} checked, ${summary.withFindings} with findings${
        summary.withFindings > 0
          ? ` (${Object.entries(summary.byCode)
              .map(([code, count]) => `${code} ${count}`)
              .join(', ')})`
          : ''
      }.`,
    );
  }
  return summary.withFindings > 0 ? EXIT.problems : EXIT.ok;
}
