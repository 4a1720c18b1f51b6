import { type AppError, ok, type Result } from '../result';
import { parsePrecinctResultRows, type ResultRows } from '../results-file/precinct-results';
import { readTable } from '../results-file/table';
import type { PrecinctResult } from '../rules/types';
import { fileKindOf } from './file-kind';
import { type PrecinctReportV1, parsePrecinctReportJson } from './precinct-report-json';

export interface ParsedReportFile {
  readonly format: 'results-table' | 'precinct-report';
  readonly results: readonly PrecinctResult[];
  /** For a precinct report JSON: the report as written (who prepared it, when). */
  readonly report?: PrecinctReportV1;
  /** For a results table: the rows each result came from, so later checks name row and column. */
  readonly rows?: readonly ResultRows[];
}

/**
 * A results CSV/XLSX or a precinct report JSON into precinct results, without touching the
 * database: the one parser behind every intake path (drive, mailbox, dropped file, inbox preview).
 * An XLSX passes the zip guard before the spreadsheet reader sees a byte of it.
 */
export function parseReportFile(fileName: string, bytes: Uint8Array): Result<ParsedReportFile, AppError> {
  if (fileKindOf(fileName) === 'precinct-report') {
    const parsed = parsePrecinctReportJson(fileName, bytes);
    if (!parsed.ok) return parsed;
    return ok({ format: 'precinct-report', results: [parsed.value.result], report: parsed.value.report });
  }
  // readTable guards an XLSX (zip bomb, pollution bait) before the spreadsheet reader sees it.
  const table = readTable(fileName, bytes);
  if (!table.ok) return withNothingImported(table);
  const parsed = parsePrecinctResultRows(table.value, fileName);
  if (!parsed.ok) return parsed;
  return ok({ format: 'results-table', results: parsed.value.results, rows: parsed.value.rows });
}

/** The table reader's sentences predate intake; every intake refusal says nothing was imported. */
function withNothingImported(result: Result<never, AppError>): Result<never, AppError> {
  if (result.ok || /Nothing (from it )?was (imported|used)/.test(result.error.message)) return result;
  return { ok: false, error: { ...result.error, message: `${result.error.message} Nothing was imported.` } };
}
