import { describe, expect, it } from 'vitest';
import {
  type AllocationInput,
  allocateDelegates,
  allowedAllocations,
  type Delegates,
} from '../../../electron/core/rules/allocation';

// docs/CONTRACTS.md "Caucus rules — profile iowa-dem-2020 (contract)". Every expected value below is worked
// out by hand from that text; the arithmetic is in the comment beside it.

/** [candidate, first alignment, final alignment (defaults to the first)] in ballot order. */
type Group = readonly [string, number, number?];

function precinct(delegates: number, groups: readonly Group[]): AllocationInput {
  return {
    precinctDelegates: delegates,
    groups: groups.map(([candidate, first, final]) => ({
      candidate,
      firstAlignment: first,
      finalAlignment: final ?? first,
    })),
  };
}

function decided(input: AllocationInput): Delegates {
  const allocation = allocateDelegates(input);
  if (allocation.kind !== 'decided')
    throw new Error(`expected a decided allocation, got ${JSON.stringify(allocation)}`);
  expect(allocation.coinTosses).toEqual([]);
  // No coin toss: the rules allow exactly this one outcome.
  expect(allowedAllocations(input).map((outcome) => outcome.delegates)).toEqual([allocation.delegates]);
  return allocation.delegates;
}

/** Allowed outcomes as a sorted list of "A 3, B 2" strings, so order of enumeration does not matter. */
function outcomes(input: AllocationInput): string[] {
  return allowedAllocations(input)
    .map((outcome) =>
      input.groups.map((group) => `${group.candidate} ${outcome.delegates[group.candidate] ?? 'absent'}`).join(', '),
    )
    .sort();
}

describe('docs/CONTRACTS.md worked examples', () => {
  it('N=20, D=2, A 13 / B 7 -> 1 / 1', () => {
    // threshold ceil(25% of 20) = 5; 13x2/20 = 1.3 -> 1; 7x2/20 = 0.7 -> 1.
    expect(
      decided(
        precinct(2, [
          ['Sanders', 13],
          ['Buttigieg', 7],
        ]),
      ),
    ).toEqual({ Sanders: 1, Buttigieg: 1 });
  });

  it('N=37, D=7, 20/10/7 -> 4/2/1', () => {
    // threshold ceil(5.55) = 6; 140/37 = 3.78 -> 4; 70/37 = 1.89 -> 2; 49/37 = 1.32 -> 1.
    expect(
      decided(
        precinct(7, [
          ['Sanders', 20],
          ['Warren', 10],
          ['Biden', 7],
        ]),
      ),
    ).toEqual({ Sanders: 4, Warren: 2, Biden: 1 });
  });

  it('N=90, D=3, 75/15 -> 2/1', () => {
    // 2.5 -> 3 and 0.5 -> 1 is one too many; both decimals are .5 but the 15 have only one delegate.
    expect(
      decided(
        precinct(3, [
          ['Buttigieg', 75],
          ['Klobuchar', 15],
        ]),
      ),
    ).toEqual({ Buttigieg: 2, Klobuchar: 1 });
  });

  it('N=200, D=7, 100/50/50 -> 3/2/2', () => {
    // 3.5 -> 4, 1.75 -> 2, 1.75 -> 2 = 8: the lowest decimal rounded up (.5, the largest group) loses.
    expect(
      decided(
        precinct(7, [
          ['Sanders', 100],
          ['Warren', 50],
          ['Biden', 50],
        ]),
      ),
    ).toEqual({ Sanders: 3, Warren: 2, Biden: 2 });
  });

  describe('N=200, D=6, 100/50/50 -> 3 and a coin toss between the two 50s for 2/1', () => {
    const input = precinct(6, [
      ['Sanders', 100],
      ['Warren', 50],
      ['Biden', 50],
    ]);

    it('asks for the coin toss, never decides it', () => {
      // 3.0 -> 3, 1.5 -> 2, 1.5 -> 2 = 7: the two rounded-up groups tie at .5000; one keeps 2.
      expect(allocateDelegates(input)).toEqual({
        kind: 'coin-toss-needed',
        tie: { reason: 'remove-extra-delegate', tied: ['Warren', 'Biden'], awarded: 1 },
      });
    });

    it('with the toss recorded, gives each outcome', () => {
      expect(allocateDelegates(input, [{ tied: ['Warren', 'Biden'], winners: ['Warren'] }])).toEqual({
        kind: 'decided',
        delegates: { Sanders: 3, Warren: 2, Biden: 1 },
        coinTosses: [{ tied: ['Warren', 'Biden'], winners: ['Warren'] }],
      });
      expect(allocateDelegates(input, [{ tied: ['Biden', 'Warren'], winners: ['Biden'] }])).toEqual({
        kind: 'decided',
        delegates: { Sanders: 3, Warren: 1, Biden: 2 },
        coinTosses: [{ tied: ['Biden', 'Warren'], winners: ['Biden'] }],
      });
    });

    it('a toss recorded between other groups does not decide it', () => {
      expect(allocateDelegates(input, [{ tied: ['Sanders', 'Warren'], winners: ['Warren'] }]).kind).toBe(
        'coin-toss-needed',
      );
    });

    it('allowedAllocations gives exactly the two outcomes, each with its toss', () => {
      const allowed = allowedAllocations(input);
      expect(allowed).toHaveLength(2);
      expect(allowed).toEqual(
        expect.arrayContaining([
          {
            kind: 'decided',
            delegates: { Sanders: 3, Warren: 2, Biden: 1 },
            coinTosses: [{ tied: ['Warren', 'Biden'], winners: ['Warren'] }],
          },
          {
            kind: 'decided',
            delegates: { Sanders: 3, Warren: 1, Biden: 2 },
            coinTosses: [{ tied: ['Warren', 'Biden'], winners: ['Biden'] }],
          },
        ]),
      );
    });
  });
});

