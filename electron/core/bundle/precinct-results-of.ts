import type { PrecinctResult } from '../rules/types';
import type { ResultsDocument } from './results-document';

/** The precincts of results.json that have a standing result, in the shape the rules check. */
export function precinctResultsOf(document: ResultsDocument): PrecinctResult[] {
  return document.precincts.flatMap((precinct) =>
    precinct.result
      ? [
          {
            county: document.county,
            precinct: precinct.code,
            precinctDelegates: precinct.delegates,
            sdePerDelegate: document.election.sdePerDelegate,
            lines: precinct.result.lines,
            coinTosses: precinct.result.coinTosses,
          },
        ]
      : [],
  );
}
