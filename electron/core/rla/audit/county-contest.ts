import type { AppError, Result } from '../../result';
import { ok } from '../../result';
import type { ReportedBatch } from '../math/batch';
import { buildContest, type MacroContest } from '../math/contest';
import { add, integer, type Rational, ZERO } from '../math/rational';
import type { AuditCounty } from './audit-results-file';

/** The name a county's contest has when the file's county column is empty. */
export const UNNAMED_COUNTY = '(no county)';

/**
 * One county of the reported file as a MACRO contest: the totals are its precincts' counts added
 * up (so no ballot is unauditable), each precinct is a batch. A candidate missing from a precinct
 * has 0 there.
 */
export function countyContest(
  county: AuditCounty,
  options: { readonly numberOfWinners?: number; readonly pendingBallots?: number } = {},
): Result<{ contest: MacroContest; batches: ReportedBatch[] }, AppError> {
  const totals = new Map<string, Rational>(county.candidates.map((candidate) => [candidate, ZERO]));
  for (const precinct of county.precincts) {
    for (const [candidate, count] of precinct.counts) {
      totals.set(candidate, add(totals.get(candidate) ?? ZERO, integer(count)));
    }
  }
  const contest = buildContest({
    name: contestName(county.county),
    totals,
    numberOfWinners: options.numberOfWinners ?? 1,
    pendingBallots: options.pendingBallots ?? 0,
  });
  if (!contest.ok) return contest;
  const batches = county.precincts.map((precinct) => ({
    name: precinct.precinct,
    votes: new Map([...precinct.counts].map(([candidate, count]) => [candidate, integer(count)])),
    ballots: integer(precinct.ballots ?? 0),
  }));
  return ok({ contest: contest.value, batches });
}

export function contestName(county: string): string {
  return county === '' ? UNNAMED_COUNTY : county;
}
