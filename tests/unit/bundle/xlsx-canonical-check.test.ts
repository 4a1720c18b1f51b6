import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readXlsxRows, resultsXlsxFromCsv, xlsxRowsOfCsv } from '../../../electron/core/bundle/results-xlsx';
import { canonicalSheetXml, xlsxIsCanonicalFor } from '../../../electron/core/bundle/xlsx-canonical-check';

const HEADER =
  'county,precinct,precinct_delegates,sde_per_delegate,candidate,first_alignment,final_alignment,delegates_awarded,sde';

/** Results CSVs with the names and numbers real counties have: apostrophes, &, accents, blanks, SDE decimals. */
const CSVS = [
  `${HEADER}\nLinn County,001,8,0.25,Adams,14,14,2,0.5\nLinn County,001,8,0.25,Baker,3,3,0,0\n`,
  `${HEADER}\n"O'Brien & <Sons> ""North""",P-12,5,0.3333,Núñez Ó,140,138,3,1.0\nO'Brien,P-12,5,0.3333,Van  Buren,0,,,\n`,
  `${HEADER}\nStory,0042,1,2.125,'=SUM(A1),1,1,1,2.125\nStory,0042,1,2.125,Uncommitted,0,0,0,0\n`,
  `${HEADER}\nPolk,A 7,12,0.1,Zoë 李,1234567,1234566,12,1.2000000000000002\n`,
];

function sheetJsSheetXml(csv: string): string {
  const entries = unzipSync(resultsXlsxFromCsv(csv));
  return Buffer.from(entries['xl/worksheets/sheet1.xml'] as Uint8Array).toString('utf8');
}

describe('results.xlsx: the fast proof that it holds the CSV rows', () => {
  it.each(CSVS.map((csv, index) => [index, csv] as const))('spells sheet %i exactly as SheetJS does', (_, csv) => {
    const rows = xlsxRowsOfCsv(csv);
    expect(canonicalSheetXml(rows)).toBe(sheetJsSheetXml(csv));
    expect(xlsxIsCanonicalFor(resultsXlsxFromCsv(csv), rows)).toBe(true);
    expect(readXlsxRows(resultsXlsxFromCsv(csv))).toEqual(rows);
  });

  it('proves nothing when the workbook holds a different number, and the full read sees the difference', () => {
    const csv = CSVS[0] as string;
    const other = resultsXlsxFromCsv(csv.replace(',Adams,14,14,', ',Adams,15,14,'));
    const rows = xlsxRowsOfCsv(csv);
    expect(xlsxIsCanonicalFor(other, rows)).toBeNull();
    expect(readXlsxRows(other)).not.toEqual(rows);
  });

  it('proves nothing for a workbook with an extra entry or another sheet order, which the full read decides', () => {
    const csv = CSVS[0] as string;
    const rows = xlsxRowsOfCsv(csv);
    const entries = unzipSync(resultsXlsxFromCsv(csv));
    const extra = zipSync({ ...entries, 'xl/extra.xml': new Uint8Array(Buffer.from('<x/>')) });
    expect(xlsxIsCanonicalFor(extra, rows)).toBeNull();
    // Written by another program (no compression, another layout): not ours byte for byte, same cells.
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), 'Sheet From Elsewhere');
    const elsewhere = new Uint8Array(XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(xlsxIsCanonicalFor(elsewhere, rows)).toBeNull();
    expect(readXlsxRows(elsewhere)).toEqual(rows);
  });

  it('the same workbook stored without compression is still ours entry for entry', () => {
    const csv = CSVS[1] as string;
    const stored = zipSync(unzipSync(resultsXlsxFromCsv(csv)), { level: 0 });
    expect(xlsxIsCanonicalFor(stored, xlsxRowsOfCsv(csv))).toBe(true);
  });

  it('leaves text SheetJS may spell or read differently to the full read', () => {
    const unsure = ['_x0041_', ' leading', 'trailing ', 'tab\there', 'line\nbreak', 'emoji 🗳'];
    for (const text of unsure) {
      const rows = [
        ['county', 'precinct'],
        [text, '001'],
      ];
      expect(canonicalSheetXml(rows)).toBeNull();
    }
    expect(
      canonicalSheetXml([
        ['county', 'n'],
        ['x', 1e21],
      ]),
    ).toBeNull();
    expect(xlsxIsCanonicalFor(new Uint8Array([80, 75, 3, 4, 0, 0]), xlsxRowsOfCsv(CSVS[0] as string))).toBeNull();
  });
});
