import type { ReportedBatch } from './batch';
import { type Bound, compareBounds, INFINITE } from './bound';
import { type MacroContest, votesOf, winnerLoserPairs } from './contest';
import { adjustedMargin } from './pair-margin';
import { add, compare, divide, type Rational, subtract, ZERO } from './rational';

/**
 * u_p, the most a batch's tally could overstate the outcome, relative to the margin
 * (Arlo: macro.compute_max_error): max over winner-loser pairs of ((v_wp - v_lp) + b_p) / V_wl,
 * never below 0; infinite when some V_wl is zero or less (a tie needs a full hand count).
 */
export function maxError(batch: ReportedBatch, contest: MacroContest, unauditableBallots: Rational): Bound {
  let largest: Bound = ZERO;
  for (const { winner, loser } of winnerLoserPairs(contest)) {
    const margin = adjustedMargin(contest, winner, loser, unauditableBallots);
    const pairBound: Bound =
      compare(margin, ZERO) <= 0
        ? INFINITE
        : divide(add(subtract(votesOf(batch.votes, winner), votesOf(batch.votes, loser)), batch.ballots), margin);
    if (compareBounds(pairBound, largest) > 0) largest = pairBound;
  }
  return largest;
}
