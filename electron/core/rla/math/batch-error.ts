import { type Bound, compareBounds, INFINITE } from './bound';
import { type MacroContest, type Votes, votesOf, winnerLoserPairs } from './contest';
import { adjustedMargin } from './pair-margin';
import { compare, divide, isZero, type Rational, subtract, ZERO } from './rational';

/** The largest discrepancy a hand tally shows in one batch, in votes and relative to the margin. */
export interface BatchDiscrepancy {
  readonly winner: string;
  readonly loser: string;
  /** (v_wp - v_lp) - (a_wp - a_lp): positive when the report overstated the winner's margin. */
  readonly votes: Rational;
  /** e_p for this pair: votes / V_wl, infinite when V_wl is zero or less. */
  readonly weighted: Bound;
}

/**
 * Arlo: macro.compute_error. For each winner-loser pair, the reported pair margin in the batch less
 * the audited one; the pair with the largest weighted error is the batch's discrepancy (the first
 * such pair on equal weights). Null when every pair agrees.
 */
export function batchDiscrepancy(
  reported: Votes,
  audited: Votes,
  contest: MacroContest,
  unauditableBallots: Rational,
): BatchDiscrepancy | null {
  let largest: BatchDiscrepancy | null = null;
  for (const { winner, loser } of winnerLoserPairs(contest)) {
    const reportedMargin = subtract(votesOf(reported, winner), votesOf(reported, loser));
    const auditedMargin = subtract(votesOf(audited, winner), votesOf(audited, loser));
    const votes = subtract(reportedMargin, auditedMargin);
    if (isZero(votes)) continue;
    const margin = adjustedMargin(contest, winner, loser, unauditableBallots);
    const weighted: Bound = compare(margin, ZERO) > 0 ? divide(votes, margin) : INFINITE;
    if (largest === null || compareBounds(weighted, largest.weighted) > 0) largest = { winner, loser, votes, weighted };
  }
  return largest;
}
