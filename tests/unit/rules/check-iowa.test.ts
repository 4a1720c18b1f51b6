import { describe, expect, it } from 'vitest';
import { checkPrecinct } from '../../../electron/core/rules/check';
import { checkIowaPrecinct } from '../../../electron/core/rules/check-iowa';
import type { CandidateLine, Finding, PrecinctResult } from '../../../electron/core/rules/types';

// docs/CONTRACTS.md "Findings (contract)": one test per code, with the exact set of findings (code and
// candidate) the precinct must get. The precincts are shaped like 2020 Iowa worksheets.

const RATIO = 0.1432; // the county's state delegates / county convention delegates

/** [candidate, first alignment, final alignment, delegates awarded, sde] */
type Row = readonly [string, number | null, number | null, number | null, number | null];

function precinct(delegates: number | null, rows: readonly Row[], ratio: number | null = RATIO): PrecinctResult {
  return {
    county: 'Polk',
    precinct: 'DM-14',
    precinctDelegates: delegates,
    sdePerDelegate: ratio,
    lines: rows.map(
      ([candidate, first, final, awarded, sde]): CandidateLine => ({
        candidate,
        firstAlignment: first,
        finalAlignment: final,
        delegatesAwarded: awarded,
        sde,
      }),
    ),
  };
}

/** Code and candidate of each finding, in the order reported; every finding has a sentence. */
function found(findings: readonly Finding[]): [string, string | null][] {
  for (const finding of findings) {
    expect(finding.message).toMatch(/^\S.*\S$/);
    expect(finding.message.length).toBeGreaterThan(20);
  }
  return findings.map((finding) => [finding.code, finding.candidate ?? null]);
}

function check(result: PrecinctResult): [string, string | null][] {
  const findings = checkIowaPrecinct(result);
  // The dispatcher gives the same findings for the profile.
  expect(checkPrecinct('iowa-dem-2020', result)).toEqual(findings);
  return found(findings);
}

/**
 * D=6, N=130, threshold ceil(19.5) = 20. Viable first: Sanders, Buttigieg, Warren. Klobuchar, Yang
 * and Uncommitted realign or go home; Biden (17) grows to 22 and becomes viable.
 * Final: 240/130 = 1.85 -> 2; 216/130 = 1.66 -> 2; 156/130 = 1.2 -> 1; 132/130 = 1.02 -> 1. Total 6.
 */
const correct: Row[] = [
  ['Sanders', 38, 40, 2, 0.2864],
  ['Buttigieg', 31, 36, 2, 0.2864],
  ['Warren', 24, 26, 1, 0.1432],
  ['Biden', 17, 22, 1, 0.1432],
  ['Klobuchar', 12, 0, 0, 0],
  ['Yang', 6, 0, 0, 0],
  ['Uncommitted', 2, 0, 0, 0],
];

function edit(rows: readonly Row[], candidate: string, change: Partial<Record<0 | 1 | 2 | 3 | 4, unknown>>): Row[] {
  return rows.map((row) => {
    if (row[0] !== candidate) return row;
    const copy = [...row] as unknown[];
    for (const [index, value] of Object.entries(change)) copy[Number(index)] = value;
    return copy as unknown as Row;
  });
}
const FIRST = 1;
const FINAL = 2;
const DELEGATES = 3;
const SDE = 4;

