import { unzipSync } from 'fflate';
import { resultsXlsxFromCsv } from './results-xlsx';

/**
 * A fast way to prove that data/results.xlsx holds given rows: it does when the file is, entry for
 * entry, the workbook Tallyroom writes for those rows (resultsXlsxFromCsv), because that workbook
 * reads back as exactly those rows (every export reads its own bundle back and checks it). Reading
 * an XLSX through SheetJS costs tens of milliseconds; unzipping it and comparing bytes costs one or
 * two, which matters when a state party verifies thousands of bundles.
 *
 * Answers true only on an exact match; null means "not proven here", and the caller reads the file
 * the slow way, so a bundle is accepted or refused exactly as before. Rows this writer is not sure
 * to spell as SheetJS does (leading or trailing spaces, control characters, SheetJS's own `_xHHHH_`
 * escapes, numbers in exponent form, ragged rows) are never proven here.
 */
export function xlsxIsCanonicalFor(xlsx: Uint8Array, rows: readonly (readonly (string | number)[])[]): true | null {
  const sheet = canonicalSheetXml(rows);
  if (sheet === null) return null;
  let entries: Record<string, Uint8Array>;
  let declared = 0;
  // A file more than a few times the size of the real one is not ours: leave it to the slow read.
  const limit = sheet.length * 2 + 64 * 1024;
  try {
    entries = unzipSync(xlsx, {
      filter: (file) => {
        declared += file.originalSize;
        return declared <= limit;
      },
    });
  } catch {
    return null;
  }
  if (declared > limit) return null;
  const reference = referenceEntries();
  const names = Object.keys(entries);
  if (names.length !== reference.size) return null;
  for (const name of names) {
    const bytes = entries[name] as Uint8Array;
    if (name === SHEET) {
      if (!Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).equals(Buffer.from(sheet, 'utf8'))) return null;
      continue;
    }
    const expected = reference.get(name);
    if (!expected || !Buffer.from(bytes).equals(expected)) return null;
  }
  return true;
}

const SHEET = 'xl/worksheets/sheet1.xml';

let reference: Map<string, Buffer> | null = null;

/** The workbook's other entries (styles, theme, workbook, content types...): the same for any rows. */
function referenceEntries(): Map<string, Buffer> {
  if (reference) return reference;
  const entries = unzipSync(resultsXlsxFromCsv('county\nx\n'));
  reference = new Map(Object.entries(entries).map(([name, bytes]) => [name, Buffer.from(bytes)]));
  return reference;
}

/** Controls, surrogates (characters outside the BMP), and every whitespace but the plain space. */
function isUnsureCharacter(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0xa0) ||
    code === 0x1680 ||
    code === 0x180e ||
    (code >= 0x2000 && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202f) ||
    code === 0x205f ||
    code === 0x3000 ||
    (code >= 0xd800 && code <= 0xdfff) ||
    code === 0xfeff ||
    code >= 0xfff0
  );
}

/** The sheet XML SheetJS writes for these rows (aoa_to_sheet then write), or null when unsure. */
export function canonicalSheetXml(rows: readonly (readonly (string | number)[])[]): string | null {
  const width = rows[0]?.length ?? 0;
  if (rows.length < 2 || width < 1 || width > 26) return null;
  const lastColumn = String.fromCharCode(64 + width);
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    `<dimension ref="A1:${lastColumn}${rows.length}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>`,
  ];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as readonly (string | number)[];
    if (row.length !== width) return null;
    const rowNumber = r + 1;
    parts.push(`<row r="${rowNumber}">`);
    for (let c = 0; c < width; c++) {
      const cell = row[c] as string | number;
      const ref = `${String.fromCharCode(65 + c)}${rowNumber}`;
      if (typeof cell === 'number') {
        const text = String(cell);
        if (!Number.isFinite(cell) || /[eE]/.test(text) || Object.is(cell, -0)) return null;
        parts.push(`<c r="${ref}"><v>${text}</v></c>`);
      } else {
        if (!isPlainText(cell)) return null;
        parts.push(`<c r="${ref}" t="str"><v>${escapeXml(cell)}</v></c>`);
      }
    }
    parts.push('</row>');
  }
  parts.push(
    `</sheetData><ignoredErrors><ignoredError numberStoredAsText="1" sqref="A1:${lastColumn}${rows.length}"/></ignoredErrors></worksheet>`,
  );
  return parts.join('');
}

/** Text SheetJS writes as-is apart from the five XML escapes: no edge spaces, no controls, no `_x`. */
function isPlainText(text: string): boolean {
  if (text === '') return true;
  if (text.trim() !== text || /_x/i.test(text)) return false;
  for (let i = 0; i < text.length; i++) if (isUnsureCharacter(text.charCodeAt(i))) return false;
  return true;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] as string);
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
