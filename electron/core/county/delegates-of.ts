import { allocateDelegates } from '../rules/allocation';
import type { PrecinctResult, RulesProfileId } from '../rules/types';

/**
 * The delegates a precinct's result stands for: as reported (delegates, or SDEs / SDE per delegate
 * when only SDEs are given), otherwise as the rules compute them from the counts and recorded
 * coin tosses. Null when neither is possible (a coin toss not yet recorded, counts incomplete).
 */
export function delegatesOf(profile: RulesProfileId, result: PrecinctResult): Record<string, number> | null {
  if (profile === 'plurality') return null;
  const lines = result.lines;
  if (lines.length > 0 && lines.every((line) => line.delegatesAwarded !== null)) {
    return Object.fromEntries(lines.map((line) => [line.candidate, line.delegatesAwarded as number]));
  }
  const ratio = result.sdePerDelegate;
  if (lines.length > 0 && ratio && lines.every((line) => line.sde !== null)) {
    return Object.fromEntries(lines.map((line) => [line.candidate, Math.round((line.sde as number) / ratio)]));
  }
  const d = result.precinctDelegates;
  if (d === null || !lines.every((line) => line.firstAlignment !== null && line.finalAlignment !== null)) return null;
  const allocation = allocateDelegates(
    {
      precinctDelegates: d,
      groups: lines.map((line) => ({
        candidate: line.candidate,
        firstAlignment: line.firstAlignment as number,
        finalAlignment: line.finalAlignment as number,
      })),
    },
    result.coinTosses ?? [],
  );
  return allocation.kind === 'decided' ? { ...allocation.delegates } : null;
}
