import type { PrecinctResult } from '../rules/types';
import { RESULTS_COLUMNS } from './columns';
import { toCsvLine } from './csv';

/** Precinct results in the docs/CONTRACTS.md CSV format (header + one row per precinct x candidate). */
export function writePrecinctResultsCsv(results: readonly PrecinctResult[], county: string): string {
  const lines = [RESULTS_COLUMNS.join(',')];
  for (const result of results) {
    for (const line of result.lines) {
      lines.push(
        toCsvLine([
          result.county ?? county,
          result.precinct,
          result.precinctDelegates,
          result.sdePerDelegate,
          line.candidate,
          line.firstAlignment,
          line.finalAlignment,
          line.delegatesAwarded,
          line.sde === null ? null : Number(line.sde.toFixed(4)),
        ]),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
