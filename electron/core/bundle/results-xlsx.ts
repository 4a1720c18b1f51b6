import * as XLSX from 'xlsx';
import { parseCsv } from '../results-file/csv';

/** Columns of the results CSV that hold numbers; the rest (county, precinct, candidate) stay text. */
const NUMBER_COLUMNS = new Set([2, 3, 5, 6, 7, 8]);

/**
 * data/results.xlsx: the results CSV cell for cell (formula escaping included), numbers as numbers,
 * codes such as precinct "001" as text. Built from the CSV so the two can never disagree.
 */
export function resultsXlsxFromCsv(csv: string): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(xlsxRowsOfCsv(csv)), 'Results');
  return new Uint8Array(XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
}

/** The rows the XLSX holds for a results CSV. */
export function xlsxRowsOfCsv(csv: string): (string | number)[][] {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(`our own results CSV does not parse: ${parsed.error.message}`);
  return parsed.value.map((row, rowIndex) =>
    row.map((cell, column) => (rowIndex > 0 && NUMBER_COLUMNS.has(column) && cell !== '' ? Number(cell) : cell)),
  );
}

/** The first sheet of an XLSX as rows, empty cells as '' (null when it is not a readable XLSX). */
export function readXlsxRows(bytes: Uint8Array): (string | number)[][] | null {
  try {
    const workbook = XLSX.read(bytes, { type: 'buffer', cellFormula: false, cellHTML: false, cellDates: false });
    const name = workbook.SheetNames[0];
    const sheet = name === undefined ? undefined : workbook.Sheets[name];
    if (!sheet) return null;
    return XLSX.utils.sheet_to_json<(string | number)[]>(sheet, { header: 1, raw: true, defval: '', blankrows: true });
  } catch {
    return null;
  }
}
