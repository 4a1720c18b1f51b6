import type { FileProblem } from '../model/file-problem';
import type { CandidateLine, PrecinctResult } from '../model/precinct-result';
import { type AppError, appError, ok, type Result } from '../result';
import { cell, isBlankRow, locateColumns, MAX_PROBLEMS_LISTED, parseNumberCell, RESULTS_COLUMNS } from './columns';
import type { Table } from './table';

const NUMBER_COLUMNS = [
  ['first_alignment', 'firstAlignment'],
  ['final_alignment', 'finalAlignment'],
  ['delegates_awarded', 'delegatesAwarded'],
  ['sde', 'sde'],
] as const;

/** Where a precinct's result came from in the file: spreadsheet rows (1-based, the header is row 1). */
export interface ResultRows {
  /** The precinct's first row. */
  readonly precinct: number;
  /** The row of each candidate line, in the order of `lines`. */
  readonly lines: readonly number[];
}

/**
 * Precinct results (long format, one row per precinct x candidate) into one result per precinct,
 * in file order. Numbers that are numbers stay as typed, even negative or fractional: judging them
 * is the checker's job. Anything that is not a number, or a file that contradicts itself, is a
 * problem with its row and column, and nothing is returned.
 */
export function parsePrecinctResults(table: Table, fileName: string): Result<PrecinctResult[], AppError> {
  const parsed = parsePrecinctResultRows(table, fileName);
  return parsed.ok ? ok(parsed.value.results) : parsed;
}

/** parsePrecinctResults, with the rows each result came from (so later checks can name row and column). */
export function parsePrecinctResultRows(
  table: Table,
  fileName: string,
): Result<{ results: PrecinctResult[]; rows: ResultRows[] }, AppError> {
  const located = locateColumns(table, RESULTS_COLUMNS);
  if ('problems' in located) return fileProblems(fileName, located.problems);
  const { columns } = located;
  const problems: FileProblem[] = [];
  const byKey = new Map<string, { result: Mutable; firstRow: number; lineRows: number[] }>();
  const invalidFirstValues = new Set<string>();

  table.slice(1).forEach((row, index) => {
    const rowNumber = index + 2;
    if (isBlankRow(row)) return;
    const county = cell(row, columns.county);
    const precinct = cell(row, columns.precinct);
    const candidate = cell(row, columns.candidate);
    if (precinct === '') problems.push({ row: rowNumber, column: 'precinct', message: 'The precinct is empty.' });
    if (candidate === '') problems.push({ row: rowNumber, column: 'candidate', message: 'The candidate is empty.' });
    const numbers: Partial<Record<string, number | null>> = {};
    for (const column of ['precinct_delegates', 'sde_per_delegate', ...NUMBER_COLUMNS.map(([name]) => name)]) {
      const text = cell(row, columns[column as keyof typeof columns]);
      const value = parseNumberCell(text);
      if (value === undefined) {
        problems.push({ row: rowNumber, column, message: `"${text}" is not a number.` });
      } else {
        numbers[column] = value;
      }
    }
    if (precinct === '' || candidate === '') return;

    const key = `${county}\u0000${precinct}`;
    const line: CandidateLine = {
      candidate,
      firstAlignment: numbers.first_alignment ?? null,
      finalAlignment: numbers.final_alignment ?? null,
      delegatesAwarded: numbers.delegates_awarded ?? null,
      sde: numbers.sde ?? null,
    };
    const existing = byKey.get(key);
    if (!existing) {
      for (const column of ['precinct_delegates', 'sde_per_delegate']) {
        if (numbers[column] === undefined) invalidFirstValues.add(`${key}\u0000${column}`);
      }
      byKey.set(key, {
        firstRow: rowNumber,
        lineRows: [rowNumber],
        result: {
          county,
          precinct,
          precinctDelegates: numbers.precinct_delegates ?? null,
          sdePerDelegate: numbers.sde_per_delegate ?? null,
          lines: [line],
        },
      });
      return;
    }
    const { result, firstRow } = existing;
    for (const [column, field] of [
      ['precinct_delegates', 'precinctDelegates'],
      ['sde_per_delegate', 'sdePerDelegate'],
    ] as const) {
      const value = numbers[column];
      // A first row whose value was not a number has its own problem listed; comparing to it adds noise.
      const firstWasNumber = !invalidFirstValues.has(`${key}\u0000${column}`);
      if (value !== undefined && firstWasNumber && value !== result[field]) {
        problems.push({
          row: rowNumber,
          column,
          message: `Precinct ${precinct} has ${column} ${value ?? '(empty)'} here but ${result[field] ?? '(empty)'} on row ${firstRow}; one precinct has one value.`,
        });
      }
    }
    if (result.lines.some((other) => other.candidate === candidate)) {
      problems.push({
        row: rowNumber,
        column: 'candidate',
        message: `${candidate} appears twice for precinct ${precinct}.`,
      });
      return;
    }
    result.lines.push(line);
    existing.lineRows.push(rowNumber);
  });

  if (problems.length > 0) return fileProblems(fileName, problems);
  if (byKey.size === 0) {
    return fileProblems(fileName, [{ row: 2, column: null, message: 'The file has a header but no precinct rows.' }]);
  }
  const entries = [...byKey.values()];
  return ok({
    results: entries.map((entry) => entry.result),
    rows: entries.map((entry) => ({ precinct: entry.firstRow, lines: entry.lineRows })),
  });
}

type Mutable = {
  county: string;
  precinct: string;
  precinctDelegates: number | null;
  sdePerDelegate: number | null;
  lines: CandidateLine[];
};

export function fileProblems(fileName: string, problems: readonly FileProblem[]): Result<never, AppError> {
  const first = problems[0];
  const where = first ? `row ${first.row}${first.column ? `, column ${first.column}` : ''}` : '';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return appError(
    'FILE_HAS_PROBLEMS',
    `${fileName} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: ${where}: ${(first?.message ?? '').replace(/\.$/, '')}${more}. Nothing from it was used; fix the file and try again.`,
    problems.slice(0, MAX_PROBLEMS_LISTED),
  );
}
