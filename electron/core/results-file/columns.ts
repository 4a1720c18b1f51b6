import type { FileProblem } from '../model/file-problem';
import type { Table } from './table';

/** Precinct results CSV columns (docs/CONTRACTS.md), in contract order. */
export const RESULTS_COLUMNS = [
  'county',
  'precinct',
  'precinct_delegates',
  'sde_per_delegate',
  'candidate',
  'first_alignment',
  'final_alignment',
  'delegates_awarded',
  'sde',
] as const;
export type ResultsColumn = (typeof RESULTS_COLUMNS)[number];

/** Where each named column is, or the problems of a header that lacks required ones. */
export function locateColumns<C extends string>(
  table: Table,
  required: readonly C[],
  optional: readonly string[] = [],
): { columns: Record<C, number> & Record<string, number | undefined> } | { problems: FileProblem[] } {
  const header = (table[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const columns: Record<string, number> = {};
  for (const name of [...required, ...optional]) {
    const index = header.indexOf(name);
    if (index >= 0) columns[name] = index;
  }
  const missing = required.filter((name) => columns[name] === undefined);
  if (table.length === 0 || missing.length > 0) {
    return {
      problems: [
        {
          row: 1,
          column: null,
          message:
            table.length === 0
              ? 'The file has no header row.'
              : `The header row is missing the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. The first row must name the columns: ${RESULTS_COLUMNS.join(',')}.`,
        },
      ],
    };
  }
  return { columns: columns as Record<C, number> };
}

export function cell(row: readonly string[], index: number | undefined): string {
  return index === undefined ? '' : (row[index] ?? '').trim();
}

/** A number as typed in a file: null when empty, undefined when it is not a number at all. */
export function parseNumberCell(text: string): number | null | undefined {
  if (text === '') return null;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

export function isBlankRow(row: readonly string[]): boolean {
  return row.every((value) => value.trim() === '');
}

/** Most problems listed for one file: enough to fix it, not a wall of text. */
export const MAX_PROBLEMS_LISTED = 50;
