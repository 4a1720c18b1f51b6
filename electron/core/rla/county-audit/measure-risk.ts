import type { AuditMeasurementView } from '../../model/risk-limiting-audit';
import { type AppError, appError, ok, type Result } from '../../result';
import { insertMeasurement } from '../../store/audit-records';
import type { CountyStore } from '../../store/county-store';
import type { AuditState } from './audit-state';
import { measurementView } from './audit-view';
import { needAudit } from './current-audit';

/** Measures the risk once every sampled precinct has its hand tally, and records the measurement. */
export function measureAuditRisk(
  store: CountyStore,
  operator: string,
  auditId: number | undefined,
  at: string,
): Result<AuditMeasurementView, AppError> {
  const state = needAudit(store, auditId);
  if (!state.ok) return state;
  return measure(store, state.value, operator, at);
}

function measure(
  store: CountyStore,
  state: AuditState,
  operator: string,
  at: string,
): Result<AuditMeasurementView, AppError> {
  if (state.rounds.length === 0) return appError('AUDIT_NOT_DRAWN', 'Draw the first round before measuring the risk.');
  if (state.awaiting.length > 0 || !state.assessment) {
    return appError(
      'AUDIT_TALLY_MISSING',
      `Enter the hand tally of every sampled precinct first; still to enter: ${state.awaiting.join(', ')}.`,
      { missing: state.awaiting },
    );
  }
  const view = measurementView(state, state.assessment, state.rounds.length, { measuredBy: operator, measuredAt: at });
  const throughTallyId = Math.max(0, ...state.allTallies.map((tally) => tally.id)) || null;
  const stored = store.transaction<null, AppError>(() => {
    insertMeasurement(store, state.audit.id, {
      round: view.round,
      pValue: view.pValue,
      riskExact: view.riskExact,
      confirmed: view.confirmed,
      verdict: view.verdict,
      nextRoundDraws: view.nextRoundDraws,
      throughTallyId,
      measuredBy: operator,
      measuredAt: at,
    });
    store.appendAudit({
      at,
      operator,
      action: 'audit.measured',
      payload: {
        auditId: state.audit.id,
        round: view.round,
        pValue: view.pValue,
        riskExact: view.riskExact,
        verdict: view.verdict,
        nextRoundDraws: view.nextRoundDraws,
        throughTallyId,
      },
    });
    return ok(null);
  });
  return stored.ok ? ok(view) : stored;
}
