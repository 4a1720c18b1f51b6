import { describe, expect, it } from 'vitest';
import { isInfinite } from '../../../electron/core/rla/math/bound';
import { maxError } from '../../../electron/core/rla/math/max-error';
import { measureRisk } from '../../../electron/core/rla/math/measured-risk';
import {
  divide,
  fraction,
  integer,
  power,
  type Rational,
  subtract,
  toNumber,
  toSignificantDigits,
} from '../../../electron/core/rla/math/rational';
import { nextSampleSize } from '../../../electron/core/rla/math/sample-size';
import { totalErrorBound } from '../../../electron/core/rla/math/total-error-bound';
import {
  ARLO_ALPHA,
  type BatchTable,
  batchesOf,
  contestOf,
  drawsOf,
  macroBatches,
  macroContests,
  range,
} from './arlo-fixtures';

// Figures published by Arlo's server/tests/audit_math/test_macro.py and its snapshot
// snap_test_macro.py, reproduced on the same inputs.

const alpha = ARLO_ALPHA;

function sizeOf(
  contestName: string,
  table: BatchTable,
  sample: BatchTable = {},
  tickets: Array<[number, string]> = [],
) {
  const contest = macroContests()[contestName] ?? contestOf('test2', { cand1: 400, cand2: 100 });
  const batches = batchesOf(table, contestName);
  const measured =
    tickets.length > 0
      ? measureRisk({ alpha, contest, batches, draws: drawsOf(sample, tickets, contestName) })
      : undefined;
  return nextSampleSize({ alpha, contest, batches, measured }).draws;
}

const cleanRow = {
  'Contest A': { winner: 200, loser: 180 },
  'Contest B': { winner: 200, loser: 160 },
  'Contest C': { winner: 200, loser: 140 },
};

describe('test_max_error: u_p per batch', () => {
  const expected: Record<string, [Rational, Rational]> = {
    // (v_w - v_l + b) / V_wl, for a 400-ballot batch and its 200-ballot absentee twin
    'Contest A': [fraction(420n, 6000n), fraction(210n, 6000n)], // 0.0700, 0.035
    'Contest B': [fraction(440n, 6000n), fraction(220n, 6000n)], // 0.0733, 0.0367
    'Contest C': [fraction(460n, 5400n), fraction(230n, 5400n)], // 0.0852, 0.0426
  };
  for (const [name, [full, absentee]] of Object.entries(expected)) {
    it(`${name}: ${toNumber(full).toFixed(4)} and ${toNumber(absentee).toFixed(4)}`, () => {
      const contest = macroContests()[name]!;
      for (const batch of batchesOf(macroBatches(), name)) {
        expect(maxError(batch, contest, integer(0))).toEqual(batch.name.endsWith('AV') ? absentee : full);
      }
    });
  }

  it('U: A = 21, B = 11, C = 23/3 (the comments of test_compute_risk)', () => {
    const totals = Object.fromEntries(
      Object.entries(macroContests()).map(([name, contest]) => [
        name,
        totalErrorBound(contest, batchesOf(macroBatches(), name)),
      ]),
    );
    expect(totals).toEqual({ 'Contest A': integer(21), 'Contest B': integer(11), 'Contest C': fraction(23n, 3n) });
  });
});

