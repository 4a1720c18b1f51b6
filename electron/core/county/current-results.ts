import type { PrecinctResult } from '../rules/types';
import type { CountyView } from './county-view';
import { delegatesOfViewResult } from './county-view-cache';

/**
 * The county's current precinct results in the results-file shape: each settled precinct's
 * standing report, with delegates as reported or as the rules give them, and SDEs to 4 places.
 * Precincts missing or in conflict are left out: they have no number to stand for them.
 */
export function currentPrecinctResults(view: CountyView): PrecinctResult[] {
  const results: PrecinctResult[] = [];
  for (const precinct of view.precincts) {
    if (!precinct.result) continue;
    const delegates = delegatesOfViewResult(view.election.rulesProfile, precinct.result);
    results.push({
      ...precinct.result,
      lines: precinct.result.lines.map((line) => {
        const awarded = delegates?.[line.candidate] ?? null;
        return {
          ...line,
          delegatesAwarded: awarded,
          sde: line.sde ?? (awarded === null ? null : roundSde(awarded * view.election.sdePerDelegate)),
        };
      }),
    });
  }
  return results;
}

function roundSde(value: number): number {
  return Math.round(value * 10000) / 10000;
}
