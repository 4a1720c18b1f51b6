import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_TABLE_FILE_BYTES, readTable } from '../../../electron/core/results-file/table';

const FIXTURES = join(import.meta.dirname, '../../fixtures/results');
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));
const read = (name: string) => readTable(name, bytesOf(name));

const HEADER = [
  'county',
  'precinct',
  'precinct_delegates',
  'sde_per_delegate',
  'candidate',
  'first_alignment',
  'final_alignment',
  'delegates_awarded',
  'sde',
];

describe('readTable: files that are not a table', () => {
  it('an empty file', () => {
    expect(read('empty.csv')).toEqual({ ok: false, error: { code: 'FILE_EMPTY', message: 'empty.csv is empty.' } });
  });

  it('binary garbage', () => {
    const result = read('garbage.csv');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('FILE_UNREADABLE');
      expect(result.error.message).toContain('garbage.csv');
    }
  });

  it('a CSV saved as Latin-1 / Windows-1252 (not UTF-8)', () => {
    expect(read('latin1.csv')).toEqual({
      ok: false,
      error: {
        code: 'FILE_UNREADABLE',
        message:
          'latin1.csv is not a CSV text file in UTF-8 (it may be a different kind of file, or saved in another encoding).',
      },
    });
  });

  it('Excel "Unicode Text" (UTF-16), with or without its byte-order mark', () => {
    expect(read('utf16le-bom.csv')).toMatchObject({ ok: false, error: { code: 'FILE_UNREADABLE' } });
    expect(read('utf16le.csv')).toEqual({
      ok: false,
      error: { code: 'FILE_UNREADABLE', message: 'utf16le.csv contains binary data; it is not a CSV file.' },
    });
  });

  it('a CSV renamed to .xlsx', () => {
    expect(read('not-a-zip.xlsx')).toEqual({
      ok: false,
      error: {
        code: 'FILE_UNREADABLE',
        message: 'not-a-zip.xlsx is named like a spreadsheet but is not a valid XLSX file.',
      },
    });
  });

  it('an XLSX cut short', () => {
    expect(read('truncated.xlsx')).toEqual({
      ok: false,
      error: {
        code: 'FILE_UNREADABLE',
        message: 'truncated.xlsx could not be read as an XLSX spreadsheet; it may be damaged or cut short.',
      },
    });
  });

  it('a CSV with a quote never closed names the row', () => {
    expect(read('unterminated-quote.csv')).toEqual({
      ok: false,
      error: {
        code: 'FILE_UNREADABLE',
        message: 'unterminated-quote.csv, row 3: a quoted value is never closed (the file may be cut short).',
      },
    });
  });

  it('a file over the size cap is refused before it is parsed', () => {
    const result = readTable('huge.csv', new Uint8Array(MAX_TABLE_FILE_BYTES + 1));
    expect(result).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } });
  });
});

describe('readTable: tables', () => {
  it('a CSV: text cells, trailing blank lines dropped', () => {
    const result = read('quoted-bom-crlf.csv');
    expect(result).toEqual({
      ok: true,
      value: [
        HEADER,
        ['Polk', 'Des Moines 14, Ward 2', '3', '0.25', 'Steyer, Tom', '75', '75', '2', '0.5'],
        ['Polk', 'Des Moines 14, Ward 2', '3', '0.25', 'Roque "Rocky" De La Fuente', '15', '15', '1', '0.25'],
        ['Polk', 'Des Moines 14, Ward 2', '3', '0.25', 'Delaney', '0', '0', '0', ''],
      ],
    });
  });

  it('a real XLSX: the first sheet, numbers as the text a person typed', () => {
    const result = read('caucus-night-2020.xlsx');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value[0]).toEqual(HEADER);
    expect(result.value[1]).toEqual(['Polk', 'DM-01', '6', '0.1432', 'Sanders', '38', '40', '2', '0.2864']);
    expect(result.value).toHaveLength(46);
  });

  it('the XLSX and the CSV it was made from read the same', () => {
    const fromXlsx = read('caucus-night-2020.xlsx');
    const fromCsv = read('caucus-night-2020.csv');
    expect(fromXlsx.ok && fromCsv.ok).toBe(true);
    expect(fromXlsx).toEqual(fromCsv);
  });

  it('the kind of file is told by its content, not its name', () => {
    expect(readTable('results.csv', bytesOf('caucus-night-2020.xlsx'))).toEqual(read('caucus-night-2020.csv'));
    expect(readTable('results.txt', bytesOf('caucus-night-2020.csv'))).toEqual(read('caucus-night-2020.csv'));
  });

  it('a header-only file is one row', () => {
    expect(read('header-only.csv')).toEqual({ ok: true, value: [HEADER] });
  });
});