describe('test_get_sample_sizes: rounds one to four', () => {
  it('first round, no discrepancies: A 30, B 16, C 11', () => {
    expect(['Contest A', 'Contest B', 'Contest C'].map((name) => sizeOf(name, macroBatches()))).toEqual([30, 16, 11]);
  });

  const sample: BatchTable = {};
  const tickets: Array<[number, string]> = [];
  for (const i of range(0, 4)) {
    sample[`Batch ${i}`] = cleanRow;
    tickets.push([i, `Batch ${i}`]);
  }

  it('after 4 clean batches: A 26, B 12, C 7', () => {
    expect(
      ['Contest A', 'Contest B', 'Contest C'].map((name) => sizeOf(name, macroBatches(), sample, tickets)),
    ).toEqual([26, 12, 7]);
  });

  it('after 5 more with taint equal to the margin for A and none for C: A 26, B 12, C 2; then C 0', () => {
    const more = { ...sample };
    const moreTickets = [...tickets];
    for (const i of range(4, 9)) {
      more[`Batch ${i}`] = { 'Contest A': { winner: 190, loser: 190 }, 'Contest C': { winner: 200, loser: 140 } };
      moreTickets.push([i, `Batch ${i}`]);
    }
    expect(
      ['Contest A', 'Contest B', 'Contest C'].map((name) => sizeOf(name, macroBatches(), more, moreTickets)),
    ).toEqual([26, 12, 2]);
    more['Batch 9'] = { 'Contest C': { winner: 200, loser: 140 } };
    expect(sizeOf('Contest C', macroBatches(), more, [...moreTickets, [9, 'Batch 9']])).toBe(0);
  });

  it('test_get_sizes_extra_contests: a contest in 10 batches of 50 ballots needs 4', () => {
    const table = macroBatches();
    for (const i of range(0, 10)) {
      (table[`Batch ${i}`] as Record<string, Record<string, number>>).test2 = { cand1: 40, cand2: 10, ballots: 50 };
    }
    expect(sizeOf('test2', table)).toBe(4);
  });
});

describe('test_compute_risk: p = product of (1 - 1/U) / (1 - taint)', () => {
  const sample: BatchTable = {};
  const tickets: Array<[number, string]> = [];
  for (const i of range(0, 30)) {
    sample[`Batch ${i}`] = cleanRow;
    tickets.push([i, `Batch ${i}`]);
  }
  // Taint for A equal to (proportional to) the margin: neither raises nor lowers p.
  for (const i of range(100, 106)) {
    sample[`Batch ${i}`] = { 'Contest A': { winner: 190, loser: 190 }, 'Contest C': { winner: 200, loser: 140 } };
    tickets.push([i - 70, `Batch ${i}`]);
  }

  function risk(name: string, withTickets: Array<[number, string]>) {
    const contest = macroContests()[name]!;
    return measureRisk({
      alpha,
      contest,
      batches: batchesOf(macroBatches(), name),
      draws: drawsOf(sample, withTickets, name),
    });
  }

  it('A (20/21)^30, B (10/11)^30, C (20/23)^36, all confirmed', () => {
    const a = risk('Contest A', tickets);
    const b = risk('Contest B', tickets);
    const c = risk('Contest C', tickets);
    expect(a.kind === 'measured' && a.risk).toEqual(power(fraction(20n, 21n), 30));
    expect(b.kind === 'measured' && b.risk).toEqual(power(fraction(10n, 11n), 30));
    expect(c.kind === 'measured' && c.risk).toEqual(power(fraction(20n, 23n), 36));
    expect(a.pValue).toBeCloseTo((20 / 21) ** 30, 12);
    expect([a.confirmed, b.confirmed, c.confirmed]).toEqual([true, true, true]);
  });

  it('a batch drawn again counts again: C becomes (20/23)^39, A unchanged', () => {
    const withRepeats: Array<[number, string]> = [...tickets, [36, 'Batch 100'], [37, 'Batch 101'], [38, 'Batch 102']];
    const a = risk('Contest A', withRepeats);
    const c = risk('Contest C', withRepeats);
    expect(a.kind === 'measured' && a.risk).toEqual(power(fraction(20n, 21n), 30));
    expect(c.kind === 'measured' && c.risk).toEqual(power(fraction(20n, 23n), 39));
  });
});

