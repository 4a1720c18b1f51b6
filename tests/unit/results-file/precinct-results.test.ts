import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileProblem } from '../../../electron/core/api/contract';
import { parseCsv } from '../../../electron/core/results-file/csv';
import { parsePrecinctResults } from '../../../electron/core/results-file/precinct-results';
import { readTable, type Table } from '../../../electron/core/results-file/table';

// docs/CONTRACTS.md "Precinct results CSV (contract)": long format, one row per precinct x candidate.

const FIXTURES = join(import.meta.dirname, '../../fixtures/results');

function tableOf(name: string): Table {
  const table = readTable(name, new Uint8Array(readFileSync(join(FIXTURES, name))));
  if (!table.ok) throw new Error(table.error.message);
  return table.value;
}

function tableFrom(text: string): Table {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** Row and column of each problem; every problem has a sentence. */
function problemsOf(table: Table, fileName: string): { row: number; column: string | null }[] {
  const result = parsePrecinctResults(table, fileName);
  if (result.ok) throw new Error('expected problems');
  expect(result.error.code).toBe('FILE_HAS_PROBLEMS');
  expect(result.error.message).toContain(fileName);
  const problems = result.error.details as FileProblem[];
  for (const problem of problems) expect(problem.message.length).toBeGreaterThan(10);
  return problems.map(({ row, column }) => ({ row, column }));
}

const HEADER =
  'county,precinct,precinct_delegates,sde_per_delegate,candidate,first_alignment,final_alignment,delegates_awarded,sde';

describe('parsePrecinctResults: good files', () => {
  it('one result per precinct, in file order, lines in ballot order', () => {
    const result = parsePrecinctResults(tableOf('caucus-night-2020.csv'), 'caucus-night-2020.csv');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.map((precinct) => `${precinct.county}/${precinct.precinct}`)).toEqual([
      'Polk/DM-01',
      'Polk/DM-02',
      'Polk/DM-03',
      'Polk/DM-04',
      'Polk/DM-05',
      'Polk/DM-06',
      'Polk/DM-07',
      'Story/DM-01',
    ]);
    expect(result.value[4]).toEqual({
      county: 'Polk',
      precinct: 'DM-05',
      precinctDelegates: 1,
      sdePerDelegate: 0.1432,
      lines: [
        { candidate: 'Sanders', firstAlignment: 9, finalAlignment: 9, delegatesAwarded: 0, sde: 0 },
        { candidate: 'Warren', firstAlignment: 8, finalAlignment: 12, delegatesAwarded: 1, sde: 0.1432 },
        { candidate: 'Biden', firstAlignment: 4, finalAlignment: 0, delegatesAwarded: 0, sde: 0 },
      ],
    });
  });

  it('the same precinct code in two counties is two precincts', () => {
    const result = parsePrecinctResults(tableOf('caucus-night-2020.csv'), 'caucus-night-2020.csv');
    if (!result.ok) throw new Error(result.error.message);
    const dm01 = result.value.filter((precinct) => precinct.precinct === 'DM-01');
    expect(dm01.map((precinct) => [precinct.county, precinct.precinctDelegates, precinct.lines.length])).toEqual([
      ['Polk', 6, 7],
      ['Story', 5, 4],
    ]);
  });

  it('empty delegates and SDE are "not reported" (null)', () => {
    const result = parsePrecinctResults(tableOf('sde-only.csv'), 'sde-only.csv');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value[0]?.lines[0]).toEqual({
      candidate: 'Sanders',
      firstAlignment: 38,
      finalAlignment: 40,
      delegatesAwarded: null,
      sde: 0.2864,
    });
  });

  it('quoted names with commas and quotes, a BOM and CRLF line ends', () => {
    const result = parsePrecinctResults(tableOf('quoted-bom-crlf.csv'), 'quoted-bom-crlf.csv');
    expect(result).toEqual({
      ok: true,
      value: [
        {
          county: 'Polk',
          precinct: 'Des Moines 14, Ward 2',
          precinctDelegates: 3,
          sdePerDelegate: 0.25,
          lines: [
            { candidate: 'Steyer, Tom', firstAlignment: 75, finalAlignment: 75, delegatesAwarded: 2, sde: 0.5 },
            {
              candidate: 'Roque "Rocky" De La Fuente',
              firstAlignment: 15,
              finalAlignment: 15,
              delegatesAwarded: 1,
              sde: 0.25,
            },
            { candidate: 'Delaney', firstAlignment: 0, finalAlignment: 0, delegatesAwarded: 0, sde: null },
          ],
        },
      ],
    });
  });

  it('columns in any order, in any case, with extra columns and spaces around values', () => {
    const table = tableFrom(
      'Candidate,SDE,Delegates_Awarded,Final_Alignment,First_Alignment,SDE_per_delegate,Precinct_Delegates,Precinct,County,Notes\n' +
        ' Sanders , 0.5 ,2, 40 ,38,0.25,6,DM-01,Polk,recount asked\n',
    );
    expect(parsePrecinctResults(table, 'x.csv')).toEqual({
      ok: true,
      value: [
        {
          county: 'Polk',
          precinct: 'DM-01',
          precinctDelegates: 6,
          sdePerDelegate: 0.25,
          lines: [{ candidate: 'Sanders', firstAlignment: 38, finalAlignment: 40, delegatesAwarded: 2, sde: 0.5 }],
        },
      ],
    });
  });

  it('negative and fractional numbers are kept as typed: judging them is the checker\u2019s job', () => {
    const table = tableFrom(`${HEADER}\nPolk,DM-01,6,0.1432,Sanders,-3,12.5,1e0,.5\n`);
    const result = parsePrecinctResults(table, 'x.csv');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value[0]?.lines[0]).toEqual({
      candidate: 'Sanders',
      firstAlignment: -3,
      finalAlignment: 12.5,
      delegatesAwarded: 1,
      sde: 0.5,
    });
  });
});

