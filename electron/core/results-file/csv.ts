import { err, ok, type Result } from '../result';

export interface CsvSyntaxError {
  readonly row: number;
  readonly message: string;
}

/**
 * RFC 4180 CSV: quoted fields, doubled quotes, CR/LF/CRLF line ends, a UTF-8 BOM tolerated.
 * Rows are 1-based as a spreadsheet numbers them (the header is row 1).
 */
export function parseCsv(text: string): Result<string[][], CsvSyntaxError> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldWasQuoted = false;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field.length > 0 || fieldWasQuoted) {
        return err({
          row: rows.length + 1,
          message: 'a quote mark appears in the middle of a value; quote the whole value',
        });
      }
      inQuotes = true;
      fieldWasQuoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      fieldWasQuoted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldWasQuoted = false;
    } else {
      if (fieldWasQuoted) return err({ row: rows.length + 1, message: 'text follows a closing quote mark' });
      field += ch;
    }
  }
  if (inQuotes)
    return err({ row: rows.length + 1, message: 'a quoted value is never closed (the file may be cut short)' });
  if (field.length > 0 || fieldWasQuoted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return ok(rows);
}

/**
 * One CSV line. Values a spreadsheet would run as a formula (=, +, -, @, tab, CR) are prefixed
 * with an apostrophe unless they are plain numbers, so an exported file cannot execute anything.
 */
export function toCsvLine(values: readonly (string | number | null)[]): string {
  return values.map((value) => escapeCsvValue(value)).join(',');
}

function escapeCsvValue(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const isNumber = /^-?\d+(\.\d+)?$/.test(value);
  const safe = !isNumber && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