describe('full hand counts, ties and the worst case', () => {
  it('test_full_recount: every batch audited gives p = 0, confirmed', () => {
    for (const name of ['Contest A', 'Contest B', 'Contest C']) {
      const table = macroBatches();
      const tickets = Object.keys(table).map((batch, index): [number, string] => [index, batch]);
      const result = measureRisk({
        alpha,
        contest: macroContests()[name]!,
        batches: batchesOf(table, name),
        draws: drawsOf(table, tickets, name),
      });
      expect([result.pValue, result.confirmed]).toEqual([0, true]);
    }
  });

  it('test_worst_case: taint 1 gives p = 1, not confirmed', () => {
    const contest = contestOf('test1', { winner: 1000, loser: 0 });
    const table: BatchTable = {
      'Batch 1': { test1: { winner: 500, loser: 0, ballots: 500 } },
      'Batch 2': { test1: { winner: 500, loser: 0, ballots: 500 } },
    };
    const sample: BatchTable = { 'Batch 1': { test1: { winner: 0, loser: 500 } } };
    const result = measureRisk({
      alpha,
      contest,
      batches: batchesOf(table, 'test1'),
      draws: drawsOf(sample, [[1, 'Batch 1']], 'test1'),
    });
    expect([result.pValue, result.confirmed]).toEqual([1, false]);
  });

  it('test_tied_contest: zero margin means U infinite and a full hand count of all 100 batches', () => {
    const contest = contestOf('Tied Contest', { winner: 50000, loser: 50000 });
    const table: BatchTable = Object.fromEntries(
      range(0, 100).map((i) => [String(i), { 'Tied Contest': { winner: 500, loser: 500, ballots: 1000 } }]),
    );
    const batches = batchesOf(table, 'Tied Contest');
    expect(isInfinite(totalErrorBound(contest, batches))).toBe(true);
    expect(nextSampleSize({ alpha, contest, batches })).toEqual({
      kind: 'full-hand-count',
      draws: 100,
      reason: 'zero-margin',
    });
    const one = measureRisk({ alpha, contest, batches, draws: drawsOf(table, [[1, '0']], 'Tied Contest') });
    expect(one.pValue).toBeGreaterThan(0.25);
    expect(one.confirmed).toBe(false);
    const all = measureRisk({
      alpha,
      contest,
      batches,
      draws: drawsOf(
        table,
        Object.keys(table).map((batch, index): [number, string] => [index, batch]),
        'Tied Contest',
      ),
    });
    expect([all.pValue, all.confirmed]).toEqual([0, true]);
  });

  it('test_close_contest: a 2-vote margin needs all 4 batches; one clean batch is not enough', () => {
    const contest = contestOf('Close', { winner: 200, loser: 198 });
    const table: BatchTable = {
      '1': { Close: { winner: 100, loser: 0, ballots: 100 } },
      '2': { Close: { winner: 100, loser: 0, ballots: 100 } },
      '3': { Close: { winner: 0, loser: 100, ballots: 100 } },
      '4': { Close: { winner: 0, loser: 98, ballots: 100 } },
    };
    const batches = batchesOf(table, 'Close');
    expect(totalErrorBound(contest, batches)).toEqual(integer(201));
    expect(nextSampleSize({ alpha, contest, batches })).toEqual({
      kind: 'full-hand-count',
      draws: 4,
      reason: 'sample-covers-all',
    });
    const one = measureRisk({ alpha, contest, batches, draws: drawsOf(table, [[1, '1']], 'Close') });
    expect(one.pValue).toBeCloseTo(200 / 201, 12);
    expect(one.confirmed).toBe(false);
  });
});

