import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AllocationInput, allocateDelegates, allowedAllocations } from '../../../electron/core/rules/allocation';
import { checkIowaPrecinct } from '../../../electron/core/rules/check-iowa';
import type { PrecinctResult } from '../../../electron/core/rules/types';

// Property tests of the iowa-dem-2020 rules (docs/CONTRACTS.md "Caucus rules") on random precincts:
// D 1..20, up to 8 groups, N up to 2000. With N < 10000, two decimals r1/N and r2/N are equal to
// four places exactly when r1 = r2, so the reference below compares remainders.

/** PROPERTY_RUNS=50000 for a deep run; the default keeps the file to about a second. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

interface RandomPrecinct {
  readonly delegates: number;
  readonly first: readonly number[];
  readonly final: readonly number[];
}

// ---------------------------------------------------------------------------------------------
// Reference allocation, written from the docs/CONTRACTS.md text alone (plus the readings in docs/RULES.md).
// Returns every outcome the rules allow, as delegate vectors in group order.

function referenceThreshold(attendees: number, delegates: number): number | null {
  if (delegates <= 1) return null;
  if (delegates === 2) return Math.floor((25 * attendees + 99) / 100);
  if (delegates === 3) return Math.floor((attendees + 5) / 6);
  return Math.floor((15 * attendees + 99) / 100);
}

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [head, ...rest] = items as [T, ...T[]];
  return [...subsets(rest, size - 1).map((subset) => [head, ...subset]), ...subsets(rest, size)];
}

/** The `count` best of `candidates` by `better` order (a sort key tuple); ties at the cut branch. */
function bestWithTies(candidates: readonly number[], count: number, key: (index: number) => number[]): number[][] {
  const compare = (a: number, b: number): number => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i] as number) - (kb[i] as number);
    return 0;
  };
  const sorted = [...candidates].sort(compare);
  if (count >= sorted.length) return [sorted];
  const cut = sorted[count - 1] as number;
  const above = sorted.filter((index) => compare(index, cut) < 0);
  const tied = sorted.filter((index) => compare(index, cut) === 0);
  return subsets(tied, count - above.length).map((chosen) => [...above, ...chosen]);
}

function referenceOutcomes({ delegates: d, first, final }: RandomPrecinct): number[][] {
  const attendees = first.reduce((a, b) => a + b, 0);
  const none = first.map(() => 0);
  if (attendees === 0 || d === 0) return [none];
  if (d === 1) {
    const most = Math.max(0, ...final);
    if (most === 0) return [none];
    return final.flatMap((count, index) => (count === most ? [none.map((_, i) => (i === index ? 1 : 0))] : []));
  }
  const threshold = referenceThreshold(attendees, d) as number;
  const viable = final.flatMap((count, index) => (count > 0 && count >= threshold ? [index] : []));
  if (viable.length === 0) return [none];
  if (viable.length > d) {
    return bestWithTies(viable, d, (index) => [-(final[index] as number)]).map((kept) =>
      none.map((_, index) => (kept.includes(index) ? 1 : 0)),
    );
  }
  const remainder: number[] = [];
  const roundedUp: boolean[] = [];
  const start = [...none];
  for (const index of viable) {
    const exact = (final[index] as number) * d;
    const whole = Math.floor(exact / attendees);
    const rest = exact - whole * attendees;
    const rounded = 2 * rest >= attendees ? whole + 1 : whole;
    remainder[index] = rest;
    roundedUp[index] = 2 * rest >= attendees || rounded === 0;
    start[index] = Math.max(rounded, 1);
  }
  const results: number[][] = [];
  const explore = (current: number[]): void => {
    const total = current.reduce((a, b) => a + b, 0);
    if (total === d) {
      results.push(current);
      return;
    }
    if (total > d) {
      // Too many: lowest decimal among the rounded up, never an only delegate; then the others.
      const removable = viable.filter((index) => (current[index] as number) > 1);
      const count = Math.min(total - d, removable.length);
      for (const losers of bestWithTies(removable, count, (i) => [roundedUp[i] ? 0 : 1, remainder[i] as number])) {
        explore(current.map((value, index) => (losers.includes(index) ? value - 1 : value)));
      }
    } else {
      // Too few: highest decimal below .5 first, then the highest decimal; one per group per pass.
      const count = Math.min(d - total, viable.length);
      for (const gainers of bestWithTies(viable, count, (i) => [roundedUp[i] ? 1 : 0, -(remainder[i] as number)])) {
        explore(current.map((value, index) => (gainers.includes(index) ? value + 1 : value)));
      }
    }
  };
  explore(start);
  return results;
}

