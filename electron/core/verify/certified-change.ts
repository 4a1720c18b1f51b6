/**
 * Recounts and corrections: the only ways a certified result changes, each a new report plus a
 * record of who, when and why. A recount before certification is simply another paper report.
 */

import { buildCountyView } from '../county/county-view';
import { ledgerDigestOf } from '../integrity/ledger-digest';
import type { CoinToss } from '../model/precinct-result';
import type { SubmittedReport, WorksheetLine } from '../model/report';
import type { SignedIn } from '../operators/sessions';
import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { insertCertifiedChange } from '../store/verification-records';
import { submitWorksheet } from '../worksheet/submit-worksheet';

export interface ChangeRequest {
  readonly precinct: string;
  readonly lines: readonly WorksheetLine[];
  readonly coinTosses: readonly CoinToss[];
  readonly reason: string;
}

/** A hand count of the paper (source `recount`) by a recount verifier or the chair. */
export function enterRecount(
  store: CountyStore,
  verifier: SignedIn,
  request: ChangeRequest,
  at: string,
): Result<SubmittedReport, AppError> {
  return changeResult(store, verifier, request, 'recount', at);
}

/** The chair corrects a certified result (a mistake found in it), PIN typed again. */
export function correctCertifiedResult(
  store: CountyStore,
  chair: SignedIn,
  request: ChangeRequest,
  at: string,
): Result<SubmittedReport, AppError> {
  return changeResult(store, chair, request, 'correction', at);
}

function changeResult(
  store: CountyStore,
  who: SignedIn,
  request: ChangeRequest,
  kind: 'recount' | 'correction',
  at: string,
): Result<SubmittedReport, AppError> {
  const election = store.getElection();
  if (!election) return appError('NO_COUNTY', 'Set up the county first.');
  const precinct = store.findPrecinct(request.precinct);
  if (!precinct)
    return appError('UNKNOWN_PRECINCT', `There is no precinct "${request.precinct}" in ${election.county}.`);
  const before = buildCountyView(store, election, precinct).precincts[0];
  const certification = before?.status === 'certified' ? before.verification.certification : null;
  if (kind === 'correction' && !certification) {
    return appError(
      'NOT_CERTIFIED',
      `Precinct ${precinct.code} is not certified; correct it by keying the worksheet again, and the chair resolves the conflict.`,
    );
  }
  const reason = request.reason.trim();
  return store.transaction(() => {
    const saved = submitWorksheet(
      store,
      {
        precinct: precinct.code,
        lines: request.lines,
        coinTosses: request.coinTosses,
        operator: who.name,
        source: kind === 'recount' ? 'recount' : 'manual',
        purpose: { kind, reason },
      },
      at,
    );
    if (!saved.ok) return saved;
    if (!certification) return saved;
    const changeId = insertCertifiedChange(store, {
      precinctId: precinct.id,
      certificationId: certification.id,
      kind,
      reportId: saved.value.reportId,
      operator: who.name,
      changedAt: at,
      reason,
    });
    store.appendAudit({
      at,
      operator: who.name,
      action: kind === 'recount' ? 'certified-result.recounted' : 'certified-result.corrected',
      payload: {
        precinct: precinct.code,
        certificationId: certification.id,
        reportId: saved.value.reportId,
        reason,
        before: before?.current?.lines ?? null,
        after: request.lines,
        changeId,
        numbersSha256: ledgerDigestOf(store, 'certified-change', changeId),
      },
    });
    const after = buildCountyView(store, election, precinct).precincts[0];
    return ok({
      ...saved.value,
      status: after?.status ?? 'certified',
      findings: after?.findings ?? saved.value.findings,
    });
  });
}
