import { isDeepStrictEqual } from 'node:util';
import { type AppError, appError, ok, type Result } from '../../result';
import type { RulesProfileId } from '../../rules/types';
import { buildContest, type Votes } from '../math/contest';
import { type AuditedDraw, measureRisk, type RiskMeasurement } from '../math/measured-risk';
import { integer, type Rational } from '../math/rational';
import { nextSampleSize } from '../math/sample-size';
import type { AuditCounty, AuditPrecinct } from './audit-results-file';
import { contestName } from './county-contest';
import { type ContestPlan, planAudit } from './plan-audit';
import { type PlanJson, planToJson } from './plan-json';
import { checkSeed, riskLimitAlpha } from './risk-limit';
import { type Verdict, verdictOf } from './verdict';

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
  if (!isDeepStrictEqual(planToJson(replanned.value, plan.riskLimit, plan.rules), plan)) {
    return appError(
      'AUDIT_PLAN_MISMATCH',
      `${input.planFileName} is not the plan these reported results and seed give; use the reported file the plan was made from, and the plan exactly as "tallyroom audit plan --json" printed it.`,
    );
  }

  const contests: ContestMeasurement[] = [];
  for (const contestPlan of replanned.value.contests) {
    const measured = measureContest(contestPlan, plan, input.audited, input.auditedFileName, alpha.value);
    if (!measured.ok) return measured;
    contests.push(measured.value);
  }
  return ok({ riskLimit: plan.riskLimit, alpha: alpha.value, seed: seed.value, rules: plan.rules, contests });
}

function measureContest(
  contestPlan: ContestPlan,
  plan: PlanJson,
  audited: readonly AuditCounty[],
  auditedFileName: string,
  alpha: Rational,
): Result<ContestMeasurement, AppError> {
  const { contest, batches } = contestPlan;
  const tickets = (plan.sample ?? []).filter((ticket) => ticket.county === contest.name);
  const auditedCounty = audited.find((county) => contestName(county.county) === contest.name);
  const missing = tickets.filter(
    (ticket) => !auditedCounty?.precincts.some((precinct) => precinct.precinct === ticket.precinct),
  );
  if (missing.length > 0) {
    const names = [...new Set(missing.map((ticket) => ticket.precinct))];
    return appError(
      'AUDIT_TALLY_MISSING',
      `${auditedFileName} has no hand tally for sampled precinct${names.length === 1 ? '' : 's'} ${names.join(', ')} of ${contest.name}; enter the hand count of every sampled precinct.`,
    );
  }
  const candidates = new Set(contest.totals.keys());
  const draws: MeasuredDraw[] = [];
  const auditedDraws: AuditedDraw[] = [];
  for (const ticket of tickets) {
    const tally = auditedCounty?.precincts.find((precinct) => precinct.precinct === ticket.precinct) as AuditPrecinct;
    const unknown = [...tally.counts.keys()].filter((candidate) => !candidates.has(candidate));
    if (unknown.length > 0) {
      return appError(
        'AUDIT_UNKNOWN_CANDIDATE',
        `${auditedFileName}, precinct ${ticket.precinct}: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a candidate in the reported results of ${contest.name}; check the spelling.`,
      );
    }
    const reported = batches.find((batch) => batch.name === ticket.precinct);
    if (!reported) throw new Error('measureContest: the replanned sample names only reported precincts');
    draws.push({
      ticket: ticket.ticket,
      precinct: ticket.precinct,
      random: ticket.random,
      reported: countsOf(reported.votes),
      audited: tally.counts,
    });
    auditedDraws.push({ ticket: ticket.ticket, batch: ticket.precinct, audited: toVotes(tally.counts) });
  }
  const measurement = measureRisk({ alpha, contest, batches, draws: auditedDraws });
  const nextRound = nextSampleSize({ alpha, contest, batches, measured: measurement });
  let verdict = verdictOf({ measurement, nextRound, drawsSoFar: tickets.length, precincts: batches.length });
  if (measurement.kind === 'full-hand-count-done') verdict = handCountVerdict(contestPlan, auditedCounty);
  return ok({ plan: contestPlan, draws, measurement, verdict });
}

/**
 * Every precinct was hand counted: the hand count is the result. Arlo stops there (p = 0); we also
 * say plainly when the hand count's winners are not the reported ones.
 */
function handCountVerdict(contestPlan: ContestPlan, auditedCounty: AuditCounty | undefined): Verdict {
  const totals = new Map([...contestPlan.contest.totals.keys()].map((candidate) => [candidate, 0]));
  for (const batch of contestPlan.batches) {
    const tally = auditedCounty?.precincts.find((precinct) => precinct.precinct === batch.name);
    for (const [candidate, count] of tally?.counts ?? []) totals.set(candidate, (totals.get(candidate) ?? 0) + count);
  }
  const handCount = buildContest({
    name: contestPlan.contest.name,
    totals: toVotes(totals),
    numberOfWinners: contestPlan.contest.winners.length,
  });
  if (!handCount.ok) return { kind: 'outcome-changed', handCountWinners: [] };
  const lastWinner = handCount.value.winners.at(-1) as string;
  const tied = [...totals].filter(([, votes]) => votes === totals.get(lastWinner)).map(([candidate]) => candidate);
  if (tied.some((candidate) => handCount.value.losers.includes(candidate))) return { kind: 'hand-count-tied', tied };
  const sameWinners = isDeepStrictEqual([...handCount.value.winners].sort(), [...contestPlan.contest.winners].sort());
  return sameWinners ? { kind: 'confirmed' } : { kind: 'outcome-changed', handCountWinners: handCount.value.winners };
}

function toVotes(counts: ReadonlyMap<string, number>): Votes {
  return new Map([...counts].map(([candidate, count]) => [candidate, integer(count)]));
}

function countsOf(votes: Votes): Map<string, number> {
  return new Map([...votes].map(([candidate, value]) => [candidate, Number(value.num / value.den)]));
}
