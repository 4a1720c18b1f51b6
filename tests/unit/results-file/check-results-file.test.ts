import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkResultsFile } from '../../../electron/core/check/check-results-file';

// docs/CONTRACTS.md `tallyroom check --json` (contract):
// {"precincts":[{"county","precinct","findings":[{"code","candidate"?, "message"}]}],
//  "summary":{"precincts":N,"withFindings":N,"byCode":{CODE:N}}}

const FIXTURES = join(import.meta.dirname, '../../fixtures/results');

function check(name: string, profile: 'iowa-dem-2020' | 'plurality' = 'iowa-dem-2020') {
  return checkResultsFile(name, new Uint8Array(readFileSync(join(FIXTURES, name))), profile);
}

/** The report as the CLI prints it: JSON, nothing more. */
function json(name: string, profile: 'iowa-dem-2020' | 'plurality' = 'iowa-dem-2020'): unknown {
  const result = check(name, profile);
  if (!result.ok) throw new Error(result.error.message);
  return JSON.parse(JSON.stringify(result.value));
}

const message = expect.stringMatching(/^\S.{20,}$/);

const caucusNight = {
  precincts: [
    { county: 'Polk', precinct: 'DM-01', findings: [] },
    { county: 'Polk', precinct: 'DM-02', findings: [{ code: 'FINAL_EXCEEDS_FIRST', message }] },
    {
      county: 'Polk',
      precinct: 'DM-03',
      findings: [
        { code: 'DELEGATES_TO_NONVIABLE', candidate: 'Biden', message },
        { code: 'ALLOCATION_MISMATCH', message },
      ],
    },
    { county: 'Polk', precinct: 'DM-04', findings: [] },
    { county: 'Polk', precinct: 'DM-05', findings: [] },
    { county: 'Polk', precinct: 'DM-06', findings: [{ code: 'SDE_MISMATCH', candidate: 'Sanders', message }] },
    {
      county: 'Polk',
      precinct: 'DM-07',
      findings: [
        { code: 'DELEGATE_TOTAL_MISMATCH', message },
        { code: 'ALLOCATION_MISMATCH', message },
      ],
    },
    { county: 'Story', precinct: 'DM-01', findings: [] },
  ],
  summary: {
    precincts: 8,
    withFindings: 4,
    byCode: {
      FINAL_EXCEEDS_FIRST: 1,
      DELEGATES_TO_NONVIABLE: 1,
      ALLOCATION_MISMATCH: 2,
      SDE_MISMATCH: 1,
      DELEGATE_TOTAL_MISMATCH: 1,
    },
  },
};

describe('checkResultsFile, iowa-dem-2020', () => {
  it('a caucus night CSV: findings per precinct and the summary, to the contract', () => {
    expect(json('caucus-night-2020.csv')).toEqual(caucusNight);
  });

  it('exactly the contract keys, in the contract order; no other fields', () => {
    const report = json('caucus-night-2020.csv') as {
      precincts: { findings: Record<string, unknown>[] }[];
      summary: object;
    };
    expect(Object.keys(report)).toEqual(['precincts', 'summary']);
    expect(Object.keys(report.summary)).toEqual(['precincts', 'withFindings', 'byCode']);
    for (const precinct of report.precincts) {
      expect(Object.keys(precinct)).toEqual(['county', 'precinct', 'findings']);
      for (const finding of precinct.findings) {
        expect(Object.keys(finding)).toEqual(
          'candidate' in finding ? ['code', 'candidate', 'message'] : ['code', 'message'],
        );
      }
    }
  });

  it('messages say what is wrong with the numbers from the file', () => {
    const report = json('caucus-night-2020.csv') as typeof caucusNight;
    const [dm02, dm03] = [report.precincts[1], report.precincts[2]];
    expect(dm02?.findings[0]?.message).toContain('132');
    expect(dm02?.findings[0]?.message).toContain('130');
    expect(dm03?.findings[0]?.message).toContain('Biden');
    expect(dm03?.findings[0]?.message).toContain('20');
  });

  it('the same data as XLSX gives the same report', () => {
    expect(json('caucus-night-2020.xlsx')).toEqual(caucusNight);
  });

  it('SDE-only results, as the state party publishes them', () => {
    expect(json('sde-only.csv')).toEqual({
      precincts: [
        { county: 'Polk', precinct: 'DM-01', findings: [] },
        { county: 'Polk', precinct: 'DM-02', findings: [{ code: 'ALLOCATION_MISMATCH', message }] },
        { county: 'Polk', precinct: 'DM-03', findings: [{ code: 'SDE_MISMATCH', candidate: 'Buttigieg', message }] },
      ],
      summary: { precincts: 3, withFindings: 2, byCode: { ALLOCATION_MISMATCH: 1, SDE_MISMATCH: 1 } },
    });
  });

  it('quoted names, BOM and CRLF', () => {
    expect(json('quoted-bom-crlf.csv')).toEqual({
      precincts: [{ county: 'Polk', precinct: 'Des Moines 14, Ward 2', findings: [] }],
      summary: { precincts: 1, withFindings: 0, byCode: {} },
    });
  });
});

describe('checkResultsFile, plurality', () => {
  it('counts only: the caucus night file has no findings', () => {
    const report = json('caucus-night-2020.csv', 'plurality') as typeof caucusNight;
    expect(report.summary).toEqual({ precincts: 8, withFindings: 0, byCode: {} });
    expect(report.precincts.every((precinct) => precinct.findings.length === 0)).toBe(true);
  });
});

describe('checkResultsFile: unreadable input is an error value, not a report', () => {
  it.each([
    ['empty.csv', 'FILE_EMPTY'],
    ['garbage.csv', 'FILE_UNREADABLE'],
    ['latin1.csv', 'FILE_UNREADABLE'],
    ['not-a-zip.xlsx', 'FILE_UNREADABLE'],
    ['truncated.xlsx', 'FILE_UNREADABLE'],
    ['unterminated-quote.csv', 'FILE_UNREADABLE'],
    ['text-in-number.csv', 'FILE_HAS_PROBLEMS'],
    ['missing-column.csv', 'FILE_HAS_PROBLEMS'],
    ['duplicate-candidate.csv', 'FILE_HAS_PROBLEMS'],
    ['delegates-disagree.csv', 'FILE_HAS_PROBLEMS'],
    ['header-only.csv', 'FILE_HAS_PROBLEMS'],
  ])('%s -> %s', (name, code) => {
    const result = check(name);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toContain(name);
    }
  });
});
