import type { ComputedAllocation, WorksheetEvaluation } from '../model/worksheet-evaluation';
import { allocateDelegates } from './allocation';
import { checkPrecinct } from './check';
import { isCount } from './check-iowa';
import type { PrecinctResult, RulesProfileId } from './types';
import { isViable, viabilityRuleText, viabilityThreshold } from './viability';

/**
 * Everything a person keying a worksheet sees update as they type: attendees, threshold,
 * viable groups, the delegates and SDEs the rules give (or the coin toss they need), findings.
 */
export function evaluateWorksheet(profile: RulesProfileId, result: PrecinctResult): WorksheetEvaluation {
  const d = result.precinctDelegates ?? 0;
  const findings = checkPrecinct(profile, result);
  const first = result.lines.map((line) => line.firstAlignment ?? 0);
  const eligibleAttendees = first.reduce((total, value) => total + value, 0);
  const finalTotal = result.lines.reduce((total, line) => total + (line.finalAlignment ?? 0), 0);
  const base = { precinct: result.precinct, precinctDelegates: d, eligibleAttendees, finalTotal, findings };

  if (profile === 'plurality') {
    return {
      ...base,
      threshold: null,
      thresholdRule: 'plurality: no viability threshold',
      viableFirst: [],
      viableFinal: [],
      allocation: { kind: 'not-computable', reason: 'The plurality profile counts votes only; it has no delegates.' },
    };
  }

  const threshold = viabilityThreshold(eligibleAttendees, d);
  const viableFirst = result.lines
    .filter((line) => isViable(line.firstAlignment ?? 0, threshold))
    .map((line) => line.candidate);
  const viableFinal = result.lines
    .filter((line) => isViable(line.finalAlignment ?? 0, threshold))
    .map((line) => line.candidate);
  return {
    ...base,
    threshold,
    thresholdRule: viabilityRuleText(d),
    viableFirst: d === 1 ? [] : viableFirst,
    viableFinal: d === 1 ? [] : viableFinal,
    allocation: computeAllocation(result),
  };
}

function computeAllocation(result: PrecinctResult): ComputedAllocation {
  const d = result.precinctDelegates;
  const countsComplete = result.lines.every((line) => isWhole(line.firstAlignment) && isWhole(line.finalAlignment));
  if (d === null || !isWhole(d) || !countsComplete) {
    return { kind: 'not-computable', reason: 'Enter every first and final alignment count to see the delegates.' };
  }
  const groups = result.lines.map((line) => ({
    candidate: line.candidate,
    firstAlignment: line.firstAlignment as number,
    finalAlignment: line.finalAlignment as number,
  }));
  const allocation = allocateDelegates({ precinctDelegates: d, groups }, result.coinTosses ?? []);
  if (allocation.kind === 'coin-toss-needed') return allocation;
  const ratio = result.sdePerDelegate ?? 0;
  const sde = Object.fromEntries(
    Object.entries(allocation.delegates).map(([candidate, delegates]) => [candidate, delegates * ratio]),
  );
  return { kind: 'decided', delegates: allocation.delegates, sde, coinTosses: allocation.coinTosses };
}

function isWhole(value: number | null): value is number {
  return value !== null && isCount(value);
}
