import { type MacroContest, votesOf } from './contest';
import { integer, type Rational, subtract } from './rational';

/**
 * V_wl: the reported margin of winner w over loser l, less pending and unauditable ballots, which
 * are assumed to be votes for the loser (Arlo: the V_wl adjustments in macro.compute_max_error
 * and macro.compute_error).
 */
export function adjustedMargin(
  contest: MacroContest,
  winner: string,
  loser: string,
  unauditableBallots: Rational,
): Rational {
  const reported = subtract(votesOf(contest.totals, winner), votesOf(contest.totals, loser));
  return subtract(subtract(reported, integer(contest.pendingBallots)), unauditableBallots);
}