// ---------------------------------------------------------------------------------------------
// Random precincts.

const names = ['Sanders', 'Buttigieg', 'Warren', 'Biden', 'Klobuchar', 'Yang', 'Steyer', 'Uncommitted'];

interface GroupSeed {
  readonly first: number;
  readonly stayPercent: number;
  readonly moveTo: number;
  readonly arbitraryFinal: number;
}

const groupSeed: fc.Arbitrary<GroupSeed> = fc.record({
  // Round numbers make equal decimals, and so coin tosses, common enough to be tested.
  first: fc.oneof(
    fc.integer({ min: 0, max: 250 }),
    fc.integer({ min: 0, max: 30 }),
    fc.constantFrom(0, 5, 10, 15, 20, 25, 30, 40, 50, 100),
  ),
  stayPercent: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(0, 50, 100)),
  moveTo: fc.integer({ min: -1, max: 7 }),
  arbitraryFinal: fc.integer({ min: 0, max: 300 }),
});

const seeds = fc.record({
  delegates: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 4 })),
  groups: fc.array(groupSeed, { minLength: 1, maxLength: 8 }),
});

type Model = 'realign' | 'leave' | 'arbitrary';

/**
 * realign: groups viable in the first alignment are locked; the others keep some members, send
 * the rest to one other group or home. leave: every group only loses people. arbitrary: any final
 * counts, even more than the first (bad data; the allocation must still add up).
 */
function build(seed: readonly GroupSeed[], delegates: number, model: Model): RandomPrecinct {
  const first = seed.map((group) => group.first);
  if (model === 'arbitrary') return { delegates, first, final: seed.map((group) => group.arbitraryFinal) };
  if (model === 'leave') {
    return { delegates, first, final: seed.map((group) => Math.floor((group.first * group.stayPercent) / 100)) };
  }
  const attendees = first.reduce((a, b) => a + b, 0);
  const threshold = referenceThreshold(attendees, delegates);
  const locked = first.map((count) => delegates >= 2 && count > 0 && count >= (threshold as number));
  const final = first.map((count, index) => (locked[index] ? count : 0));
  seed.forEach((group, index) => {
    if (locked[index]) return;
    const stay = Math.floor((group.first * group.stayPercent) / 100);
    final[index] = (final[index] as number) + stay;
    if (group.moveTo >= 0) {
      const target = group.moveTo % seed.length;
      final[target] = (final[target] as number) + group.first - stay;
    }
  });
  return { delegates, first, final };
}

/**
 * Round, often equal, group sizes and a group that goes home unless it is locked in: equal
 * decimals and equal group sizes, so coin tosses, are common here.
 */
const tieProne = fc
  .record({
    delegates: fc.integer({ min: 1, max: 12 }),
    groups: fc.array(fc.constantFrom(5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 100), { minLength: 1, maxLength: 7 }),
    leavers: fc.integer({ min: 0, max: 30 }),
  })
  .map(({ delegates, groups, leavers }): RandomPrecinct => {
    const first = [...groups, leavers];
    const threshold = referenceThreshold(
      first.reduce((a, b) => a + b, 0),
      delegates,
    );
    const locked = delegates >= 2 && leavers > 0 && leavers >= (threshold as number);
    return { delegates, first, final: [...groups, locked ? leavers : 0] };
  });

const precincts = (models: readonly Model[]) =>
  fc.oneof(
    fc
      .tuple(seeds, fc.constantFrom(...models))
      .map(([seed, model]) => build(seed.groups, seed.delegates, model))
      .filter((precinct) => precinct.first.reduce((a, b) => a + b, 0) <= 2000),
    tieProne,
  );

function inputOf(precinct: RandomPrecinct): AllocationInput {
  return {
    precinctDelegates: precinct.delegates,
    groups: precinct.first.map((first, index) => ({
      candidate: names[index] as string,
      firstAlignment: first,
      finalAlignment: precinct.final[index] as number,
    })),
  };
}

function vector(delegates: Readonly<Record<string, number>>, size: number): number[] {
  return names.slice(0, size).map((name) => delegates[name] as number);
}

