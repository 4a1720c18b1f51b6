import { isDeepStrictEqual } from 'node:util';
import { type AppError, appError, ok, type Result } from '../../result';
import type { RulesProfileId } from '../../rules/types';
import type { Votes } from '../math/contest';
import type { RiskMeasurement } from '../math/measured-risk';
import type { Rational } from '../math/rational';
import type { AuditCounty, AuditPrecinct } from './audit-results-file';
import { assessRounds, type HandTallies, type RoundDraw } from './audit-rounds';
import { contestName } from './county-contest';
import { type ContestPlan, planAudit } from './plan-audit';
import type { PlanJson } from './plan-json';
import { type ContestRounds, planWithRounds, replayRounds } from './plan-rounds';
import { checkSeed, riskLimitAlpha } from './risk-limit';
import type { Verdict } from './verdict';

/** One sampled precinct of one contest, reported beside audited. */
export interface MeasuredDraw {
  readonly ticket: number;
  readonly precinct: string;
  readonly random: string | null;
  readonly reported: ReadonlyMap<string, number>;
  readonly audited: ReadonlyMap<string, number>;
}

export interface ContestMeasurement {
  readonly plan: ContestPlan;
  readonly draws: readonly MeasuredDraw[];
  readonly measurement: RiskMeasurement;
  readonly verdict: Verdict;
  /** The rounds drawn, in order, with their tickets (the draws above are these tickets' precincts). */
  readonly rounds: readonly RoundDraw[];
}

export interface AuditMeasurement {
  readonly riskLimit: number;
  readonly alpha: Rational;
  readonly seed: string;
  readonly rules: RulesProfileId;
  readonly contests: readonly ContestMeasurement[];
}

/**
 * The round's result: the plan is recomputed from the reported file and its seed and must be the
 * one given (so nobody measures a sample other than the public draw), then each county's hand
 * tallies are compared with the reported counts (Arlo: macro.compute_risk) and judged.
 */
export function measureAudit(input: {
  readonly plan: PlanJson;
  readonly planFileName: string;
  readonly reported: readonly AuditCounty[];
  readonly audited: readonly AuditCounty[];
  readonly auditedFileName: string;
}): Result<AuditMeasurement, AppError> {
  const { plan } = input;
  if (plan.seed === null || plan.sample === undefined) {
    return appError(
      'AUDIT_PLAN_HAS_NO_SAMPLE',
      `${input.planFileName} has no sample; run "tallyroom audit plan" with --seed and the digits rolled in public.`,
    );
  }
  const seed = checkSeed(plan.seed);
  if (!seed.ok) return seed;
  const alpha = riskLimitAlpha(String(plan.riskLimit));
  if (!alpha.ok) return alpha;
  const replanned = planAudit({ reported: input.reported, alpha: alpha.value, seed: seed.value });
  if (!replanned.ok) return replanned;

  const contests: ContestMeasurement[] = [];
  const replayed: ContestRounds[] = [];
  for (const contestPlan of replanned.value.contests) {
    const auditedCounty = input.audited.find((county) => contestName(county.county) === contestPlan.contest.name);
    const tallies = sampledTallies(plan, contestPlan, auditedCounty);
    const rounds = replayRounds({
      seed: seed.value,
      alpha: alpha.value,
      plan: contestPlan,
      roundsGiven: roundsIn(plan, contestPlan.contest.name),
      tallies,
    });
    if (!rounds.ok) return rounds;
    replayed.push({ plan: contestPlan, rounds: rounds.value });
  }
  if (!isDeepStrictEqual(planWithRounds(replanned.value, plan.riskLimit, plan.rules, replayed), plan)) {
    return appError(
      'AUDIT_PLAN_MISMATCH',
      `${input.planFileName} is not the plan these reported results and seed give; use the reported file the plan was made from, and the plan exactly as "tallyroom audit plan --json" (or "audit next-round --json") printed it.`,
    );
  }
  for (const { plan: contestPlan, rounds } of replayed) {
    const measured = measureContest(contestPlan, rounds, input.audited, input.auditedFileName, alpha.value);
    if (!measured.ok) return measured;
    contests.push(measured.value);
  }
  return ok({ riskLimit: plan.riskLimit, alpha: alpha.value, seed: seed.value, rules: plan.rules, contests });
}

/** How many rounds a plan file holds for one contest (tickets without a round are round 1). */
function roundsIn(plan: PlanJson, contest: string): number {
  return Math.max(
    0,
    ...(plan.sample ?? []).filter((ticket) => ticket.county === contest).map((ticket) => ticket.round ?? 1),
  );
}

/** Hand tallies of the precincts the plan sampled; tallies of others are ignored, as always. */
function sampledTallies(plan: PlanJson, contestPlan: ContestPlan, county: AuditCounty | undefined): HandTallies {
  const sampled = new Set(
    (plan.sample ?? []).filter((ticket) => ticket.county === contestPlan.contest.name).map((ticket) => ticket.precinct),
  );
  return new Map(
    (county?.precincts ?? [])
      .filter((precinct) => sampled.has(precinct.precinct))
      .map((precinct) => [precinct.precinct, precinct.counts]),
  );
}

function measureContest(
  contestPlan: ContestPlan,
  rounds: readonly RoundDraw[],
  audited: readonly AuditCounty[],
  auditedFileName: string,
  alpha: Rational,
): Result<ContestMeasurement, AppError> {
  const { contest, batches } = contestPlan;
  const tickets = rounds.flatMap((round) => round.tickets);
  const auditedCounty = audited.find((county) => contestName(county.county) === contest.name);
  const missing = tickets.filter(
    (ticket) => !auditedCounty?.precincts.some((precinct) => precinct.precinct === ticket.batch),
  );
  if (missing.length > 0) {
    const names = [...new Set(missing.map((ticket) => ticket.batch))];
    return appError(
      'AUDIT_TALLY_MISSING',
      `${auditedFileName} has no hand tally for sampled precinct${names.length === 1 ? '' : 's'} ${names.join(', ')} of ${contest.name}; enter the hand count of every sampled precinct.`,
    );
  }
  const candidates = new Set(contest.totals.keys());
  const draws: MeasuredDraw[] = [];
  for (const ticket of tickets) {
    const tally = auditedCounty?.precincts.find((precinct) => precinct.precinct === ticket.batch) as AuditPrecinct;
    const unknown = [...tally.counts.keys()].filter((candidate) => !candidates.has(candidate));
    if (unknown.length > 0) {
      return appError(
        'AUDIT_UNKNOWN_CANDIDATE',
        `${auditedFileName}, precinct ${ticket.batch}: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a candidate in the reported results of ${contest.name}; check the spelling.`,
      );
    }
    const reported = batches.find((batch) => batch.name === ticket.batch);
    if (!reported) throw new Error('measureContest: the replanned sample names only reported precincts');
    draws.push({
      ticket: ticket.ticket,
      precinct: ticket.batch,
      random: ticket.random,
      reported: countsOf(reported.votes),
      audited: tally.counts,
    });
  }
  const tallies: HandTallies = new Map(draws.map((draw) => [draw.precinct, draw.audited]));
  const assessed = assessRounds({ alpha, plan: contestPlan, rounds, tallies });
  if (!assessed.ok) return assessed;
  return ok({
    plan: contestPlan,
    draws,
    measurement: assessed.value.measurement,
    verdict: assessed.value.verdict,
    rounds,
  });
}

function countsOf(votes: Votes): Map<string, number> {
  return new Map([...votes].map(([candidate, value]) => [candidate, Number(value.num / value.den)]));
}
