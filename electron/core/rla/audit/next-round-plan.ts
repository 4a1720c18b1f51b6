import { type AppError, ok, type Result } from '../../result';
import type { AuditCounty } from './audit-results-file';
import { drawNextRound, type RoundDraw } from './audit-rounds';
import { type AuditMeasurement, measureAudit } from './measure-audit';
import type { PlanJson } from './plan-json';
import { planWithRounds } from './plan-rounds';

export interface NextRoundPlan {
  /** The plan file with the new round's tickets added (what `audit next-round --json` prints). */
  readonly plan: PlanJson;
  /** The measurement the new rounds follow from. */
  readonly measured: AuditMeasurement;
  /** Per contest: the round drawn now, or null when the contest needs none (its verdict stands). */
  readonly drawn: readonly { readonly contest: string; readonly round: RoundDraw | null }[];
}

/**
 * `tallyroom audit next-round`: measures the rounds so far exactly as `audit measure` does (the
 * plan is re-derived and must match), then, for each contest whose verdict asks for more, draws
 * the next round from the same seed with drawNextRound, the app's own draw.
 */
export function nextRoundPlan(input: {
  readonly plan: PlanJson;
  readonly planFileName: string;
  readonly reported: readonly AuditCounty[];
  readonly audited: readonly AuditCounty[];
  readonly auditedFileName: string;
}): Result<NextRoundPlan, AppError> {
  const measured = measureAudit(input);
  if (!measured.ok) return measured;
  const { seed, alpha } = measured.value;
  const contests = [];
  const drawn = [];
  for (const contest of measured.value.contests) {
    const needsMore = contest.verdict.kind === 'another-round' || contest.verdict.kind === 'full-hand-count';
    let round: RoundDraw | null = null;
    if (needsMore) {
      const tallies = new Map(contest.draws.map((draw) => [draw.precinct, draw.audited]));
      const next = drawNextRound({ seed, alpha, plan: contest.plan, rounds: contest.rounds, tallies });
      if (!next.ok) return next;
      round = next.value;
    }
    contests.push({ plan: contest.plan, rounds: round ? [...contest.rounds, round] : contest.rounds });
    drawn.push({ contest: contest.plan.contest.name, round });
  }
  const plan = planWithRounds(
    { alpha, seed, contests: contests.map((contest) => contest.plan) },
    input.plan.riskLimit,
    input.plan.rules,
    contests,
  );
  return ok({ plan, measured: measured.value, drawn });
}
