import type { ReportedBatch } from './batch';
import { type MacroContest, votesOf } from './contest';
import { divide, integer, type Rational, subtract, sum } from './rational';

/**
 * Ballots in the contest totals that no batch tally reflects (Arlo: macro.compute_unauditable_ballots):
 * ceil((contest votes - votes in all batches) / votes allowed). They are counted against every
 * margin, as if all were for the loser. Zero when the totals are the sum of the batches.
 */
export function unauditableBallots(contest: MacroContest, batches: readonly ReportedBatch[]): Rational {
  const candidates = [...contest.totals.keys()];
  const inBatches = sum(batches.flatMap((batch) => candidates.map((candidate) => votesOf(batch.votes, candidate))));
  const inContest = sum(candidates.map((candidate) => votesOf(contest.totals, candidate)));
  return integer(ceilingOf(divide(subtract(inContest, inBatches), integer(contest.votesAllowed))));
}

function ceilingOf(value: Rational): bigint {
  const floor = value.num / value.den - (value.num % value.den < 0n ? 1n : 0n);
  return value.num % value.den === 0n ? floor : floor + 1n;
}
