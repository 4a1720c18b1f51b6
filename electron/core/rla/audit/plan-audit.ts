import { type AppError, ok, type Result } from '../../result';
import type { ReportedBatch } from '../math/batch';
import type { Bound } from '../math/bound';
import type { MacroContest } from '../math/contest';
import { maxError } from '../math/max-error';
import type { Rational } from '../math/rational';
import { nextSampleSize, type SampleSize } from '../math/sample-size';
import { totalErrorBound } from '../math/total-error-bound';
import { unauditableBallots } from '../math/unauditable-ballots';
import { drawPpebSample, type SampleTicket } from '../sampling/ppeb-sample';
import type { AuditCounty } from './audit-results-file';
import { countyContest } from './county-contest';

/** The first round of one contest (one county): error bounds, sample size and, with a seed, the draw. */
export interface ContestPlan {
  readonly contest: MacroContest;
  readonly batches: readonly ReportedBatch[];
  readonly maxErrors: ReadonlyMap<string, Bound>;
  readonly totalErrorBound: Bound;
  readonly sampleSize: SampleSize;
  /** Null without a seed. */
  readonly sample: readonly SampleTicket[] | null;
}

export interface AuditPlan {
  readonly alpha: Rational;
  readonly seed: string | null;
  readonly contests: readonly ContestPlan[];
}

/** Plans the first round for every county in the reported file (Arlo: get_sample_sizes, draw_ppeb_sample). */
export function planAudit(input: {
  readonly reported: readonly AuditCounty[];
  readonly alpha: Rational;
  readonly seed: string | null;
}): Result<AuditPlan, AppError> {
  const contests: ContestPlan[] = [];
  for (const county of input.reported) {
    const built = countyContest(county);
    if (!built.ok) return built;
    contests.push(planContest(built.value.contest, built.value.batches, input.alpha, input.seed));
  }
  return ok({ alpha: input.alpha, seed: input.seed, contests });
}

export function planContest(
  contest: MacroContest,
  batches: readonly ReportedBatch[],
  alpha: Rational,
  seed: string | null,
): ContestPlan {
  const unauditable = unauditableBallots(contest, batches);
  const maxErrors = new Map(batches.map((batch) => [batch.name, maxError(batch, contest, unauditable)]));
  const sampleSize = nextSampleSize({ alpha, contest, batches });
  const sample =
    seed === null
      ? null
      : drawPpebSample({
          seed,
          contestName: contest.name,
          batches: batches.map((batch) => ({ name: batch.name, maxError: maxErrors.get(batch.name) as Bound })),
          draws: sampleSize.draws,
        });
  return { contest, batches, maxErrors, totalErrorBound: totalErrorBound(contest, batches), sampleSize, sample };
}
