import type { ReportedBatch } from './batch';
import { type BatchDiscrepancy, batchDiscrepancy } from './batch-error';
import { type Bound, isInfinite } from './bound';
import type { MacroContest, Votes } from './contest';
import { maxError } from './max-error';
import { compare, divide, isZero, multiply, ONE, type Rational, subtract, toNumber, ZERO } from './rational';
import { totalErrorBound } from './total-error-bound';
import { unauditableBallots } from './unauditable-ballots';

/** One draw of the sample with the hand tally of its batch (a batch drawn twice is two draws). */
export interface AuditedDraw {
  readonly ticket: number;
  readonly batch: string;
  readonly audited: Votes;
}

/** What one draw contributed: the discrepancy, e_p, u_p and the taint e_p / u_p. */
export interface DrawMeasurement {
  readonly ticket: number;
  readonly batch: string;
  readonly discrepancy: BatchDiscrepancy | null;
  /** e_p: the weighted error counted, 0 when the error favoured the loser (Arlo counts those as 0). */
  readonly weightedError: Bound;
  readonly maxError: Bound;
  /** e_p / u_p; null when it could not be formed because a bound is infinite. */
  readonly taint: Rational | null;
}

export type RiskMeasurement =
  | {
      /** Every batch was hand counted: the hand count is the result (Arlo returns p = 0). */
      readonly kind: 'full-hand-count-done';
      readonly pValue: 0;
      readonly confirmed: true;
      readonly draws: readonly DrawMeasurement[];
    }
  | {
      readonly kind: 'measured';
      /** The exact product, or infinite once a draw has taint 1 or more. */
      readonly risk: Bound;
      /** min(risk, 1) as a double, as Arlo reports it. */
      readonly pValue: number;
      readonly confirmed: boolean;
      readonly draws: readonly DrawMeasurement[];
    }
  | {
      /** A margin of zero or less (a tie): only a full hand count can confirm the outcome. */
      readonly kind: 'full-hand-count-required';
      readonly pValue: 1;
      readonly confirmed: false;
      readonly draws: readonly DrawMeasurement[];
    };

/**
 * The measured risk of a batch-comparison sample (Arlo: macro.compute_risk):
 * p = product over draws of (1 - 1/U) / (1 - taint_p), taint_p = e_p / u_p; the outcome is
 * confirmed when p <= alpha.
 *
 * One guard Arlo does not have: a taint of 1 or more (possible only when a hand tally has more
 * votes than the batch had ballots) makes p infinite, never a negative factor.
 */
export function measureRisk(input: {
  readonly alpha: Rational;
  readonly contest: MacroContest;
  readonly batches: readonly ReportedBatch[];
  readonly draws: readonly AuditedDraw[];
}): RiskMeasurement {
  const { alpha, contest, batches, draws } = input;
  const byName = new Map(batches.map((batch) => [batch.name, batch]));
  const unauditable = unauditableBallots(contest, batches);
  const measured = draws.map((draw) => measureDraw(draw, byName, contest, unauditable));

  const auditedBatches = new Set(draws.map((draw) => draw.batch));
  if (batches.length > 0 && batches.every((batch) => auditedBatches.has(batch.name))) {
    return { kind: 'full-hand-count-done', pValue: 0, confirmed: true, draws: measured };
  }
  const total = totalErrorBound(contest, batches);
  if (isInfinite(total) || measured.some((draw) => draw.taint === null)) {
    return { kind: 'full-hand-count-required', pValue: 1, confirmed: false, draws: measured };
  }
  const perDrawClean = subtract(ONE, divide(ONE, total));
  let risk: Bound = ONE;
  for (const draw of measured) {
    const taint = draw.taint as Rational;
    if (isInfinite(risk) || compare(taint, ONE) >= 0) {
      risk = 'infinite';
      continue;
    }
    risk = multiply(risk, divide(perDrawClean, subtract(ONE, taint)));
  }
  const pValue = isInfinite(risk) ? 1 : Math.min(toNumber(risk), 1);
  const confirmed = !isInfinite(risk) && compare(risk, alpha) <= 0;
  return { kind: 'measured', risk, pValue, confirmed, draws: measured };
}

function measureDraw(
  draw: AuditedDraw,
  byName: ReadonlyMap<string, ReportedBatch>,
  contest: MacroContest,
  unauditable: Rational,
): DrawMeasurement {
  const batch = byName.get(draw.batch);
  if (!batch) throw new Error(`measureRisk: draw of unknown batch ${draw.batch}`);
  const discrepancy = batchDiscrepancy(batch.votes, draw.audited, contest, unauditable);
  const weightedError: Bound = discrepancy && compare(discrepancy.votes, ZERO) > 0 ? discrepancy.weighted : ZERO;
  const bound = maxError(batch, contest, unauditable);
  let taint: Rational | null = null;
  if (!isInfinite(weightedError) && !isInfinite(bound)) {
    if (isZero(bound)) taint = isZero(weightedError) ? ZERO : null;
    else taint = divide(weightedError, bound);
  }
  return { ticket: draw.ticket, batch: draw.batch, discrepancy, weightedError, maxError: bound, taint };
}
