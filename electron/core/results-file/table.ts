import * as XLSX from 'xlsx';
import { type AppError, appError, ok, type Result } from '../result';
import { parseCsv } from './csv';
import { guardXlsx } from './xlsx-guard';

/** Largest results or county file read (a state's worth of precincts is a few MB). */
export const MAX_TABLE_FILE_BYTES = 25 * 1024 * 1024;

/** A file's rows as text cells; row 1 is the header. */
export type Table = string[][];

/**
 * Reads a CSV or XLSX file (first sheet) into text cells. The kind is told by content, not
 * the name alone: an XLSX is a zip ("PK"), anything else must be UTF-8 text.
 */
export function readTable(fileName: string, bytes: Uint8Array): Result<Table, AppError> {
  if (bytes.length === 0) return appError('FILE_EMPTY', `${fileName} is empty.`);
  if (bytes.length > MAX_TABLE_FILE_BYTES) {
    return appError(
      'FILE_TOO_LARGE',
      `${fileName} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, larger than the ${MAX_TABLE_FILE_BYTES / 1024 / 1024} MB Tallyroom reads. Check that it is the right file.`,
    );
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip) return readXlsx(fileName, bytes);
  if (/\.xlsx?$/i.test(fileName)) {
    return appError('FILE_UNREADABLE', `${fileName} is named like a spreadsheet but is not a valid XLSX file.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return appError(
      'FILE_UNREADABLE',
      `${fileName} is not a CSV text file in UTF-8 (it may be a different kind of file, or saved in another encoding).`,
    );
  }
  if (text.includes('\u0000')) {
    return appError('FILE_UNREADABLE', `${fileName} contains binary data; it is not a CSV file.`);
  }
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    return appError('FILE_UNREADABLE', `${fileName}, row ${parsed.error.row}: ${parsed.error.message}.`);
  }
  return ok(dropBlankRows(parsed.value));
}

function readXlsx(fileName: string, untrusted: Uint8Array): Result<Table, AppError> {
  // Zip bombs and prototype-pollution bait are refused before the spreadsheet reader sees a byte.
  const guarded = guardXlsx(fileName, untrusted);
  if (!guarded.ok) return guarded;
  const bytes = guarded.value;
  try {
    const workbook = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
      sheetRows: 200_000,
    });
    const firstSheetName = workbook.SheetNames[0];
    const sheet = firstSheetName === undefined ? undefined : workbook.Sheets[firstSheetName];
    if (!sheet) return appError('FILE_UNREADABLE', `${fileName} has no sheets.`);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: '', blankrows: true });
    const table = rows.map((row) => row.map((cell) => cellText(cell)));
    return ok(dropBlankRows(table));
  } catch {
    return appError('FILE_UNREADABLE', `${fileName} could not be read as an XLSX spreadsheet; it may be damaged.`);
  }
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

/** Trailing blank lines are common at the end of files; they are not rows. */
function dropBlankRows(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && (rows[end - 1] as string[]).every((cell) => cell.trim() === '')) end--;
  return rows.slice(0, end);
}