describe('rounding', () => {
  it('rounds exactly .5 up (not to even)', () => {
    // N=100, D=5, threshold 15: 50 -> 2.5 -> 3; 30 -> 1.5 -> 2; total 5, no adjustment needed.
    // (Round-half-even would give 2 + 2 and then a coin toss.)
    expect(
      decided(
        precinct(5, [
          ['Sanders', 50],
          ['Warren', 30],
          ['Steyer', 10, 0],
          ['Yang', 10, 0],
        ]),
      ),
    ).toEqual({ Sanders: 3, Warren: 2, Steyer: 0, Yang: 0 });
  });

  it('a viable group with the smallest share the thresholds allow (.5) keeps one delegate', () => {
    // N=40, D=2, threshold 10: 30 -> 1.5 -> 2; 10 -> 0.5 -> 1; one too many, taken from the 30.
    expect(
      decided(
        precinct(2, [
          ['Sanders', 30],
          ['Warren', 10],
        ]),
      ),
    ).toEqual({ Sanders: 1, Warren: 1 });
  });

  it('the denominator is the first-alignment total, not the final one', () => {
    // N=100, D=4: 50 -> 2.0 -> 2; 38 -> 1.52 -> 2. Using the final total 88 would give 2.27 / 1.73.
    expect(
      decided(
        precinct(4, [
          ['Sanders', 50],
          ['Warren', 38],
          ['Steyer', 12, 0],
        ]),
      ),
    ).toEqual({ Sanders: 2, Warren: 2, Steyer: 0 });
  });
});

describe('too many delegates', () => {
  it('the lowest decimal among the rounded-up groups loses, never a group\u2019s only delegate', () => {
    // N=20, D=3, threshold 4: 11 -> 1.65 -> 2; 5 -> 0.75 -> 1; 4 -> 0.60 -> 1. Total 4.
    // The lowest decimal (.60) has only one delegate, so the .65 group gives one back.
    expect(
      decided(
        precinct(3, [
          ['Sanders', 11],
          ['Warren', 5],
          ['Klobuchar', 4],
        ]),
      ),
    ).toEqual({ Sanders: 1, Warren: 1, Klobuchar: 1 });
  });

  it('the largest group loses when its decimal is the lowest rounded up', () => {
    // N=24, D=4, threshold 4: 15 -> 2.5 -> 3; 5 -> 0.83 -> 1; 4 -> 0.67 -> 1. Total 5.
    expect(
      decided(
        precinct(4, [
          ['Buttigieg', 15],
          ['Sanders', 5],
          ['Warren', 4],
        ]),
      ),
    ).toEqual({ Buttigieg: 2, Sanders: 1, Warren: 1 });
  });

  it('when every rounded-up group has only its one delegate, a group that was not rounded up gives one back', () => {
    // N=12, D=3, threshold 2: 8 -> 2.0 -> 2; 2 -> 0.5 -> 1; 2 -> 0.5 -> 1. Total 4 (our reading, docs/RULES.md).
    expect(
      decided(
        precinct(3, [
          ['Biden', 8],
          ['Warren', 2],
          ['Yang', 2],
        ]),
      ),
    ).toEqual({ Biden: 1, Warren: 1, Yang: 1 });
  });
});

