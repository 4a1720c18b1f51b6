/**
 * The chair resolves a conflict: chooses one report's numbers, or types the right numbers (stored
 * first as a report of the chair's own), with a reason. A new record: the reports stay as received.
 */

import { buildCountyView } from '../county/county-view';
import { ledgerDigestOf } from '../integrity/ledger-digest';
import type { CoinToss } from '../model/precinct-result';
import type { WorksheetLine } from '../model/report';
import type { ResolvedDiscrepancy } from '../model/verification';
import type { SignedIn } from '../operators/sessions';
import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { insertResolution } from '../store/verification-records';
import { submitWorksheet } from '../worksheet/submit-worksheet';
import { standingReports } from './discrepancies';

export interface ResolutionRequest {
  readonly precinct: string;
  /** The reports the chair compared: refused when another arrived meanwhile. */
  readonly settles: readonly number[];
  readonly chosenReportId?: number | undefined;
  readonly lines?: readonly WorksheetLine[] | undefined;
  readonly coinTosses?: readonly CoinToss[] | undefined;
  readonly reason: string;
}

export function resolveDiscrepancy(
  store: CountyStore,
  chair: SignedIn,
  request: ResolutionRequest,
  at: string,
): Result<ResolvedDiscrepancy, AppError> {
  const election = store.getElection();
  if (!election) return appError('NO_COUNTY', 'Set up the county first.');
  const precinct = store.findPrecinct(request.precinct);
  if (!precinct)
    return appError('UNKNOWN_PRECINCT', `There is no precinct "${request.precinct}" in ${election.county}.`);
  const view = buildCountyView(store, election, precinct).precincts[0];
  if (view?.status !== 'conflict') {
    return appError(
      'NOT_IN_CONFLICT',
      `Precinct ${precinct.code} is ${view?.status ?? 'missing'}, not in conflict: there is nothing to resolve.`,
    );
  }
  const all = view.reports.map((report) => report.id);
  const unseen = all.filter((id) => !request.settles.includes(id));
  if (unseen.length > 0) {
    return appError(
      'NEW_REPORT_ARRIVED',
      `Report ${unseen.join(', ')} for precinct ${precinct.code} arrived while you were comparing. Nothing was resolved; look at it too, then resolve.`,
    );
  }
  if ((request.chosenReportId === undefined) === (request.lines === undefined)) {
    return appError('INVALID_INPUT', 'Choose one report’s numbers, or type the right numbers, not both.');
  }
  if (
    request.chosenReportId !== undefined &&
    !standingReports(view).some((report) => report.id === request.chosenReportId)
  ) {
    return appError(
      'UNKNOWN_REPORT',
      `Report ${request.chosenReportId} is not one of the reports in conflict for precinct ${precinct.code}.`,
    );
  }
  const reason = request.reason.trim();
  return store.transaction(() => {
    let chosenReportId = request.chosenReportId;
    if (request.lines !== undefined) {
      const entered = submitWorksheet(
        store,
        {
          precinct: precinct.code,
          lines: request.lines,
          coinTosses: request.coinTosses ?? [],
          operator: chair.name,
          source: 'manual',
          purpose: { kind: 'resolution', reason },
        },
        at,
      );
      if (!entered.ok) return entered;
      chosenReportId = entered.value.reportId;
    }
    if (chosenReportId === undefined) throw new Error('a resolution without numbers');
    const settles = [...new Set([...all, chosenReportId])];
    const resolutionId = insertResolution(store, {
      precinctId: precinct.id,
      chosenReportId,
      reason,
      operator: chair.name,
      resolvedAt: at,
      settles,
    });
    store.appendAudit({
      at,
      operator: chair.name,
      action: 'discrepancy.resolved',
      payload: {
        resolutionId,
        precinct: precinct.code,
        chosenReportId,
        entered: request.lines !== undefined,
        settles,
        reason,
        numbersSha256: ledgerDigestOf(store, 'resolution', resolutionId),
      },
    });
    const after = buildCountyView(store, election, precinct).precincts[0];
    return ok({ resolutionId, chosenReportId, status: after?.status ?? 'received' });
  });
}