describe('correct reports have no findings', () => {
  it('delegates and SDEs', () => {
    expect(check(precinct(6, correct))).toEqual([]);
  });

  it('delegates only', () => {
    expect(
      check(
        precinct(
          6,
          correct.map(([c, a, b, d]) => [c, a, b, d, null] as const),
        ),
      ),
    ).toEqual([]);
  });

  it('SDEs only, as the state party published them', () => {
    expect(
      check(
        precinct(
          6,
          correct.map(([c, a, b, , s]) => [c, a, b, null, s] as const),
        ),
      ),
    ).toEqual([]);
  });

  it('SDEs only, rounded to three places', () => {
    const rows = correct.map(([c, a, b, , s]) => [c, a, b, null, s === null ? null : Number(s.toFixed(3))] as const);
    expect(check(precinct(6, rows))).toEqual([]);
  });

  it('counts only, no delegates reported yet', () => {
    expect(
      check(
        precinct(
          6,
          correct.map(([c, a, b]) => [c, a, b, null, null] as const),
        ),
      ),
    ).toEqual([]);
  });

  it('either outcome of a coin toss (N=200, D=6, 100/50/50)', () => {
    const tossed = (warren: number, biden: number): Row[] => [
      ['Sanders', 100, 100, 3, 3 * RATIO],
      ['Warren', 50, 50, warren, warren * RATIO],
      ['Biden', 50, 50, biden, biden * RATIO],
    ];
    expect(check(precinct(6, tossed(2, 1)))).toEqual([]);
    expect(check(precinct(6, tossed(1, 2)))).toEqual([]);
  });

  it('a precinct nobody came to: every number 0', () => {
    const rows: Row[] = correct.map(([candidate]) => [candidate, 0, 0, 0, 0]);
    expect(check(precinct(6, rows))).toEqual([]);
  });

  it('no viable group and no delegates awarded', () => {
    // D=4, N=100, threshold 15: eight groups of 12-13 that never combined. The rules award none.
    const rows: Row[] = ['Sanders', 'Warren', 'Biden', 'Buttigieg', 'Klobuchar', 'Yang', 'Steyer', 'Uncommitted'].map(
      (candidate, index) => [candidate, index < 4 ? 13 : 12, index < 4 ? 13 : 12, 0, 0],
    );
    expect(check(precinct(4, rows))).toEqual([]);
  });

  it('a one-delegate precinct where the largest group got the delegate', () => {
    expect(
      check(
        precinct(1, [
          ['Sanders', 9, 9, 0, 0],
          ['Warren', 8, 12, 1, RATIO],
          ['Biden', 4, 0, 0, 0],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('FINAL_EXCEEDS_FIRST', () => {
  it('late arrivals counted in the final alignment', () => {
    // Biden 22 -> 30: the final total is 132 > 130. The delegates stay 2/2/1/1 (30x6/130 = 1.38 -> 1).
    const findings = checkIowaPrecinct(precinct(6, edit(correct, 'Biden', { [FINAL]: 30 })));
    expect(found(findings)).toEqual([['FINAL_EXCEEDS_FIRST', null]]);
    expect(findings[0]?.message).toContain('132');
    expect(findings[0]?.message).toContain('130');
  });

  it('a final total equal to the first is fine', () => {
    // Everyone realigned and nobody left: Klobuchar 12, Yang 6, Uncommitted 2 -> Biden +20 (37).
    const rows: Row[] = [
      ['Sanders', 38, 38, 2, 0.2864],
      ['Buttigieg', 31, 31, 1, 0.1432],
      ['Warren', 24, 24, 1, 0.1432],
      ['Biden', 17, 37, 2, 0.2864],
      ['Klobuchar', 12, 0, 0, 0],
      ['Yang', 6, 0, 0, 0],
      ['Uncommitted', 2, 0, 0, 0],
    ];
    // 228/130 = 1.75 -> 2; 186/130 = 1.43 -> 1; 144/130 = 1.11 -> 1; 222/130 = 1.71 -> 2. Total 6.
    expect(check(precinct(6, rows))).toEqual([]);
  });
});

describe('VIABLE_GROUP_SHRANK', () => {
  // Warren was viable (24 >= 20), so locked in; the worksheet shows 4 of them with Biden.
  const shrank = edit(edit(correct, 'Warren', { [FINAL]: 20 }), 'Biden', { [FINAL]: 26 });

  it('reported for a group viable in the first alignment that lost members (D >= 2)', () => {
    // Final: 1.85 -> 2, 1.66 -> 2, 120/130 = 0.92 -> 1, 156/130 = 1.2 -> 1: the delegates are right.
    expect(check(precinct(6, shrank))).toEqual([['VIABLE_GROUP_SHRANK', 'Warren']]);
  });

  it('not reported when D = 1 (no viability)', () => {
    const oneDelegate: Row[] = shrank.map(([c, a, b]) => [
      c,
      a,
      b,
      c === 'Sanders' ? 1 : 0,
      c === 'Sanders' ? RATIO : 0,
    ]);
    expect(check(precinct(1, oneDelegate))).toEqual([]);
  });

  it('not reported for a group that was not viable in the first alignment', () => {
    // Klobuchar 12 -> 0 is in the correct report already: below 20, free to realign.
    expect(check(precinct(6, correct))).toEqual([]);
  });
});

describe('DELEGATES_TO_NONVIABLE', () => {
  it('a delegate for a group below the threshold in the final alignment', () => {
    // Biden ends at 18 < 20. Rules: 1.85 -> 2, 1.66 -> 2, 1.2 -> 1 = 5; the .2 gains: 2/2/2.
    const rows: Row[] = [
      ['Sanders', 38, 40, 2, 0.2864],
      ['Buttigieg', 31, 36, 2, 0.2864],
      ['Warren', 24, 26, 1, 0.1432],
      ['Biden', 17, 18, 1, 0.1432],
      ['Klobuchar', 12, 0, 0, 0],
      ['Yang', 6, 0, 0, 0],
      ['Uncommitted', 2, 0, 0, 0],
    ];
    expect(check(precinct(6, rows))).toEqual([
      ['DELEGATES_TO_NONVIABLE', 'Biden'],
      ['ALLOCATION_MISMATCH', null],
    ]);
  });

  it('D = 1: the delegate went to a group that is not the largest', () => {
    const rows: Row[] = [
      ['Sanders', 38, 40, 0, 0],
      ['Buttigieg', 31, 36, 1, RATIO],
      ['Warren', 24, 26, 0, 0],
      ['Biden', 17, 22, 0, 0],
      ['Klobuchar', 12, 0, 0, 0],
      ['Yang', 6, 0, 0, 0],
      ['Uncommitted', 2, 0, 0, 0],
    ];
    expect(check(precinct(1, rows))).toEqual([
      ['DELEGATES_TO_NONVIABLE', 'Buttigieg'],
      ['ALLOCATION_MISMATCH', null],
      ['MORE_VOTES_FEWER_DELEGATES', 'Sanders'],
    ]);
  });

  it('D = 1: either of two tied largest groups may have it', () => {
    const rows = (sanders: number): Row[] => [
      ['Sanders', 20, 21, sanders, sanders * RATIO],
      ['Buttigieg', 19, 21, 1 - sanders, (1 - sanders) * RATIO],
      ['Warren', 5, 0, 0, 0],
    ];
    expect(check(precinct(1, rows(1)))).toEqual([]);
    expect(check(precinct(1, rows(0)))).toEqual([]);
  });

  it('no group viable, the four delegates handed out anyway: they add up to D, so no total finding', () => {
    // D=4, N=100, threshold 15: eight groups of 12-13 that never combined.
    const rows: Row[] = ['Sanders', 'Warren', 'Biden', 'Buttigieg', 'Klobuchar', 'Yang', 'Steyer', 'Uncommitted'].map(
      (candidate, index) => [candidate, index < 4 ? 13 : 12, index < 4 ? 13 : 12, index < 4 ? 1 : 0, null],
    );
    expect(check(precinct(4, rows))).toEqual([
      ['DELEGATES_TO_NONVIABLE', 'Sanders'],
      ['DELEGATES_TO_NONVIABLE', 'Warren'],
      ['DELEGATES_TO_NONVIABLE', 'Biden'],
      ['DELEGATES_TO_NONVIABLE', 'Buttigieg'],
      ['ALLOCATION_MISMATCH', null],
    ]);
  });

  it('D = 1: a delegate to a group tied at 0 with every other is to a largest group', () => {
    // The final alignment was left at 0: that is missing data, not a delegate to a smaller group.
    const rows: Row[] = [
      ['Sanders', 9, 0, 1, RATIO],
      ['Warren', 8, 0, 0, 0],
    ];
    expect(check(precinct(1, rows)).filter(([code]) => code === 'DELEGATES_TO_NONVIABLE')).toEqual([]);
    expect(check(precinct(1, rows))).toContainEqual(['MISSING_DATA', null]);
  });
});

describe('DELEGATE_TOTAL_MISMATCH', () => {
  it('one delegate short', () => {
    expect(check(precinct(6, edit(correct, 'Biden', { [DELEGATES]: 0, [SDE]: 0 })))).toEqual([
      ['DELEGATE_TOTAL_MISMATCH', null],
      ['ALLOCATION_MISMATCH', null],
    ]);
  });

  it('no group viable and only some delegates awarded: 2 is neither D nor what the rules give', () => {
    const rows: Row[] = ['Sanders', 'Warren', 'Biden', 'Buttigieg', 'Klobuchar', 'Yang', 'Steyer', 'Uncommitted'].map(
      (candidate, index) => [candidate, index < 4 ? 13 : 12, index < 4 ? 13 : 12, index < 2 ? 1 : 0, null],
    );
    const findings = checkIowaPrecinct(precinct(4, rows));
    expect(found(findings).filter(([code]) => code === 'DELEGATE_TOTAL_MISMATCH')).toEqual([
      ['DELEGATE_TOTAL_MISMATCH', null],
    ]);
    expect(findings.find((finding) => finding.code === 'DELEGATE_TOTAL_MISMATCH')?.message).toBe(
      'The delegates awarded add up to 2, but this precinct elects 4 delegates.',
    );
  });

  it('one delegate too many', () => {
    const findings = checkIowaPrecinct(precinct(6, edit(correct, 'Sanders', { [DELEGATES]: 3, [SDE]: 0.4296 })));
    expect(found(findings)).toEqual([
      ['DELEGATE_TOTAL_MISMATCH', null],
      ['ALLOCATION_MISMATCH', null],
    ]);
    expect(findings[0]?.message).toContain('7');
    expect(findings[0]?.message).toContain('6 delegates');
  });
});

describe('ALLOCATION_MISMATCH', () => {
  it('right total, only viable groups, but not what the rules give', () => {
    // 3/1/1/1 instead of 2/2/1/1.
    const rows = edit(edit(correct, 'Sanders', { [DELEGATES]: 3, [SDE]: 0.4296 }), 'Buttigieg', {
      [DELEGATES]: 1,
      [SDE]: 0.1432,
    });
    const findings = checkIowaPrecinct(precinct(6, rows));
    expect(found(findings)).toEqual([['ALLOCATION_MISMATCH', null]]);
    expect(findings[0]?.message).toContain('Sanders 2, Buttigieg 2, Warren 1, Biden 1');
  });

  it('a coin toss precinct reported with neither outcome', () => {
    const rows: Row[] = [
      ['Sanders', 100, 100, 2, 2 * RATIO],
      ['Warren', 50, 50, 2, 2 * RATIO],
      ['Biden', 50, 50, 2, 2 * RATIO],
    ];
    expect(check(precinct(6, rows))).toEqual([['ALLOCATION_MISMATCH', null]]);
  });

  it('the leftover delegate given to the highest decimal instead of the highest below .5', () => {
    // N=100, D=5: 41 -> 2.05, 27 -> 1.35, 18 -> 0.90: the rules give Warren the 5th, not Biden.
    const rows: Row[] = [
      ['Sanders', 41, 41, 2, 2 * RATIO],
      ['Warren', 27, 27, 1, RATIO],
      ['Biden', 18, 18, 2, 2 * RATIO],
      ['Yang', 14, 0, 0, 0],
    ];
    expect(check(precinct(5, rows))).toEqual([
      ['ALLOCATION_MISMATCH', null],
      ['MORE_VOTES_FEWER_DELEGATES', 'Warren'],
    ]);
  });
});

describe('SDE_MISMATCH', () => {
  it('delegates and SDEs: an SDE more than 0.0005 from delegates x ratio', () => {
    // 2 x 0.1432 = 0.2864; 0.2870 is 0.0006 off.
    const findings = checkIowaPrecinct(precinct(6, edit(correct, 'Sanders', { [SDE]: 0.287 })));
    expect(found(findings)).toEqual([['SDE_MISMATCH', 'Sanders']]);
    expect(findings[0]?.field).toBe('sde');
  });

  it('delegates and SDEs: within 0.0005 is fine', () => {
    expect(check(precinct(6, edit(correct, 'Sanders', { [SDE]: 0.2868 })))).toEqual([]);
    expect(check(precinct(6, edit(correct, 'Sanders', { [SDE]: 0.286 })))).toEqual([]);
  });

  it('delegates and SDEs: SDE for a group with no delegate', () => {
    expect(check(precinct(6, edit(correct, 'Klobuchar', { [SDE]: 0.1432 })))).toEqual([['SDE_MISMATCH', 'Klobuchar']]);
  });

  it('SDEs only: more than 0.01 of a delegate from a whole number', () => {
    // 0.289264 / 0.1432 = 2.02 delegates.
    expect(check(precinct(6, sdeOnly(edit(correct, 'Sanders', { [SDE]: 0.289264 }))))).toEqual([
      ['SDE_MISMATCH', 'Sanders'],
    ]);
    // Half a delegate: 0.0716 / 0.1432 = 0.5.
    expect(check(precinct(6, sdeOnly(edit(correct, 'Klobuchar', { [SDE]: 0.0716 }))))).toEqual([
      ['SDE_MISMATCH', 'Klobuchar'],
    ]);
  });

  it('SDEs only: within 0.01 of a whole number is that many delegates', () => {
    // 0.287116 / 0.1432 = 2.005 delegates.
    expect(check(precinct(6, sdeOnly(edit(correct, 'Sanders', { [SDE]: 0.287116 }))))).toEqual([]);
  });

  it('SDEs only: whole delegates, but not an allowed outcome, is an allocation finding', () => {
    // SDEs of 3/1/1/1.
    const rows = edit(edit(correct, 'Sanders', { [SDE]: 0.4296 }), 'Buttigieg', { [SDE]: 0.1432 });
    expect(check(precinct(6, sdeOnly(rows)))).toEqual([['ALLOCATION_MISMATCH', null]]);
  });
});

function sdeOnly(rows: readonly Row[]): Row[] {
  return rows.map(([candidate, first, final, , sde]) => [candidate, first, final, null, sde]);
}

describe('MORE_VOTES_FEWER_DELEGATES', () => {
  it('a larger group with fewer delegates than a smaller one', () => {
    // Buttigieg 36 gets 1, Warren 26 gets 2.
    const rows = edit(edit(correct, 'Buttigieg', { [DELEGATES]: 1, [SDE]: 0.1432 }), 'Warren', {
      [DELEGATES]: 2,
      [SDE]: 0.2864,
    });
    const findings = checkIowaPrecinct(precinct(6, rows));
    expect(found(findings)).toEqual([
      ['ALLOCATION_MISMATCH', null],
      ['MORE_VOTES_FEWER_DELEGATES', 'Buttigieg'],
    ]);
    expect(findings[1]?.message).toContain('Warren');
  });
});

describe('NEGATIVE_OR_NON_INTEGER', () => {
  it('a fractional first alignment', () => {
    expect(check(precinct(6, edit(correct, 'Klobuchar', { [FIRST]: 12.5 })))).toEqual([
      ['NEGATIVE_OR_NON_INTEGER', 'Klobuchar'],
    ]);
  });

  it('a negative final alignment', () => {
    expect(check(precinct(6, edit(correct, 'Yang', { [FINAL]: -2 })))).toEqual([['NEGATIVE_OR_NON_INTEGER', 'Yang']]);
  });

  it('a fractional number of delegates awarded', () => {
    const findings = checkIowaPrecinct(precinct(6, edit(correct, 'Biden', { [DELEGATES]: 1.5 })));
    expect(found(findings)).toEqual([['NEGATIVE_OR_NON_INTEGER', 'Biden']]);
    expect(findings[0]?.field).toBe('delegatesAwarded');
  });

  it('a negative SDE', () => {
    expect(check(precinct(6, edit(correct, 'Yang', { [SDE]: -0.1432 })))).toEqual([
      ['NEGATIVE_OR_NON_INTEGER', 'Yang'],
    ]);
  });

  it('a fractional or negative number of delegates the precinct elects', () => {
    expect(check(precinct(6.5, correct))).toEqual([['NEGATIVE_OR_NON_INTEGER', null]]);
    expect(check(precinct(-6, correct))).toEqual([['NEGATIVE_OR_NON_INTEGER', null]]);
  });

  it('every bad number is listed, and no arithmetic is done on them', () => {
    const rows = edit(edit(correct, 'Sanders', { [FIRST]: -38, [DELEGATES]: 7 }), 'Warren', { [FINAL]: 26.4 });
    expect(check(precinct(6, rows))).toEqual([
      ['NEGATIVE_OR_NON_INTEGER', 'Sanders'],
      ['NEGATIVE_OR_NON_INTEGER', 'Warren'],
    ]);
  });
});

describe('MISSING_DATA', () => {
  const zeroed = (rows: readonly Row[], column: typeof FIRST | typeof FINAL): Row[] =>
    rows.map((row) => {
      const copy = [...row] as unknown[];
      copy[column] = 0;
      return copy as unknown as Row;
    });

  it('a first alignment of all zeros beside people in the final alignment', () => {
    const findings = checkIowaPrecinct(precinct(6, zeroed(correct, FIRST)));
    expect(findings[0]).toMatchObject({ code: 'MISSING_DATA', field: 'firstAlignment' });
    expect(findings[0]?.message).toBe(
      'Every group has 0 in the first alignment, but the final alignment counts 124 people: the first alignment was probably not reported.',
    );
    expect(found(findings).filter(([code]) => code === 'MISSING_DATA')).toEqual([['MISSING_DATA', null]]);
  });

  it('a final alignment of all zeros beside people in the first alignment', () => {
    const findings = checkIowaPrecinct(precinct(6, zeroed(correct, FINAL)));
    expect(findings[0]).toMatchObject({ code: 'MISSING_DATA', field: 'finalAlignment' });
    expect(findings[0]?.message).toContain('the first alignment counts 130 people');
    const counted = zeroed(correct, FINAL).map(([candidate, first]): Row => [candidate, first, 0, null, null]);
    // Every other finding keeps its definition: the viable groups did shrink to 0 on this sheet.
    expect(check(precinct(6, counted))).toEqual([
      ['MISSING_DATA', null],
      ['VIABLE_GROUP_SHRANK', 'Sanders'],
      ['VIABLE_GROUP_SHRANK', 'Buttigieg'],
      ['VIABLE_GROUP_SHRANK', 'Warren'],
    ]);
  });

  it('both alignments all zeros beside delegates awarded', () => {
    const findings = checkIowaPrecinct(precinct(6, zeroed(zeroed(correct, FIRST), FINAL)));
    const missing = findings.filter((finding) => finding.code === 'MISSING_DATA');
    expect(missing.map((finding) => finding.field)).toEqual(['firstAlignment', 'finalAlignment']);
    expect(missing[0]?.message).toContain('but delegates were awarded');
  });

  it('all zeros and nothing awarded is a precinct nobody came to, not missing data', () => {
    const empty: Row[] = correct.map(([candidate]) => [candidate, 0, 0, null, null]);
    expect(check(precinct(6, empty))).toEqual([]);
  });

  it('a final alignment left empty', () => {
    const findings = checkIowaPrecinct(precinct(6, edit(correct, 'Biden', { [FINAL]: null })));
    expect(found(findings)).toEqual([['MISSING_DATA', 'Biden']]);
    expect(findings[0]?.field).toBe('finalAlignment');
  });

  it('a first alignment left empty', () => {
    expect(check(precinct(6, edit(correct, 'Yang', { [FIRST]: null })))).toEqual([['MISSING_DATA', 'Yang']]);
  });

  it('the number of delegates the precinct elects left empty', () => {
    expect(check(precinct(null, correct))).toEqual([['MISSING_DATA', null]]);
  });

  it('no candidate lines at all', () => {
    expect(check(precinct(6, []))).toEqual([['MISSING_DATA', null]]);
  });

  it('delegates reported for some groups and not for one', () => {
    expect(check(precinct(6, edit(correct, 'Biden', { [DELEGATES]: null, [SDE]: null })))).toEqual([
      ['MISSING_DATA', 'Biden'],
    ]);
  });

  it('SDEs reported without the SDE per delegate', () => {
    expect(check(precinct(6, correct, null))).toEqual([['MISSING_DATA', null]]);
  });

  it('delegates without SDEs need no ratio', () => {
    expect(
      check(
        precinct(
          6,
          correct.map(([c, a, b, d]) => [c, a, b, d, null] as const),
          null,
        ),
      ),
    ).toEqual([]);
  });

  it('missing and invalid numbers are all listed together', () => {
    expect(check(precinct(null, edit(correct, 'Biden', { [FINAL]: null, [FIRST]: -1 })))).toEqual([
      ['MISSING_DATA', null],
      ['NEGATIVE_OR_NON_INTEGER', 'Biden'],
      ['MISSING_DATA', 'Biden'],
    ]);
  });
});

describe('plurality profile', () => {
  const votes = (rows: readonly [string, number | null][]): PrecinctResult => ({
    county: 'Polk',
    precinct: 'DM-14',
    precinctDelegates: null,
    sdePerDelegate: null,
    lines: rows.map(([candidate, count]) => ({
      candidate,
      firstAlignment: count,
      finalAlignment: null,
      delegatesAwarded: null,
      sde: null,
    })),
  });

  it('plain vote counts have no findings: no viability, no delegates', () => {
    expect(
      found(
        checkPrecinct(
          'plurality',
          votes([
            ['Sanders', 412],
            ['Buttigieg', 3],
            ['Warren', 0],
          ]),
        ),
      ),
    ).toEqual([]);
  });

  it('nothing about alignments or delegates is judged', () => {
    const result = precinct(1, [
      ['Sanders', 10, 50, 3, 9],
      ['Warren', 20, 0, 0, null],
    ]);
    expect(found(checkPrecinct('plurality', result))).toEqual([]);
  });

  it('a negative or fractional vote count', () => {
    expect(
      found(
        checkPrecinct(
          'plurality',
          votes([
            ['Sanders', -4],
            ['Warren', 2.5],
            ['Biden', 7],
          ]),
        ),
      ),
    ).toEqual([
      ['NEGATIVE_OR_NON_INTEGER', 'Sanders'],
      ['NEGATIVE_OR_NON_INTEGER', 'Warren'],
    ]);
  });

  it('a missing vote count, or no lines', () => {
    expect(
      found(
        checkPrecinct(
          'plurality',
          votes([
            ['Sanders', 4],
            ['Warren', null],
          ]),
        ),
      ),
    ).toEqual([['MISSING_DATA', 'Warren']]);
    expect(found(checkPrecinct('plurality', votes([])))).toEqual([['MISSING_DATA', null]]);
  });
});
