import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsvLine } from '../../../electron/core/results-file/csv';

describe('parseCsv', () => {
  it('plain rows', () => {
    expect(parseCsv('county,precinct\nPolk,DM-01\nStory,AM-1\n')).toEqual({
      ok: true,
      value: [
        ['county', 'precinct'],
        ['Polk', 'DM-01'],
        ['Story', 'AM-1'],
      ],
    });
  });

  it('the last row needs no line end', () => {
    expect(parseCsv('a,b\n1,2')).toEqual({
      ok: true,
      value: [
        ['a', 'b'],
        ['1', '2'],
      ],
    });
  });

  it('quoted values keep commas, line breaks and doubled quotes', () => {
    expect(parseCsv('candidate,note\n"Steyer, Tom","line one\nline two"\n"Roque ""Rocky"" De La Fuente",""\n')).toEqual(
      {
        ok: true,
        value: [
          ['candidate', 'note'],
          ['Steyer, Tom', 'line one\nline two'],
          ['Roque "Rocky" De La Fuente', ''],
        ],
      },
    );
  });

  it('CRLF and lone CR line ends', () => {
    expect(parseCsv('a,b\r\n1,2\r\n3,4\r5,6\r\n')).toEqual({
      ok: true,
      value: [
        ['a', 'b'],
        ['1', '2'],
        ['3', '4'],
        ['5', '6'],
      ],
    });
  });

  it('a UTF-8 byte-order mark before the header is dropped', () => {
    const parsed = parseCsv('\ufeffcounty,precinct\nPolk,DM-01\n');
    expect(parsed).toEqual({
      ok: true,
      value: [
        ['county', 'precinct'],
        ['Polk', 'DM-01'],
      ],
    });
  });

  it('empty values and blank lines are kept (the table reader drops trailing ones)', () => {
    expect(parseCsv('a,b,c\n,,\n\n1,,3\n')).toEqual({
      ok: true,
      value: [['a', 'b', 'c'], ['', '', ''], [''], ['1', '', '3']],
    });
  });

  it('an empty text has no rows', () => {
    expect(parseCsv('')).toEqual({ ok: true, value: [] });
  });

  it('a quote never closed is an error at the row where it opened', () => {
    const text = 'a,b\n1,2\n3,"cut short\n4,5\n6,7\n';
    expect(parseCsv(text)).toEqual({
      ok: false,
      error: { row: 3, message: 'a quoted value is never closed (the file may be cut short)' },
    });
  });

  it('rows are counted as a spreadsheet counts them, even after a value spanning lines', () => {
    // Row 2 spans two lines of text; the bad value is on spreadsheet row 3 (text line 4).
    expect(parseCsv('a,b\n"two\nlines",2\n3,"x"y\n')).toEqual({
      ok: false,
      error: { row: 3, message: 'text follows a closing quote mark' },
    });
  });

  it('a quote in the middle of an unquoted value is an error', () => {
    expect(parseCsv('a,b\n1,2\n3,Roque "Rocky"\n')).toEqual({
      ok: false,
      error: { row: 3, message: 'a quote mark appears in the middle of a value; quote the whole value' },
    });
  });
});

describe('toCsvLine', () => {
  it('quotes only what needs quoting', () => {
    expect(toCsvLine(['Polk', 'DM-01', 6, 0.1432, 'Steyer, Tom', 'Roque "Rocky"', null, 'two\nlines'])).toBe(
      'Polk,DM-01,6,0.1432,"Steyer, Tom","Roque ""Rocky""",,"two\nlines"',
    );
  });

  it('values a spreadsheet would run as a formula get an apostrophe; numbers do not', () => {
    expect(toCsvLine(['=HYPERLINK("http://x")', '+1', '@SUM(A1)', '-2', '-2.5', '-x'])).toBe(
      `"'=HYPERLINK(""http://x"")",'+1,'@SUM(A1),-2,-2.5,'-x`,
    );
  });

  it('what toCsvLine writes, parseCsv reads back', () => {
    const value = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', 'é', '1', '.') });
    const safe = value.filter((text) => !/^[=+\-@\t\r]/.test(text));
    fc.assert(
      fc.property(fc.array(fc.array(safe, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const text = `${rows.map((row) => toCsvLine(row)).join('\r\n')}\r\n`;
        expect(parseCsv(text)).toEqual({ ok: true, value: rows });
      }),
      { numRuns: 300 },
    );
  });
});
