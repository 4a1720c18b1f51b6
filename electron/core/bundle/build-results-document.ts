import type { CountyView } from '../county/county-view';
import { currentPrecinctResults } from '../county/current-results';
import type { BundleStatus } from '../model/bundle-status';
import { RESULTS_SCHEMA_ID, type ResultsDocument } from './results-document';
import { totalsFromPrecinctsWithFindings, totalsOf } from './results-totals';

export interface BundleIdentity {
  readonly sequence: number;
  readonly status: BundleStatus;
  /** UTC, whole seconds (NIST's DateTimeWithZone has no fractions). */
  readonly generatedAt: string;
  readonly appVersion: string;
  readonly keyId: string;
}

/**
 * data/results.json from the county as it stands: every precinct (with or without a result), the
 * standing report's numbers with delegates and SDEs filled in as the results CSV has them, the
 * findings the county saw, and totals.
 */
export function buildResultsDocument(
  view: CountyView,
  bundle: BundleIdentity,
  auditLog: ResultsDocument['auditLog'],
): ResultsDocument {
  const current = new Map(currentPrecinctResults(view).map((result) => [result.precinct, result]));
  const candidates = view.candidates.map((candidate) => ({ name: candidate.name, ballotOrder: candidate.ballotOrder }));
  const precincts: ResultsDocument['precincts'] = view.precincts.map((precinct) => {
    const result = current.get(precinct.precinct.code);
    return {
      code: precinct.precinct.code,
      name: precinct.precinct.name,
      delegates: precinct.precinct.delegates,
      status: precinct.status,
      result:
        result && precinct.current
          ? {
              source: precinct.current.source,
              reportSha256: precinct.current.sha256,
              receivedAt: precinct.current.receivedAt,
              lines: result.lines.map((line) => ({
                candidate: line.candidate,
                firstAlignment: line.firstAlignment,
                finalAlignment: line.finalAlignment,
                delegatesAwarded: line.delegatesAwarded,
                sde: line.sde,
              })),
              coinTosses: (result.coinTosses ?? []).map((toss) => ({
                tied: [...toss.tied],
                winners: [...toss.winners],
              })),
            }
          : null,
      findings: precinct.findings.map((finding) => ({
        code: finding.code,
        ...(finding.candidate === undefined ? {} : { candidate: finding.candidate }),
        message: finding.message,
      })),
    };
  });
  return {
    schema: RESULTS_SCHEMA_ID,
    county: view.election.county,
    election: {
      name: view.election.name,
      date: view.election.date,
      rulesProfile: view.election.rulesProfile,
      sdePerDelegate: view.election.sdePerDelegate,
    },
    bundle: { ...bundle },
    candidates,
    precincts,
    precinctsReporting: precincts.filter((precinct) => precinct.result !== null).length,
    totals: totalsOf(candidates, precincts),
    totalsFromPrecinctsWithFindings: totalsFromPrecinctsWithFindings(candidates, precincts),
    auditLog,
  };
}
