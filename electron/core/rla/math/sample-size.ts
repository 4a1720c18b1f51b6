import type { ReportedBatch } from './batch';
import { isInfinite } from './bound';
import type { MacroContest } from './contest';
import type { RiskMeasurement } from './measured-risk';
import { compare, divide, multiply, ONE, power, type Rational, subtract, toNumber } from './rational';
import { totalErrorBound } from './total-error-bound';

export type SampleSize =
  /** The risk measured so far already meets the limit: no more draws (Arlo returns 0). */
  | { readonly kind: 'risk-limit-met'; readonly draws: 0 }
  /** Draw this many more batches, with replacement. */
  | { readonly kind: 'draws'; readonly draws: number }
  /** Hand count every batch (Arlo returns the number of batches): a zero margin, or a sample as large. */
  | { readonly kind: 'full-hand-count'; readonly draws: number; readonly reason: 'zero-margin' | 'sample-covers-all' };

/**
 * Draws for the next round (Arlo: macro.get_sample_sizes): the least n with
 * risk x (1 - 1/U)^n <= alpha, i.e. n = ceil((ln alpha - ln risk) / ln(1 - 1/U)), plus 1 to allow
 * for small discrepancies, at most the number of batches. Before the first round risk = 1, so
 * n = ceil(ln alpha / ln(1 - 1/U)) + 1.
 *
 * The ceiling is exact: a floating-point estimate is checked, and corrected, with fractions.
 */
export function nextSampleSize(input: {
  readonly alpha: Rational;
  readonly contest: MacroContest;
  readonly batches: readonly ReportedBatch[];
  /** The risk measured in the rounds so far; omit before the first round. */
  readonly measured?: RiskMeasurement;
}): SampleSize {
  const { alpha, contest, batches, measured } = input;
  if (measured?.kind === 'full-hand-count-done') return { kind: 'risk-limit-met', draws: 0 };
  const total = totalErrorBound(contest, batches);
  if (isInfinite(total)) return { kind: 'full-hand-count', draws: batches.length, reason: 'zero-margin' };
  if (measured?.confirmed) return { kind: 'risk-limit-met', draws: 0 };
  if (measured?.kind === 'full-hand-count-required') {
    return { kind: 'full-hand-count', draws: batches.length, reason: 'zero-margin' };
  }
  // Arlo uses min(p, 1) as the risk carried into the next round.
  const risk = measured && !isInfinite(measured.risk) && compare(measured.risk, ONE) < 0 ? measured.risk : ONE;
  if (compare(total, ONE) <= 0) throw new Error('nextSampleSize: U <= 1 cannot happen with ballots >= votes');
  const perDrawClean = subtract(ONE, divide(ONE, total));
  const draws = leastDrawsToMeet(alpha, risk, perDrawClean) + 1;
  return draws >= batches.length
    ? { kind: 'full-hand-count', draws: batches.length, reason: 'sample-covers-all' }
    : { kind: 'draws', draws };
}

/** The least whole n >= 0 with risk x factor^n <= alpha, for 0 < factor < 1. */
function leastDrawsToMeet(alpha: Rational, risk: Rational, factor: Rational): number {
  const meets = (n: number) => compare(multiply(risk, power(factor, n)), alpha) <= 0;
  const estimate = Math.log(toNumber(divide(alpha, risk))) / Math.log1p(-toNumber(subtract(ONE, factor)));
  let n = Math.max(0, Math.ceil(estimate));
  while (n > 0 && meets(n - 1)) n -= 1;
  while (!meets(n)) n += 1;
  return n;
}
