import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileProblem } from '../../../electron/core/api/contract';
import { parseCountyDefinition } from '../../../electron/core/results-file/county-definition';
import { readTable, type Table } from '../../../electron/core/results-file/table';

// docs/CONTRACTS.md `tallyroom init`: a county definition is the precinct results file with the counts left
// empty (precincts, delegates, SDE ratio and candidates are taken from it), plus `chair_email`.

const FIXTURES = join(import.meta.dirname, '../../fixtures/results');

function tableOf(name: string): Table {
  const table = readTable(name, new Uint8Array(readFileSync(join(FIXTURES, name))));
  if (!table.ok) throw new Error(table.error.message);
  return table.value;
}

const story = {
  county: 'Story',
  name: 'Story County caucus 2020',
  date: '2020-02-03',
  rulesProfile: 'iowa-dem-2020',
  sdePerDelegate: 0.0728,
  precincts: [
    { code: 'AM-1', name: 'Ames 1', delegates: 9, chairEmail: 'chair.am1@example.org' },
    { code: 'AM-2', name: 'Ames 2', delegates: 1, chairEmail: 'chair.am2@example.org' },
    { code: 'NV-1', name: 'Nevada 1', delegates: 4, chairEmail: null },
  ],
  candidates: ['Sanders', 'Buttigieg', 'Warren', 'Biden', 'Uncommitted'],
};

afterEach(() => {
  vi.useRealTimers();
});

describe('parseCountyDefinition: a good file', () => {
  it.each(['county-definition.csv', 'county-definition.xlsx'])('%s', (name) => {
    const options = {
      rulesProfile: 'iowa-dem-2020',
      electionName: 'Story County caucus 2020',
      date: '2020-02-03',
    } as const;
    expect(parseCountyDefinition(tableOf(name), name, options)).toEqual({ ok: true, value: story });
  });

  it('defaults: "<county> caucus", plurality profile, and today where the county is, not in UTC', () => {
    // 19:30 in Iowa on caucus night is 01:30 the next day in UTC (tests run in America/Anchorage).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2020-02-04T01:30:00Z'));
    const result = parseCountyDefinition(tableOf('county-definition.csv'), 'county-definition.csv', {
      rulesProfile: 'plurality',
    });
    expect(result).toEqual({
      ok: true,
      value: { ...story, name: 'Story caucus', date: '2020-02-03', rulesProfile: 'plurality' },
    });
  });

  it('a file naming two counties is refused at the first row of the second county', () => {
    const result = parseCountyDefinition(tableOf('caucus-night-2020.csv'), 'caucus-night-2020.csv', {
      rulesProfile: 'iowa-dem-2020',
    });
    if (result.ok) throw new Error('expected problems');
    const problems = result.error.details as FileProblem[];
    expect(problems[0]).toEqual({
      row: 43,
      column: 'county',
      message: 'This row names county "Story" but earlier rows name "Polk"; a definition is for one county.',
    });
    expect([...new Set(problems.map((problem) => problem.row))]).toEqual([43, 44, 45, 46]);
  });
});

describe('parseCountyDefinition: bad rows', () => {
  it('every problem listed by row and column, nothing returned', () => {
    const result = parseCountyDefinition(tableOf('county-definition-bad.csv'), 'county-definition-bad.csv', {
      rulesProfile: 'iowa-dem-2020',
    });
    if (result.ok) throw new Error('expected problems');
    expect(result.error.code).toBe('FILE_HAS_PROBLEMS');
    expect(result.error.message).toMatch(
      /^county-definition-bad\.csv has 10 problems: row 4, column precinct_delegates: /,
    );
    const problems = result.error.details as FileProblem[];
    expect(problems.map(({ row, column }) => [row, column])).toEqual([
      [4, 'precinct_delegates'], // 8 here, 9 on row 2
      [5, 'county'], // Polk in a Story definition
      [6, 'precinct_delegates'], // "one"
      [7, 'sde_per_delegate'], // 0.07, not 0.0728
      [8, 'precinct'], // empty
      [9, 'candidate'], // empty
      [10, 'chair_email'], // not an address
      [11, 'candidate'], // Sanders twice in AM-1
      [12, 'precinct_delegates'], // 2.5
      [12, 'sde_per_delegate'], // empty
    ]);
    expect(problems[0]?.message).toBe('Precinct AM-1 elects 8 delegates here but 9 on row 2.');
    expect(problems[2]?.message).toBe('"one" is not a whole number of delegates (0 or more).');
    for (const problem of problems) expect(problem.message.length).toBeGreaterThan(10);
  });

  it('a header without a required column', () => {
    const table: Table = [
      ['county', 'precinct', 'candidate', 'sde_per_delegate'],
      ['Story', 'AM-1', 'Sanders', '0.0728'],
    ];
    const result = parseCountyDefinition(table, 'x.csv', { rulesProfile: 'iowa-dem-2020' });
    if (result.ok) throw new Error('expected problems');
    expect(result.error.details).toEqual([
      { row: 1, column: null, message: expect.stringContaining('precinct_delegates') },
    ]);
  });

  it('a header and no rows', () => {
    const table: Table = [['county', 'precinct', 'precinct_delegates', 'sde_per_delegate', 'candidate']];
    const result = parseCountyDefinition(table, 'x.csv', { rulesProfile: 'iowa-dem-2020' });
    if (result.ok) throw new Error('expected problems');
    expect((result.error.details as FileProblem[]).map(({ row, column }) => [row, column])).toEqual([[2, null]]);
  });
});