describe('too few delegates (people left after the first alignment)', () => {
  it('the highest decimal below .5 gains, ahead of a higher decimal above .5', () => {
    // N=100, D=5: 41 -> 2.05 -> 2; 27 -> 1.35 -> 1; 18 -> 0.90 -> 1. Total 4; the 14 of Yang left.
    expect(
      decided(
        precinct(5, [
          ['Sanders', 41],
          ['Warren', 27],
          ['Biden', 18],
          ['Yang', 14, 0],
        ]),
      ),
    ).toEqual({ Sanders: 2, Warren: 2, Biden: 1, Yang: 0 });
  });

  it('a group whose share is a whole number has decimal .0, which is below .5', () => {
    // N=100, D=5: 40 -> 2.0 -> 2; 30 -> 1.5 -> 2. Total 4: the .0 gains, not the .5.
    expect(
      decided(
        precinct(5, [
          ['Sanders', 40],
          ['Warren', 30],
          ['Biden', 14, 0],
          ['Yang', 14, 0],
          ['Steyer', 2, 0],
        ]),
      ),
    ).toEqual({ Sanders: 3, Warren: 2, Biden: 0, Yang: 0, Steyer: 0 });
  });

  it('when no decimal is below .5, the highest decimal gains', () => {
    // N=100, D=4: 38 -> 1.52 -> 2; 18 -> 0.72 -> 1. Total 3: .72 beats .52.
    expect(
      decided(
        precinct(4, [
          ['Sanders', 38],
          ['Warren', 18],
          ['Biden', 14, 0],
          ['Klobuchar', 14, 0],
          ['Yang', 14, 0],
          ['Steyer', 2, 0],
        ]),
      ),
    ).toEqual({ Sanders: 2, Warren: 2, Biden: 0, Klobuchar: 0, Yang: 0, Steyer: 0 });
  });

  it('in one pass the decimals below .5 come first, then the highest of the rest', () => {
    // N=100, D=6: 27 -> 1.62 -> 2; 21 -> 1.26 -> 1; 16 -> 0.96 -> 1. Total 4, two to add:
    // .26 (below .5) and then .96 (highest of the rest), not .62.
    expect(
      decided(
        precinct(6, [
          ['Sanders', 27],
          ['Warren', 21],
          ['Buttigieg', 16],
          ['Biden', 14, 0],
          ['Klobuchar', 14, 0],
          ['Yang', 8, 0],
        ]),
      ),
    ).toEqual({ Sanders: 2, Warren: 2, Buttigieg: 2, Biden: 0, Klobuchar: 0, Yang: 0 });
  });

  it('adds the leftover over several passes, each group at most one per pass', () => {
    // N=100, D=10: 31 -> 3.1 -> 3; 22 -> 2.2 -> 2. Total 5, 47 people left.
    // Pass 1: both +1 (7). Pass 2: both +1 (9). Pass 3: one left, .2 beats .1 -> 5 / 5.
    expect(
      decided(
        precinct(10, [
          ['Sanders', 31],
          ['Warren', 22],
          ['Biden', 14, 0],
          ['Klobuchar', 14, 0],
          ['Yang', 14, 0],
          ['Steyer', 5, 0],
        ]),
      ),
    ).toEqual({ Sanders: 5, Warren: 5, Biden: 0, Klobuchar: 0, Yang: 0, Steyer: 0 });
  });

  it('a second pass again prefers the decimal below .5', () => {
    // N=100, D=12: 27 -> 3.24 -> 3; 21 -> 2.52 -> 3; 16 -> 1.92 -> 2. Total 8.
    // Pass 1: all three +1 (11). Pass 2: .24 is the only decimal below .5.
    expect(
      decided(
        precinct(12, [
          ['Sanders', 27],
          ['Warren', 21],
          ['Buttigieg', 16],
          ['Biden', 14, 0],
          ['Klobuchar', 14, 0],
          ['Yang', 8, 0],
        ]),
      ),
    ).toEqual({ Sanders: 5, Warren: 4, Buttigieg: 3, Biden: 0, Klobuchar: 0, Yang: 0 });
  });
});

