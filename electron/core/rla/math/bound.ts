import { compare, type Rational } from './rational';

/**
 * A batch's error bound or weighted error: a fraction, or infinite when the margin it is measured
 * against is zero or less (Arlo's Decimal("inf") in macro.compute_max_error / compute_error).
 */
export type Bound = Rational | typeof INFINITE;
export const INFINITE = 'infinite' as const;

export const isInfinite = (value: Bound): value is typeof INFINITE => value === INFINITE;

export function compareBounds(a: Bound, b: Bound): -1 | 0 | 1 {
  if (isInfinite(a)) return isInfinite(b) ? 0 : 1;
  if (isInfinite(b)) return -1;
  return compare(a, b);
}
