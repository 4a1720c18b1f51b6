import { type AppError, appError, ok, type Result } from '../../result';
import type { RulesProfileId } from '../../rules/types';
import type { Rational } from '../math/rational';
import { drawNextRound, type HandTallies, type RoundDraw } from './audit-rounds';
import type { AuditPlan, ContestPlan } from './plan-audit';
import { type PlanJson, planToJson } from './plan-json';

/** One contest's rounds, re-derived from the seed, the reported results and the hand tallies. */
export interface ContestRounds {
  readonly plan: ContestPlan;
  readonly rounds: readonly RoundDraw[];
}

/** Round 1 as the plan drew it (null without a seed). */
export function firstRound(plan: ContestPlan): RoundDraw | null {
  if (plan.sample === null) return null;
  const fullHandCount = plan.sample.length > 0 && plan.sample.every((ticket) => ticket.random === null);
  return {
    round: 1,
    kind: fullHandCount ? 'full-hand-count' : 'sample',
    sampleSize: fullHandCount ? plan.sample.length : plan.sampleSize.draws,
    tickets: plan.sample,
  };
}

/**
 * Re-derives rounds 1..roundsGiven of a contest: round 1 from the seed, each later one from the
 * hand tallies of the rounds before it (drawNextRound). So a plan file with later rounds can be
 * checked as strictly as the first round's: anyone can recompute every ticket.
 */
export function replayRounds(input: {
  readonly seed: string;
  readonly alpha: Rational;
  readonly plan: ContestPlan;
  readonly roundsGiven: number;
  readonly tallies: HandTallies;
}): Result<RoundDraw[], AppError> {
  const first = firstRound(input.plan);
  if (!first || input.roundsGiven === 0) return ok([]);
  const rounds: RoundDraw[] = [first];
  while (rounds.length < input.roundsGiven) {
    const next = drawNextRound({ ...input, rounds });
    if (!next.ok) {
      return next.error.code === 'AUDIT_TALLY_MISSING'
        ? next
        : appError(
            'AUDIT_PLAN_MISMATCH',
            `The plan has ${input.roundsGiven} rounds for ${input.plan.contest.name}, but after round ${rounds.length} ${next.error.message}`,
          );
    }
    rounds.push(next.value);
  }
  return ok(rounds);
}

/**
 * The plan JSON with every contest's rounds: planToJson's fields, and the sample contest by contest,
 * in ticket order, round 2 onwards marked with their round.
 */
export function planWithRounds(
  plan: AuditPlan,
  riskLimitPercent: number,
  rules: RulesProfileId,
  contests: readonly ContestRounds[],
): PlanJson {
  const json = planToJson(plan, riskLimitPercent, rules);
  if (json.sample === undefined) return json;
  json.sample = contests.flatMap(({ plan: contestPlan, rounds }) =>
    rounds.flatMap((round) =>
      round.tickets.map((ticket) => ({
        ticket: ticket.ticket,
        precinct: ticket.batch,
        county: contestPlan.contest.name,
        random: ticket.random,
        ...(round.round >= 2 ? { round: round.round } : {}),
      })),
    ),
  );
  return json;
}
