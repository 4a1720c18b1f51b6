import { type AppError, appError, ok, type Result } from '../../result';
import { compare, fromDecimal, integer, isZero, type Rational, sum, ZERO } from './rational';

/** One candidate's votes (caucus: supporters in the final alignment) in a contest or batch. */
export type Votes = ReadonlyMap<string, Rational>;

/**
 * A contest as MACRO audits it (Arlo's sampler_contest.Contest, batch comparison fields):
 * the reported totals, who won and lost, and the ballots not in the batch tallies.
 */
export interface MacroContest {
  readonly name: string;
  /** Reported totals in the order given (ballot order); ties in the ranking keep this order. */
  readonly totals: Votes;
  readonly winners: readonly string[];
  readonly losers: readonly string[];
  /** Votes each ballot may cast in this contest (1 for a caucus alignment). */
  readonly votesAllowed: number;
  /** Ballots cast but not yet tallied, counted against every margin (Arlo: pending_ballots). */
  readonly pendingBallots: number;
}

export interface ContestSetup {
  readonly name: string;
  readonly totals: Votes;
  readonly numberOfWinners?: number;
  readonly votesAllowed?: number;
  readonly pendingBallots?: number;
}

/**
 * Winners are the `numberOfWinners` candidates with the most votes, the rest are losers; equal
 * totals keep the given order, as Arlo's stable descending sort does. A tie for the last winning
 * place is not hidden: its zero margin makes every error bound infinite, which asks for a full
 * hand count.
 */
export function buildContest(setup: ContestSetup): Result<MacroContest, AppError> {
  const numberOfWinners = setup.numberOfWinners ?? 1;
  const votesAllowed = setup.votesAllowed ?? 1;
  const pendingBallots = setup.pendingBallots ?? 0;
  if (!Number.isInteger(numberOfWinners) || numberOfWinners < 1) {
    return appError('AUDIT_BAD_WINNERS', `The number of winners of ${setup.name} must be a whole number of 1 or more.`);
  }
  if (!Number.isInteger(votesAllowed) || votesAllowed < 1 || !Number.isInteger(pendingBallots) || pendingBallots < 0) {
    return appError('AUDIT_BAD_CONTEST', `Votes allowed and pending ballots of ${setup.name} must be whole numbers.`);
  }
  if (setup.totals.size <= numberOfWinners) {
    return appError(
      'AUDIT_NO_LOSER',
      `${setup.name} has ${setup.totals.size} candidate${setup.totals.size === 1 ? '' : 's'} for ${numberOfWinners} winning place${numberOfWinners === 1 ? '' : 's'}; an audit needs at least one candidate who lost.`,
    );
  }
  if ([...setup.totals.values()].some((votes) => compare(votes, ZERO) < 0) || isZero(sum([...setup.totals.values()]))) {
    return appError('AUDIT_NO_VOTES', `${setup.name} has no votes to audit (or a negative total).`);
  }
  const ranked = [...setup.totals.entries()].sort(([, a], [, b]) => compare(b, a));
  return ok({
    name: setup.name,
    totals: setup.totals,
    winners: ranked.slice(0, numberOfWinners).map(([candidate]) => candidate),
    losers: ranked.slice(numberOfWinners).map(([candidate]) => candidate),
    votesAllowed,
    pendingBallots,
  });
}

/** Every winner paired with every loser: the margins MACRO protects. */
export function winnerLoserPairs(contest: MacroContest): { winner: string; loser: string }[] {
  return contest.winners.flatMap((winner) => contest.losers.map((loser) => ({ winner, loser })));
}

export function votesOf(votes: Votes, candidate: string): Rational {
  return votes.get(candidate) ?? ZERO;
}

/** Votes from plain numbers (whole, or decimals as written, e.g. Arlo's half-vote test tallies). */
export function votesFromNumbers(entries: Record<string, number>): Votes {
  return new Map(Object.entries(entries).map(([candidate, count]) => [candidate, toRational(count)]));
}

function toRational(count: number): Rational {
  return Number.isInteger(count) ? integer(count) : fromDecimal(count);
}