describe('test_pending_ballots (snapshot figures)', () => {
  const contest = contestOf('Contest', { winner: 200, loser: 100, third: 50 }, { pendingBallots: 2 });
  const table: BatchTable = {
    'Batch 1': { Contest: { winner: 60, loser: 40, third: 0, ballots: 100 } },
    'Batch 2': { Contest: { winner: 0, loser: 60, third: 40, ballots: 100 } },
    'Batch 3': { Contest: { winner: 90, loser: 0, third: 10, ballots: 100 } },
    'Batch 4': { Contest: { winner: 50, loser: 0, third: 0, ballots: 50 } },
  };
  const batches = batchesOf(table, 'Contest');
  const U = totalErrorBound(contest, batches) as Rational;
  const tickets: Array<[number, string]> = [
    [0, 'Batch 1'],
    [1, 'Batch 2'],
    [2, 'Batch 3'],
  ];

  it("U = Decimal('4.591836734693877551020408163'), larger than without pending ballots", () => {
    expect(toSignificantDigits(U, 28)).toBe('4.591836734693877551020408163');
    const without = totalErrorBound(contestOf('Contest', { winner: 200, loser: 100, third: 50 }), batches) as Rational;
    expect(toNumber(U)).toBeGreaterThan(toNumber(without));
  });

  it('sample size: all 4 batches', () => {
    expect(nextSampleSize({ alpha, contest, batches }).draws).toBe(4);
  });

  it('three clean batches: p = 0.47861956652949245', () => {
    const result = measureRisk({ alpha, contest, batches, draws: drawsOf(table, tickets, 'Contest') });
    expect(result.pValue).toBe(0.47861956652949245);
    expect(result.pValue).toBe(toNumber(power(subtract(integer(1), divide(integer(1), U)), 3)));
    expect(result.confirmed).toBe(false);
  });

  it('2 votes moved to the loser in Batch 3: p = 0.48371126404576364 (taint 2/190)', () => {
    const sample: BatchTable = { ...table, 'Batch 3': { Contest: { winner: 90, loser: 2, third: 10 } } };
    const result = measureRisk({ alpha, contest, batches, draws: drawsOf(sample, tickets, 'Contest') });
    expect(result.pValue).toBe(0.48371126404576364);
    expect(result.draws[2]?.taint).toEqual(fraction(2n, 190n));
  });
});

describe('test_unauditable_ballots (snapshot figures)', () => {
  const contest = contestOf('Contest', { winner: 200, loser: 100, third: 50 });
  const table = (unauditable: number): BatchTable => ({
    'Batch 1': { Contest: { winner: 60, loser: 40 - unauditable / 2, third: 0, ballots: 100 - unauditable / 2 } },
    'Batch 2': { Contest: { winner: 0, loser: 60 - unauditable / 2, third: 40, ballots: 100 - unauditable / 2 } },
    'Batch 3': { Contest: { winner: 90, loser: 0, third: 10, ballots: 100 } },
    'Batch 4': { Contest: { winner: 50, loser: 0, third: 0, ballots: 50 } },
  });
  const tickets: Array<[number, string]> = [
    [0, 'Batch 1'],
    [1, 'Batch 2'],
    [2, 'Batch 3'],
  ];

  it("U = Decimal('4.545454545454545454545454545') with one unauditable ballot, Decimal('4.5') without", () => {
    const U = totalErrorBound(contest, batchesOf(table(1), 'Contest')) as Rational;
    const without = totalErrorBound(contest, batchesOf(table(0), 'Contest')) as Rational;
    expect(toSignificantDigits(U, 28)).toBe('4.545454545454545454545454545');
    expect(without).toEqual(fraction(9n, 2n)); // Decimal('4.5'): an exact quotient, printed short
    expect(nextSampleSize({ alpha, contest, batches: batchesOf(table(1), 'Contest') }).draws).toBe(4);
  });

  it('p = 0.474552 with, 0.47050754458161864 without', () => {
    const p = (unauditable: number) =>
      measureRisk({
        alpha,
        contest,
        batches: batchesOf(table(unauditable), 'Contest'),
        draws: drawsOf(table(unauditable), tickets, 'Contest'),
      }).pValue;
    expect(p(1)).toBe(0.474552);
    expect(p(0)).toBe(0.47050754458161864);
  });
});
