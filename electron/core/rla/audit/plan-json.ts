import { z } from 'zod';
import { type AppError, appError, ok, type Result } from '../../result';
import { RULES_PROFILES, type RulesProfileId } from '../../rules/types';
import { isInfinite } from '../math/bound';
import { toFractionText, toNumber } from '../math/rational';
import type { AuditPlan } from './plan-audit';

/**
 * What `tallyroom audit plan --json` prints (the contract, with additions):
 * {"riskLimit","rules","seed","contests":[{"name","winner","winners","U","UExact","sampleSize",
 *  "fullHandCount","precincts"}],"sample":[{"ticket","precinct","county","random"}]}.
 * U is null (and fullHandCount true) when a margin is zero; "sample" only when a seed was given.
 */
const planJsonSchema = z.object({
  riskLimit: z.number(),
  rules: z.enum(RULES_PROFILES),
  seed: z.string().nullable(),
  contests: z.array(
    z.object({
      name: z.string(),
      winner: z.string(),
      winners: z.array(z.string()),
      U: z.number().nullable(),
      UExact: z.string().nullable(),
      sampleSize: z.number().int().nonnegative(),
      fullHandCount: z.boolean(),
      precincts: z.number().int().nonnegative(),
    }),
  ),
  sample: z
    .array(
      z.object({
        ticket: z.number().int().positive(),
        precinct: z.string(),
        county: z.string(),
        random: z.string().nullable(),
        /** Absent for the first round; 2, 3, ... for the rounds "audit next-round" drew. */
        round: z.number().int().min(2).optional(),
      }),
    )
    .optional(),
});

export type PlanJson = z.infer<typeof planJsonSchema>;

export function planToJson(plan: AuditPlan, riskLimitPercent: number, rules: RulesProfileId): PlanJson {
  const contests = plan.contests.map((entry) => ({
    name: entry.contest.name,
    winner: entry.contest.winners[0] as string,
    winners: [...entry.contest.winners],
    U: isInfinite(entry.totalErrorBound) ? null : toNumber(entry.totalErrorBound),
    UExact: isInfinite(entry.totalErrorBound) ? null : toFractionText(entry.totalErrorBound),
    sampleSize: entry.sampleSize.draws,
    fullHandCount: entry.sampleSize.kind === 'full-hand-count',
    precincts: entry.batches.length,
  }));
  const json: PlanJson = { riskLimit: riskLimitPercent, rules, seed: plan.seed, contests };
  if (plan.seed !== null) {
    json.sample = plan.contests.flatMap((entry) =>
      (entry.sample ?? []).map((ticket) => ({
        ticket: ticket.ticket,
        precinct: ticket.batch,
        county: entry.contest.name,
        random: ticket.random,
      })),
    );
  }
  return json;
}

export function parsePlanJson(fileName: string, text: string): Result<PlanJson, AppError> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return appError(
      'AUDIT_PLAN_UNREADABLE',
      `${fileName} is not JSON; give the file "tallyroom audit plan --json" printed.`,
    );
  }
  const parsed = planJsonSchema.safeParse(raw);
  if (!parsed.success) {
    return appError(
      'AUDIT_PLAN_UNREADABLE',
      `${fileName} is not an audit plan (${parsed.error.issues[0]?.path.join('.') || 'top level'}: ${parsed.error.issues[0]?.message}); give the file "tallyroom audit plan --json" printed.`,
    );
  }
  return ok(parsed.data);
}
