/**
 * The audit being worked on: loaded with everything derived from it, the check that the certified
 * results have not changed since it started, and its view for the screens (docs/RLA.md, "The audit in the app").
 */
import { buildCountyView } from '../../county/county-view';
import type { AuditView } from '../../model/risk-limiting-audit';
import { type AppError, appError, ok, type Result } from '../../result';
import { listMeasurements } from '../../store/audit-records';
import type { CountyStore } from '../../store/county-store';
import { type AuditState, loadAuditState } from './audit-state';
import { auditView } from './audit-view';
import { reportedForAudit } from './reported-results';

/** The audit's view for the screens: the newest audit when no id is given, null when none has started. */
export function currentAuditView(store: CountyStore, auditId: number | undefined): Result<AuditView | null, AppError> {
  const state = loadAuditState(store, auditId);
  if (!state.ok) return state;
  return ok(state.value ? auditViewOf(store, state.value) : null);
}

export function needAudit(store: CountyStore, auditId?: number): Result<AuditState, AppError> {
  const state = loadAuditState(store, auditId);
  if (!state.ok) return state;
  if (!state.value) {
    return appError(
      'AUDIT_NOT_STARTED',
      auditId === undefined
        ? 'No audit has started yet: set the risk limit and enter the seed first.'
        : `There is no audit #${auditId}.`,
    );
  }
  return ok(state.value);
}

/** The draw is of the results the audit started from; a recount or correction since means a new audit. */
export function resultsUnchanged(store: CountyStore, state: AuditState): Result<null, AppError> {
  if (currentFingerprint(store) === state.audit.reportedSha256) return ok(null);
  return appError(
    'AUDIT_RESULTS_CHANGED',
    'The certified results changed (a recount or correction) since this audit started, so its sample no longer matches them. Start a new audit of the results as they are now, with a new seed rolled in public.',
  );
}

function currentFingerprint(store: CountyStore): string | null {
  const election = store.getElection();
  if (!election) return null;
  const reported = reportedForAudit(buildCountyView(store, election));
  return reported.ok ? reported.value.sha256 : null;
}

export function auditViewOf(store: CountyStore, state: AuditState): AuditView {
  const names = new Map(store.listPrecincts().map((precinct) => [precinct.code, precinct.name]));
  return auditView(state, names, listMeasurements(store, state.audit.id), currentFingerprint(store));
}