describe('parsePrecinctResults: problems by row and column, and nothing returned', () => {
  it('text in number fields', () => {
    expect(problemsOf(tableOf('text-in-number.csv'), 'text-in-number.csv')).toEqual([
      { row: 3, column: 'first_alignment' },
      { row: 5, column: 'sde' },
    ]);
    const result = parsePrecinctResults(tableOf('text-in-number.csv'), 'text-in-number.csv');
    expect(result.ok ? '' : result.error.message).toBe(
      'text-in-number.csv has 2 problems: row 3, column first_alignment: "thirty-one" is not a number (and 1 more problem). Nothing from it was used; fix the file and try again.',
    );
  });

  it('precinct_delegates disagreeing within a precinct', () => {
    expect(problemsOf(tableOf('delegates-disagree.csv'), 'delegates-disagree.csv')).toEqual([
      { row: 4, column: 'precinct_delegates' },
    ]);
  });

  it('sde_per_delegate disagreeing within a precinct', () => {
    const table = tableFrom(`${HEADER}\nPolk,DM-01,6,0.1432,Sanders,38,40,2,\nPolk,DM-01,6,0.15,Warren,24,26,1,\n`);
    expect(problemsOf(table, 'x.csv')).toEqual([{ row: 3, column: 'sde_per_delegate' }]);
  });

  it('a candidate twice in one precinct', () => {
    expect(problemsOf(tableOf('duplicate-candidate.csv'), 'duplicate-candidate.csv')).toEqual([
      { row: 5, column: 'candidate' },
    ]);
  });

  it('a header without a required column', () => {
    const result = parsePrecinctResults(tableOf('missing-column.csv'), 'missing-column.csv');
    expect(problemsOf(tableOf('missing-column.csv'), 'missing-column.csv')).toEqual([{ row: 1, column: null }]);
    expect(result.ok ? '' : result.error.message).toContain('final_alignment');
  });

  it('a header and no precinct rows', () => {
    expect(problemsOf(tableOf('header-only.csv'), 'header-only.csv')).toEqual([{ row: 2, column: null }]);
  });

  it('no header at all', () => {
    expect(problemsOf([], 'x.csv')).toEqual([{ row: 1, column: null }]);
  });

  it('empty precinct or candidate', () => {
    const table = tableFrom(`${HEADER}\nPolk,,6,0.1432,Sanders,38,40,2,\nPolk,DM-01,6,0.1432,,24,26,1,\n`);
    expect(problemsOf(table, 'x.csv')).toEqual([
      { row: 2, column: 'precinct' },
      { row: 3, column: 'candidate' },
    ]);
  });

  it('every problem of a file is listed, blank rows keep the numbering', () => {
    const table = tableFrom(
      `${HEADER}\nPolk,DM-01,6,0.1432,Sanders,3 8,40,2,\n\nPolk,DM-01,6,0.1432,Warren,24,26,one,\nPolk,DM-01,6,0.1432,Warren,24,26,1,\n`,
    );
    expect(problemsOf(table, 'x.csv')).toEqual([
      { row: 2, column: 'first_alignment' },
      { row: 4, column: 'delegates_awarded' },
      { row: 5, column: 'candidate' },
    ]);
  });
});
