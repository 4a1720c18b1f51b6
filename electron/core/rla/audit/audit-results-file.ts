import type { FileProblem } from '../../model/file-problem';
import type { RulesProfileId } from '../../model/rules-profile';
import { type AppError, ok, type Result } from '../../result';
import { cell, locateColumns, parseNumberCell, RESULTS_COLUMNS } from '../../results-file/columns';
import { fileProblems, parsePrecinctResults } from '../../results-file/precinct-results';
import { readTable } from '../../results-file/table';

/** One precinct of an audit file: its counts per candidate and its ballots (attendees). */
export interface AuditPrecinct {
  readonly precinct: string;
  readonly counts: ReadonlyMap<string, number>;
  /** Null when the file has no ballots for it (allowed in a hand-tally file only). */
  readonly ballots: number | null;
}

/** One county of an audit file: one contest. Candidates in the order they first appear. */
export interface AuditCounty {
  readonly county: string;
  readonly candidates: readonly string[];
  readonly precincts: readonly AuditPrecinct[];
}

/**
 * A reported or hand-tally file for the audit: the precinct results CSV/XLSX (docs/CONTRACTS.md) plus a
 * `ballots` column. The counts are final_alignment under iowa-dem-2020; under plurality the votes
 * are first_alignment (the project's plurality column), or final_alignment where first_alignment
 * is empty. Counts must be whole numbers of 0 or more; ballots, when required, too, and at least
 * the precinct's counts added up.
 */
export function readAuditResultsFile(
  fileName: string,
  bytes: Uint8Array,
  rules: RulesProfileId,
  options: { readonly ballotsRequired: boolean },
): Result<AuditCounty[], AppError> {
  const table = readTable(fileName, bytes);
  if (!table.ok) return table;
  const located = locateColumns(
    table.value,
    [...RESULTS_COLUMNS, ...(options.ballotsRequired ? ['ballots'] : [])],
    ['ballots'],
  );
  if ('problems' in located) return fileProblems(fileName, located.problems);
  const parsed = parsePrecinctResults(table.value, fileName);
  if (!parsed.ok) return parsed;

  const problems: FileProblem[] = [];
  const ballotsByPrecinct = new Map<string, { value: number | null; row: number }>();
  const firstRowOf = new Map<string, number>();
  table.value.slice(1).forEach((row, index) => {
    const key = `${cell(row, located.columns.county)}\u0000${cell(row, located.columns.precinct)}`;
    const text = cell(row, located.columns.ballots);
    const value = parseNumberCell(text);
    const rowNumber = index + 2;
    if (!firstRowOf.has(key)) firstRowOf.set(key, rowNumber);
    if (value === undefined || (value !== null && (!Number.isInteger(value) || value < 0))) {
      problems.push({ row: rowNumber, column: 'ballots', message: `"${text}" is not a whole number of ballots.` });
      return;
    }
    if (value === null && options.ballotsRequired) {
      problems.push({
        row: rowNumber,
        column: 'ballots',
        message: 'The ballots (attendees) of the precinct are empty.',
      });
      return;
    }
    const first = ballotsByPrecinct.get(key);
    if (!first) ballotsByPrecinct.set(key, { value, row: rowNumber });
    else if (first.value !== value) {
      problems.push({
        row: rowNumber,
        column: 'ballots',
        message: `This precinct has ${value ?? '(empty)'} ballots here but ${first.value ?? '(empty)'} on row ${first.row}; one precinct has one value.`,
      });
    }
  });

  const counties = new Map<string, { candidates: string[]; precincts: AuditPrecinct[] }>();
  for (const result of parsed.value) {
    const county = result.county ?? '';
    const entry = counties.get(county) ?? { candidates: [], precincts: [] };
    counties.set(county, entry);
    const key = `${county}\u0000${result.precinct}`;
    const row = firstRowOf.get(key) ?? 2;
    const counts = new Map<string, number>();
    for (const line of result.lines) {
      const count = countOf(line.firstAlignment, line.finalAlignment, rules);
      if (count === 'conflict' || count === null || !Number.isInteger(count) || count < 0) {
        problems.push({
          row,
          column: rules === 'plurality' ? 'first_alignment' : 'final_alignment',
          message: `Precinct ${result.precinct}, ${line.candidate}: ${
            count === 'conflict'
              ? 'first_alignment and final_alignment give different votes'
              : 'the count must be a whole number of 0 or more'
          }.`,
        });
        continue;
      }
      counts.set(line.candidate, count);
      if (!entry.candidates.includes(line.candidate)) entry.candidates.push(line.candidate);
    }
    const ballots = ballotsByPrecinct.get(key)?.value ?? null;
    const counted = [...counts.values()].reduce((total, count) => total + count, 0);
    if (ballots !== null && ballots < counted) {
      problems.push({
        row,
        column: 'ballots',
        message: `Precinct ${result.precinct} has ${ballots} ballots but ${counted} counted; ballots (attendees) cannot be fewer than the counts.`,
      });
    }
    entry.precincts.push({ precinct: result.precinct, counts, ballots });
  }
  if (problems.length > 0) return fileProblems(fileName, problems);
  return ok([...counties.entries()].map(([county, entry]) => ({ county, ...entry })));
}

function countOf(first: number | null, final: number | null, rules: RulesProfileId): number | null | 'conflict' {
  if (rules === 'iowa-dem-2020') return final;
  if (first !== null && final !== null && first !== final) return 'conflict';
  return first ?? final;
}
