import { describe, expect, it } from 'vitest';
import { evaluateWorksheet } from '../../../electron/core/rules/evaluate';
import type { CoinToss, PrecinctResult } from '../../../electron/core/rules/types';

// What a person keying a worksheet sees: the docs/CONTRACTS.md rules applied to the counts typed so far.

function worksheet(
  delegates: number | null,
  rows: readonly (readonly [string, number | null, number | null])[],
  coinTosses?: readonly CoinToss[],
): PrecinctResult {
  return {
    county: 'Story',
    precinct: 'Ames 1-3',
    precinctDelegates: delegates,
    sdePerDelegate: 0.25,
    lines: rows.map(([candidate, first, final]) => ({
      candidate,
      firstAlignment: first,
      finalAlignment: final,
      delegatesAwarded: null,
      sde: null,
    })),
    ...(coinTosses ? { coinTosses } : {}),
  };
}

describe('evaluateWorksheet, iowa-dem-2020', () => {
  it('attendees, threshold, viable groups, delegates and SDEs', () => {
    // N=130, D=6, threshold 20; final 40/36/26/22 -> 2/2/1/1.
    const evaluation = evaluateWorksheet(
      'iowa-dem-2020',
      worksheet(6, [
        ['Sanders', 38, 40],
        ['Buttigieg', 31, 36],
        ['Warren', 24, 26],
        ['Biden', 17, 22],
        ['Klobuchar', 12, 0],
        ['Yang', 6, 0],
        ['Uncommitted', 2, 0],
      ]),
    );
    expect(evaluation).toEqual({
      precinct: 'Ames 1-3',
      precinctDelegates: 6,
      eligibleAttendees: 130,
      finalTotal: 124,
      threshold: 20,
      thresholdRule: '15% of attendees, rounded up',
      viableFirst: ['Sanders', 'Buttigieg', 'Warren'],
      viableFinal: ['Sanders', 'Buttigieg', 'Warren', 'Biden'],
      allocation: {
        kind: 'decided',
        delegates: { Sanders: 2, Buttigieg: 2, Warren: 1, Biden: 1, Klobuchar: 0, Yang: 0, Uncommitted: 0 },
        sde: { Sanders: 0.5, Buttigieg: 0.5, Warren: 0.25, Biden: 0.25, Klobuchar: 0, Yang: 0, Uncommitted: 0 },
        coinTosses: [],
      },
      findings: [],
    });
  });

  it('asks for the coin toss, then uses the one recorded', () => {
    const rows = [
      ['Sanders', 100, 100],
      ['Warren', 50, 50],
      ['Biden', 50, 50],
    ] as const;
    expect(evaluateWorksheet('iowa-dem-2020', worksheet(6, rows)).allocation).toEqual({
      kind: 'coin-toss-needed',
      tie: { reason: 'remove-extra-delegate', tied: ['Warren', 'Biden'], awarded: 1 },
    });
    const toss = { tied: ['Warren', 'Biden'], winners: ['Biden'] };
    expect(evaluateWorksheet('iowa-dem-2020', worksheet(6, rows, [toss])).allocation).toEqual({
      kind: 'decided',
      delegates: { Sanders: 3, Warren: 1, Biden: 2 },
      sde: { Sanders: 0.75, Warren: 0.25, Biden: 0.5 },
      coinTosses: [toss],
    });
  });

  it('D = 1 and D = 3 show their own threshold rules', () => {
    const rows = [
      ['Sanders', 30, 30],
      ['Warren', 15, 15],
    ] as const;
    const one = evaluateWorksheet('iowa-dem-2020', worksheet(1, rows));
    expect(one.threshold).toBeNull();
    expect(one.viableFirst).toEqual([]);
    expect(one.viableFinal).toEqual([]);
    expect(one.allocation).toMatchObject({ kind: 'decided', delegates: { Sanders: 1, Warren: 0 } });
    const three = evaluateWorksheet('iowa-dem-2020', worksheet(3, rows));
    expect(three.threshold).toBe(8);
    expect(three.thresholdRule).toBe('one sixth of attendees, rounded up');
    expect(evaluateWorksheet('iowa-dem-2020', worksheet(2, rows)).thresholdRule).toBe('25% of attendees, rounded up');
  });

  it('cannot give delegates until every count is typed', () => {
    const evaluation = evaluateWorksheet(
      'iowa-dem-2020',
      worksheet(6, [
        ['Sanders', 38, 40],
        ['Warren', 24, null],
      ]),
    );
    expect(evaluation.allocation.kind).toBe('not-computable');
    expect(evaluation.findings.map((finding) => [finding.code, finding.candidate])).toEqual([
      ['MISSING_DATA', 'Warren'],
    ]);
  });
});

describe('evaluateWorksheet, plurality', () => {
  it('totals only: no threshold, no delegates', () => {
    const evaluation = evaluateWorksheet(
      'plurality',
      worksheet(null, [
        ['Sanders', 120, null],
        ['Warren', 80, null],
      ]),
    );
    expect(evaluation.threshold).toBeNull();
    expect(evaluation.eligibleAttendees).toBe(200);
    expect(evaluation.viableFinal).toEqual([]);
    expect(evaluation.allocation.kind).toBe('not-computable');
    expect(evaluation.findings).toEqual([]);
  });
});