function viableInFinal(precinct: RandomPrecinct): boolean[] {
  const attendees = precinct.first.reduce((a, b) => a + b, 0);
  if (precinct.delegates === 1) {
    const most = Math.max(0, ...precinct.final);
    return precinct.final.map((count) => count > 0 && count === most);
  }
  const threshold = referenceThreshold(attendees, precinct.delegates) as number;
  return precinct.final.map((count) => count > 0 && count >= threshold);
}

// ---------------------------------------------------------------------------------------------

describe('allowedAllocations on random precincts', () => {
  it('gives exactly the outcomes of the reference reading of docs/CONTRACTS.md, each once', () => {
    fc.assert(
      fc.property(precincts(['realign', 'leave', 'arbitrary']), (precinct) => {
        const size = precinct.first.length;
        const actual = allowedAllocations(inputOf(precinct)).map((outcome) =>
          vector(outcome.delegates, size).join(','),
        );
        const expected = referenceOutcomes(precinct).map((outcome) => outcome.join(','));
        expect(new Set(actual).size).toBe(actual.length);
        expect([...actual].sort()).toEqual([...new Set(expected)].sort());
      }),
      { numRuns: RUNS },
    );
  });

  it('every outcome gives exactly D delegates when a group is viable (N > 0), else none', () => {
    fc.assert(
      fc.property(precincts(['realign', 'leave', 'arbitrary']), (precinct) => {
        const attendees = precinct.first.reduce((a, b) => a + b, 0);
        const anyViable = attendees > 0 && viableInFinal(precinct).some(Boolean);
        const allowed = allowedAllocations(inputOf(precinct));
        expect(allowed.length).toBeGreaterThan(0);
        for (const outcome of allowed) {
          const total = Object.values(outcome.delegates).reduce((a, b) => a + b, 0);
          expect(total).toBe(anyViable ? precinct.delegates : 0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('no group below the threshold (D = 1: not the largest) ever gets a delegate', () => {
    fc.assert(
      fc.property(precincts(['realign', 'leave', 'arbitrary']), (precinct) => {
        const viable = viableInFinal(precinct);
        for (const outcome of allowedAllocations(inputOf(precinct))) {
          vector(outcome.delegates, precinct.first.length).forEach((count, index) => {
            if (!viable[index]) expect(count).toBe(0);
          });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('every viable group gets at least one delegate when N > 0 and there are no more viable groups than delegates', () => {
    fc.assert(
      fc.property(precincts(['realign', 'leave', 'arbitrary']), (precinct) => {
        const viable = viableInFinal(precinct);
        const viableCount = viable.filter(Boolean).length;
        const attendees = precinct.first.reduce((a, b) => a + b, 0);
        if (attendees === 0 || precinct.delegates < 2 || viableCount > precinct.delegates) return;
        for (const outcome of allowedAllocations(inputOf(precinct))) {
          vector(outcome.delegates, precinct.first.length).forEach((count, index) => {
            if (viable[index]) expect(count).toBeGreaterThanOrEqual(1);
          });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('with more viable groups than delegates, the delegates go one each to the largest groups', () => {
    fc.assert(
      fc.property(precincts(['realign', 'leave']), (precinct) => {
        const viable = viableInFinal(precinct);
        if (precinct.delegates < 2 || viable.filter(Boolean).length <= precinct.delegates) return;
        for (const outcome of allowedAllocations(inputOf(precinct))) {
          const counts = vector(outcome.delegates, precinct.first.length);
          expect(counts.every((count) => count === 0 || count === 1)).toBe(true);
          const smallestWinner = Math.min(...precinct.final.filter((_, index) => counts[index] === 1));
          const largestLoser = Math.max(
            0,
            ...precinct.final.filter((_, index) => viable[index] && counts[index] === 0),
          );
          expect(smallestWinner).toBeGreaterThanOrEqual(largestLoser);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('allocateDelegates agrees with allowedAllocations', () => {
  it('the tosses recorded with an allowed outcome reproduce that outcome', () => {
    fc.assert(
      fc.property(precincts(['realign', 'leave', 'arbitrary']), fc.nat(), (precinct, pick) => {
        const input = inputOf(precinct);
        const allowed = allowedAllocations(input);
        const chosen = allowed[pick % allowed.length];
        if (!chosen) throw new Error('no outcome');
        expect(allocateDelegates(input, chosen.coinTosses)).toEqual({
          kind: 'decided',
          delegates: chosen.delegates,
          coinTosses: chosen.coinTosses,
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('with no toss recorded it decides exactly when the rules allow one outcome', () => {
    fc.assert(
      fc.property(precincts(['realign', 'leave', 'arbitrary']), (precinct) => {
        const input = inputOf(precinct);
        const allowed = allowedAllocations(input);
        const allocation = allocateDelegates(input);
        if (allocation.kind === 'decided') {
          expect(allowed.map((outcome) => outcome.delegates)).toEqual([allocation.delegates]);
        } else {
          expect(allowed.length).toBeGreaterThan(1);
          expect(allocation.tie.tied.length).toBeGreaterThan(allocation.tie.awarded);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------

const ratios = fc.constantFrom(0.1432, 0.25, 1 / 3, 0.072_807, 2.5, 0.013_7);
type Reporting = 'delegates and sde' | 'delegates only' | 'sde only';
const reporting = fc.constantFrom<Reporting>('delegates and sde', 'delegates only', 'sde only');

function report(precinct: RandomPrecinct, delegates: readonly number[], ratio: number, how: Reporting): PrecinctResult {
  return {
    county: 'Polk',
    precinct: 'DM-14',
    precinctDelegates: precinct.delegates,
    sdePerDelegate: ratio,
    lines: precinct.first.map((first, index) => ({
      candidate: names[index] as string,
      firstAlignment: first,
      finalAlignment: precinct.final[index] as number,
      delegatesAwarded: how === 'sde only' ? null : (delegates[index] as number),
      sde: how === 'delegates only' ? null : (delegates[index] as number) * ratio,
    })),
  };
}

describe('the checker on random precincts', () => {
  it('reports nothing on a correct report: an allowed outcome, SDEs = delegates x ratio, nobody joined or left a locked group', () => {
    fc.assert(
      fc.property(precincts(['realign']), fc.nat(), ratios, reporting, (precinct, pick, ratio, how) => {
        const size = precinct.first.length;
        const allowed = allowedAllocations(inputOf(precinct));
        const chosen = allowed[pick % allowed.length];
        if (!chosen) throw new Error('no outcome');
        const findings = checkIowaPrecinct(report(precinct, vector(chosen.delegates, size), ratio, how));
        // Everyone gone by the final alignment reads as an unreported alignment (MISSING_DATA, docs/CONTRACTS.md),
        // whatever else the report says: that one finding, and nothing else.
        const finalAllZero = precinct.final.every((count) => count === 0) && precinct.first.some((count) => count > 0);
        expect(findings.map((finding) => finding.code)).toEqual(finalAllZero ? ['MISSING_DATA'] : []);
      }),
      { numRuns: RUNS },
    );
  });

  it('reports ALLOCATION_MISMATCH (and no total mismatch) when one delegate moves to a group the rules do not allow', () => {
    fc.assert(
      fc.property(
        precincts(['realign', 'leave']),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        ratios,
        reporting,
        (precinct, pick, from, to, ratio, how) => {
          const size = precinct.first.length;
          const allowed = allowedAllocations(inputOf(precinct)).map((outcome) => vector(outcome.delegates, size));
          const chosen = allowed[pick % allowed.length] as number[];
          const givers = chosen.flatMap((count, index) => (count > 0 ? [index] : []));
          if (givers.length === 0 || size < 2) return;
          const giver = givers[from % givers.length] as number;
          const takers = chosen.flatMap((_, index) => (index === giver ? [] : [index]));
          const taker = takers[to % takers.length] as number;
          const moved = chosen.map((count, index) => count - (index === giver ? 1 : 0) + (index === taker ? 1 : 0));
          const codes = checkIowaPrecinct(report(precinct, moved, ratio, how)).map((finding) => finding.code);
          const stillAllowed = allowed.some((outcome) => outcome.join(',') === moved.join(','));
          if (stillAllowed) {
            expect(codes).not.toContain('ALLOCATION_MISMATCH');
          } else {
            expect(codes).toContain('ALLOCATION_MISMATCH');
          }
          expect(codes).not.toContain('DELEGATE_TOTAL_MISMATCH');
          expect(codes).not.toContain('SDE_MISMATCH');
        },
      ),
      { numRuns: RUNS },
    );
  });
});
