/**
 * Certification: the chair, PIN typed again (checked before this is called: the API's method table
 * asks for it, api/access.ts), declares a verified precinct's result (or the whole
 * county) final. From then on the result changes only through a recorded recount or correction.
 */

import { buildCountyView } from '../county/county-view';
import { requireHealthyCounty } from '../integrity/database-health';
import { ledgerDigestOf } from '../integrity/ledger-digest';
import type { CertifiedPrecinct, CountyCertificationView } from '../model/verification';
import type { SignedIn } from '../operators/sessions';
import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { insertCertification, latestReportId } from '../store/verification-records';

export function certifyPrecinct(
  store: CountyStore,
  chair: SignedIn,
  input: { precinct: string },
  at: string,
): Result<CertifiedPrecinct, AppError> {
  const election = store.getElection();
  if (!election) return appError('NO_COUNTY', 'Set up the county first.');
  const precinct = store.findPrecinct(input.precinct);
  if (!precinct) return appError('UNKNOWN_PRECINCT', `There is no precinct "${input.precinct}" in ${election.county}.`);
  const view = buildCountyView(store, election, precinct).precincts[0];
  if (!view?.current) {
    return appError('NOT_VERIFIED', `Precinct ${precinct.code} has no result to certify: ${view?.statusReason ?? ''}`);
  }
  const recertify = view.status === 'certified' && view.verification.changes.length > 0;
  if (view.status === 'certified' && !recertify) {
    return appError('ALREADY_CERTIFIED', `Precinct ${precinct.code} is already certified; nothing changed since.`);
  }
  if (view.status !== 'verified' && !recertify) {
    return appError(
      'NOT_VERIFIED',
      `Precinct ${precinct.code} is ${view.status}, not verified, so it cannot be certified. ${view.statusReason}`,
    );
  }
  const finding = view.findings[0];
  if (finding) {
    return appError(
      'RESULT_BREAKS_RULES',
      `Precinct ${precinct.code} cannot be certified while its result breaks the caucus rules: ${finding.message}`,
      view.findings,
    );
  }
  const healthy = requireHealthyCounty(store, `certify precinct ${precinct.code}`);
  if (!healthy.ok) return healthy;
  const reportId = view.current.id;
  return store.transaction(() => {
    const certificationId = insertCertification(store, {
      precinctId: precinct.id,
      reportId,
      throughReportId: latestReportId(store),
      operator: chair.name,
      certifiedAt: at,
    });
    store.appendAudit({
      at,
      operator: chair.name,
      action: 'precinct.certified',
      payload: {
        certificationId,
        precinct: precinct.code,
        reportId,
        recertified: recertify,
        lines: view.current?.lines,
        numbersSha256: ledgerDigestOf(store, 'certification', certificationId),
      },
    });
    return ok({ precinct: precinct.code, certificationId, reportId });
  });
}

export function certifyCounty(
  store: CountyStore,
  chair: SignedIn,
  at: string,
): Result<CountyCertificationView, AppError> {
  const election = store.getElection();
  if (!election) return appError('NO_COUNTY', 'Set up the county first.');
  const view = buildCountyView(store, election);
  const open = view.precincts.filter((precinct) => precinct.status !== 'certified');
  if (open.length > 0) {
    const names = open.slice(0, 8).map((precinct) => `${precinct.precinct.code} (${precinct.status})`);
    return appError(
      'NOT_ALL_CERTIFIED',
      `${open.length} precinct${open.length === 1 ? ' is' : 's are'} not certified yet: ${names.join(', ')}${open.length > 8 ? ', …' : ''}. Certify every precinct first.`,
    );
  }
  if (view.countyCertification && !view.countyCertification.changedSince) {
    return appError('ALREADY_CERTIFIED', `${election.county} is already certified; nothing changed since.`);
  }
  const healthy = requireHealthyCounty(store, `certify ${election.county}`);
  if (!healthy.ok) return healthy;
  return store.transaction(() => {
    const certificationId = insertCertification(store, {
      precinctId: null,
      reportId: null,
      throughReportId: latestReportId(store),
      operator: chair.name,
      certifiedAt: at,
    });
    store.appendAudit({
      at,
      operator: chair.name,
      action: 'county.certified',
      payload: {
        certificationId,
        numbersSha256: ledgerDigestOf(store, 'certification', certificationId),
        county: election.county,
        precincts: view.precincts.map((precinct) => ({
          precinct: precinct.precinct.code,
          reportId: precinct.current?.id,
        })),
      },
    });
    return ok({ operator: chair.name, certifiedAt: at, changedSince: false });
  });
}
