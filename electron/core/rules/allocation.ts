import type { CoinToss } from '../model/precinct-result';
import type { Tie, TieReason } from '../model/worksheet-evaluation';
import { isViable, viabilityThreshold } from './viability';

export type { Tie, TieReason } from '../model/worksheet-evaluation';

/**
 * Delegate allocation, iowa-dem-2020 (docs/CONTRACTS.md "Caucus rules").
 *
 * Every viable group in the final alignment gets final x D / N delegates (N is the first-alignment
 * total), rounded half up, at least one. Then passes move the total to D: too many -> remove from
 * the lowest decimal among groups that were rounded up, never a group's only delegate; too few ->
 * add to the highest decimal below .5, then the highest decimal. A group changes by at most one per
 * pass. Decimals equal to four places are a coin toss, which the app never decides: the caller
 * supplies recorded outcomes, or gets back the toss that is needed.
 *
 * All arithmetic is on integers: a group's share is whole + remainder/N.
 */

export interface AllocationGroup {
  readonly candidate: string;
  readonly firstAlignment: number;
  readonly finalAlignment: number;
}

export interface AllocationInput {
  readonly precinctDelegates: number;
  /** In ballot order; ties are listed in this order. */
  readonly groups: readonly AllocationGroup[];
}

export type Delegates = Readonly<Record<string, number>>;

export interface DecidedAllocation {
  readonly kind: 'decided';
  readonly delegates: Delegates;
  /** Coin tosses this outcome depended on, with their winners. */
  readonly coinTosses: readonly CoinToss[];
}

export interface PendingAllocation {
  readonly kind: 'coin-toss-needed';
  readonly tie: Tie;
}

export type Allocation = DecidedAllocation | PendingAllocation;

/** Called at each tie; returns the winners, or null when no outcome is recorded. */
type DecideTie = (tie: Tie) => readonly string[] | null;

interface Share {
  readonly candidate: string;
  readonly finalAlignment: number;
  /** Four-place decimal of final x D / N, as an integer 0..10000 (ties compare these). */
  readonly decimal4: number;
  /** Got more than its exact share at rounding (decimal >= .5, or raised to the one-delegate floor). */
  readonly roundedUp: boolean;
  delegates: number;
}

class TiePending {
  constructor(readonly tie: Tie) {}
}

/** Allocation with the coin tosses a person recorded; reports the next toss needed otherwise. */
export function allocateDelegates(input: AllocationInput, recorded: readonly CoinToss[] = []): Allocation {
  const used: CoinToss[] = [];
  const outcome = runAllocation(input, (tie) => {
    const match = recorded.find((toss) => sameTie(toss, tie));
    if (!match) return null;
    used.push(match);
    return match.winners;
  });
  if (outcome instanceof TiePending) return { kind: 'coin-toss-needed', tie: outcome.tie };
  return { kind: 'decided', delegates: outcome, coinTosses: used };
}

/** Most outcomes enumerated; real precincts have a handful at most. */
const MAX_OUTCOMES = 512;

/** Every outcome the rules allow, one per combination of coin-toss results. */
export function allowedAllocations(input: AllocationInput): DecidedAllocation[] {
  const outcomes: DecidedAllocation[] = [];
  const pending: number[][] = [[]];
  while (pending.length > 0 && outcomes.length < MAX_OUTCOMES) {
    const prefix = pending.pop() as number[];
    const chosen: number[] = [];
    const tosses: CoinToss[] = [];
    const result = runAllocation(input, (tie) => {
      const options = combinations(tie.tied, tie.awarded);
      const depth = chosen.length;
      let index = 0;
      if (depth < prefix.length) {
        index = prefix[depth] as number;
      } else {
        for (let other = options.length - 1; other >= 1; other--) pending.push([...chosen, other]);
      }
      chosen.push(index);
      const winners = options[index] as string[];
      tosses.push({ tied: tie.tied, winners });
      return winners;
    });
    if (!(result instanceof TiePending)) outcomes.push({ kind: 'decided', delegates: result, coinTosses: tosses });
  }
  return outcomes;
}

