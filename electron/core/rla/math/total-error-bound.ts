import type { ReportedBatch } from './batch';
import { type Bound, INFINITE, isInfinite } from './bound';
import type { MacroContest } from './contest';
import { maxError } from './max-error';
import { add, ZERO } from './rational';
import { unauditableBallots } from './unauditable-ballots';

/** U = sum of u_p over all batches (Arlo: macro.compute_U); infinite if any u_p is. */
export function totalErrorBound(contest: MacroContest, batches: readonly ReportedBatch[]): Bound {
  const unauditable = unauditableBallots(contest, batches);
  let total: Bound = ZERO;
  for (const batch of batches) {
    const bound = maxError(batch, contest, unauditable);
    if (isInfinite(bound)) return INFINITE;
    total = add(total as Exclude<Bound, typeof INFINITE>, bound);
  }
  return total;
}