describe('equal decimals go to a coin toss', () => {
  it('two groups tied for the missing delegate', () => {
    // N=100, D=5: 40 -> 2.0; 27 -> 1.35; 27 -> 1.35. Total 4; the two .35 tie.
    const input = precinct(5, [
      ['Sanders', 40],
      ['Warren', 27],
      ['Buttigieg', 27],
      ['Steyer', 6, 0],
    ]);
    expect(allocateDelegates(input)).toEqual({
      kind: 'coin-toss-needed',
      tie: { reason: 'add-missing-delegate', tied: ['Warren', 'Buttigieg'], awarded: 1 },
    });
    expect(outcomes(input)).toEqual([
      'Sanders 2, Warren 1, Buttigieg 2, Steyer 0',
      'Sanders 2, Warren 2, Buttigieg 1, Steyer 0',
    ]);
  });

  it('decimals that differ only after the fourth place are equal', () => {
    // N=30004, D=7: 23041 -> 5.37552 (.3755166); 5896 -> 1.37555 (.3755499). Total 6.
    const input = precinct(7, [
      ['Sanders', 23041],
      ['Warren', 5896],
      ['Uncommitted', 1067, 0],
    ]);
    expect(allocateDelegates(input)).toEqual({
      kind: 'coin-toss-needed',
      tie: { reason: 'add-missing-delegate', tied: ['Sanders', 'Warren'], awarded: 1 },
    });
    expect(outcomes(input)).toEqual(['Sanders 5, Warren 2, Uncommitted 0', 'Sanders 6, Warren 1, Uncommitted 0']);
  });

  it('decimals that differ in the fourth place are not', () => {
    // N=30004, D=7: 23041 -> .3755; 5897 -> 1.375783 (.3758): the .3758 gains.
    expect(
      decided(
        precinct(7, [
          ['Sanders', 23041],
          ['Warren', 5897],
          ['Uncommitted', 1066, 0],
        ]),
      ),
    ).toEqual({ Sanders: 5, Warren: 2, Uncommitted: 0 });
  });
});

describe('more viable groups than delegates', () => {
  it('the smallest groups get none', () => {
    // N=100, D=2, threshold 25: three viable groups for two delegates.
    expect(
      decided(
        precinct(2, [
          ['Sanders', 40],
          ['Warren', 32],
          ['Biden', 28],
        ]),
      ),
    ).toEqual({ Sanders: 1, Warren: 1, Biden: 0 });
  });

  it('a tie at the cut is a coin toss', () => {
    const input = precinct(2, [
      ['Sanders', 40],
      ['Warren', 30],
      ['Biden', 30],
    ]);
    expect(allocateDelegates(input)).toEqual({
      kind: 'coin-toss-needed',
      tie: { reason: 'more-groups-than-delegates', tied: ['Warren', 'Biden'], awarded: 1 },
    });
    expect(allocateDelegates(input, [{ tied: ['Warren', 'Biden'], winners: ['Biden'] }])).toEqual({
      kind: 'decided',
      delegates: { Sanders: 1, Warren: 0, Biden: 1 },
      coinTosses: [{ tied: ['Warren', 'Biden'], winners: ['Biden'] }],
    });
    expect(outcomes(input)).toEqual(['Sanders 1, Warren 0, Biden 1', 'Sanders 1, Warren 1, Biden 0']);
  });

  it('four groups tied for three places: four outcomes', () => {
    // N=100, D=4, threshold 15: five viable groups.
    const input = precinct(4, [
      ['Sanders', 40],
      ['Warren', 15],
      ['Biden', 15],
      ['Buttigieg', 15],
      ['Klobuchar', 15],
    ]);
    expect(allocateDelegates(input)).toEqual({
      kind: 'coin-toss-needed',
      tie: { reason: 'more-groups-than-delegates', tied: ['Warren', 'Biden', 'Buttigieg', 'Klobuchar'], awarded: 3 },
    });
    expect(outcomes(input)).toEqual([
      'Sanders 1, Warren 0, Biden 1, Buttigieg 1, Klobuchar 1',
      'Sanders 1, Warren 1, Biden 0, Buttigieg 1, Klobuchar 1',
      'Sanders 1, Warren 1, Biden 1, Buttigieg 0, Klobuchar 1',
      'Sanders 1, Warren 1, Biden 1, Buttigieg 1, Klobuchar 0',
    ]);
  });

  it('six equal groups for three delegates: twenty outcomes, each with three delegates', () => {
    const input = precinct(3, [
      ['A', 10],
      ['B', 10],
      ['C', 10],
      ['D', 10],
      ['E', 10],
      ['F', 10],
    ]);
    const allowed = outcomes(input);
    expect(allowed).toHaveLength(20);
    expect(new Set(allowed).size).toBe(20);
    for (const outcome of allowedAllocations(input)) {
      expect(Object.values(outcome.delegates).sort()).toEqual([0, 0, 0, 1, 1, 1]);
    }
  });
});