function runAllocation(input: AllocationInput, decide: DecideTie): Delegates | TiePending {
  const d = input.precinctDelegates;
  const groups = input.groups;
  const n = groups.reduce((sum, group) => sum + group.firstAlignment, 0);
  const delegates: Record<string, number> = Object.fromEntries(groups.map((group) => [group.candidate, 0]));
  if (n === 0 || d === 0) return delegates;

  if (d === 1) {
    // D = 1: no threshold; the group with the most final supporters wins, ties by coin toss.
    const contenders = groups.filter((group) => group.finalAlignment > 0);
    if (contenders.length === 0) return delegates;
    const most = Math.max(...contenders.map((group) => group.finalAlignment));
    const leaders = contenders.filter((group) => group.finalAlignment === most).map((group) => group.candidate);
    const winners = pick({ reason: 'one-delegate-largest-group', tied: leaders, awarded: 1 }, decide);
    if (winners instanceof TiePending) return winners;
    for (const winner of winners) delegates[winner] = 1;
    return delegates;
  }

  const threshold = viabilityThreshold(n, d);
  const viable = groups.filter((group) => isViable(group.finalAlignment, threshold));
  if (viable.length === 0) return delegates;

  if (viable.length > d) {
    // More viable groups than delegates: the smallest groups get none, the D largest one each.
    const kept = chooseBest(viable, d, (group) => group.finalAlignment, 'more-groups-than-delegates', decide);
    if (kept instanceof TiePending) return kept;
    for (const group of kept) delegates[group.candidate] = 1;
    return delegates;
  }

  const shares: Share[] = viable.map((group) => shareOf(group, d, n));
  let total = shares.reduce((sum, share) => sum + share.delegates, 0);

  while (total > d) {
    // Too many: the lowest decimal among groups that were rounded up loses one; never an only delegate.
    // If every rounded-up group is down to one, the lowest decimal among the others (our reading; see docs/RULES.md).
    const removable = shares
      .filter((share) => share.delegates > 1)
      .sort((a, b) => Number(b.roundedUp) - Number(a.roundedUp) || a.decimal4 - b.decimal4);
    const count = Math.min(total - d, removable.length);
    const losers = chooseBest(
      removable,
      count,
      (share) => (share.roundedUp ? 20000 : 0) + (10000 - share.decimal4),
      'remove-extra-delegate',
      decide,
      'losers',
    );
    if (losers instanceof TiePending) return losers;
    for (const share of losers) share.delegates -= 1;
    total -= losers.length;
  }

  // A pass that must give every group one more needs no ordering: do all such passes at once, so
  // a precinct where most people left (or a hostile D) takes one step, not millions.
  const fullPasses = Math.floor((d - total) / shares.length);
  if (fullPasses > 0) {
    for (const share of shares) share.delegates += fullPasses;
    total += fullPasses * shares.length;
  }
  while (total < d) {
    // Too few: highest decimal below .5 first, then the highest decimal; one per group per pass.
    const count = Math.min(d - total, shares.length);
    const gainers = chooseBest(
      shares,
      count,
      (share) => (share.roundedUp ? 0 : 20000) + share.decimal4,
      'add-missing-delegate',
      decide,
    );
    if (gainers instanceof TiePending) return gainers;
    for (const share of gainers) share.delegates += 1;
    total += gainers.length;
  }

  for (const share of shares) delegates[share.candidate] = share.delegates;
  return delegates;
}

function shareOf(group: AllocationGroup, d: number, n: number): Share {
  // BigInt: final x D can pass 2^53 on hostile input, where floats would round silently.
  const numerator = BigInt(group.finalAlignment) * BigInt(d);
  const total = BigInt(n);
  const whole = numerator / total;
  const remainder = numerator - whole * total;
  const halfOrMore = 2n * remainder >= total;
  const rounded = Number(halfOrMore ? whole + 1n : whole);
  return {
    candidate: group.candidate,
    finalAlignment: group.finalAlignment,
    // remainder / n to four places, rounded half up, in integers.
    decimal4: Number((remainder * 20000n + total) / (2n * total)),
    roundedUp: halfOrMore || rounded === 0,
    delegates: Math.max(rounded, 1),
  };
}

/**
 * The `count` items with the highest `rank`; equal ranks straddling the cut go to a coin toss.
 * With `mode` 'losers' the chosen items get the worse outcome, so the toss's winners are the others.
 */
function chooseBest<T extends { readonly candidate: string }>(
  items: readonly T[],
  count: number,
  rank: (item: T) => number,
  reason: TieReason,
  decide: DecideTie,
  mode: 'winners' | 'losers' = 'winners',
): T[] | TiePending {
  if (count <= 0) return [];
  if (count >= items.length) return [...items];
  const order = items.map((item, index) => ({ item, index, rank: rank(item) }));
  order.sort((a, b) => b.rank - a.rank || a.index - b.index);
  const cutRank = (order[count - 1] as { rank: number }).rank;
  const above = order.filter((entry) => entry.rank > cutRank);
  const atCut = order.filter((entry) => entry.rank === cutRank);
  const slots = count - above.length;
  if (atCut.length === slots) return [...above, ...atCut].map((entry) => entry.item);
  const tied = [...atCut].sort((a, b) => a.index - b.index).map((entry) => entry.item.candidate);
  // Winners of a toss always get the better outcome: for removals, the ones who keep their delegate.
  const awarded = mode === 'winners' ? slots : atCut.length - slots;
  const winners = pick({ reason, tied, awarded }, decide);
  if (winners instanceof TiePending) return winners;
  const chosenAtCut = atCut.filter((entry) =>
    mode === 'winners' ? winners.includes(entry.item.candidate) : !winners.includes(entry.item.candidate),
  );
  return [...above, ...chosenAtCut].map((entry) => entry.item);
}

function pick(tie: Tie, decide: DecideTie): readonly string[] | TiePending {
  if (tie.tied.length === tie.awarded) return tie.tied;
  const winners = decide(tie);
  if (winners === null) return new TiePending(tie);
  return winners;
}

function sameTie(toss: CoinToss, tie: Tie): boolean {
  return (
    toss.winners.length === tie.awarded &&
    toss.tied.length === tie.tied.length &&
    tie.tied.every((candidate) => toss.tied.includes(candidate)) &&
    toss.winners.every((winner) => tie.tied.includes(winner))
  );
}

function combinations(items: readonly string[], size: number): string[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [head, ...rest] = items as [string, ...string[]];
  return [...combinations(rest, size - 1).map((combo) => [head, ...combo]), ...combinations(rest, size)];
}