describe('one-delegate precincts (D = 1)', () => {
  it('the largest final group wins, whatever the first alignment was', () => {
    expect(
      decided(
        precinct(1, [
          ['Sanders', 9, 9],
          ['Warren', 8, 12],
          ['Biden', 4, 0],
        ]),
      ),
    ).toEqual({ Sanders: 0, Warren: 1, Biden: 0 });
  });

  it('a group of 4 out of 22 (18%) wins: there is no threshold', () => {
    expect(
      decided(
        precinct(1, [
          ['Sanders', 4],
          ['Warren', 3],
          ['Biden', 3],
          ['Buttigieg', 3],
          ['Klobuchar', 3],
          ['Yang', 3],
          ['Steyer', 3],
        ]),
      ),
    ).toEqual({ Sanders: 1, Warren: 0, Biden: 0, Buttigieg: 0, Klobuchar: 0, Yang: 0, Steyer: 0 });
  });

  it('a tie for largest is a coin toss', () => {
    const input = precinct(1, [
      ['Sanders', 10],
      ['Warren', 10],
      ['Biden', 3, 0],
    ]);
    expect(allocateDelegates(input)).toEqual({
      kind: 'coin-toss-needed',
      tie: { reason: 'one-delegate-largest-group', tied: ['Sanders', 'Warren'], awarded: 1 },
    });
    expect(allocateDelegates(input, [{ tied: ['Sanders', 'Warren'], winners: ['Warren'] }])).toEqual({
      kind: 'decided',
      delegates: { Sanders: 0, Warren: 1, Biden: 0 },
      coinTosses: [{ tied: ['Sanders', 'Warren'], winners: ['Warren'] }],
    });
    expect(outcomes(input)).toEqual(['Sanders 0, Warren 1, Biden 0', 'Sanders 1, Warren 0, Biden 0']);
  });

  it('nobody left in the final alignment: no delegate (our reading, docs/RULES.md)', () => {
    expect(
      decided(
        precinct(1, [
          ['Sanders', 4, 0],
          ['Warren', 3, 0],
        ]),
      ),
    ).toEqual({ Sanders: 0, Warren: 0 });
  });
});

describe('nobody to give delegates to', () => {
  it.each([1, 2, 3, 5])('zero attendance, D=%i: no delegates', (delegates) => {
    expect(
      decided(
        precinct(delegates, [
          ['Sanders', 0],
          ['Warren', 0],
          ['Biden', 0],
        ]),
      ),
    ).toEqual({ Sanders: 0, Warren: 0, Biden: 0 });
  });

  it('no group viable in the final alignment: no delegates', () => {
    // N=100, D=4, threshold 15: eight groups of 12 or 13 that never combined.
    const groups: Group[] = [
      ['Sanders', 13],
      ['Warren', 13],
      ['Biden', 13],
      ['Buttigieg', 13],
      ['Klobuchar', 12],
      ['Yang', 12],
      ['Steyer', 12],
      ['Uncommitted', 12],
    ];
    const delegates = decided(precinct(4, groups));
    expect(Object.values(delegates)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('a precinct that elects no delegates gives none (our reading, docs/RULES.md)', () => {
    expect(
      decided(
        precinct(0, [
          ['Sanders', 30],
          ['Warren', 20],
        ]),
      ),
    ).toEqual({ Sanders: 0, Warren: 0 });
  });
});
