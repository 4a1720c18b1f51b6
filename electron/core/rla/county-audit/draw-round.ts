import type { AuditView } from '../../model/risk-limiting-audit';
import { type AppError, appError, ok, type Result } from '../../result';
import { insertRound } from '../../store/audit-records';
import type { CountyStore } from '../../store/county-store';
import { drawNextRound } from '../audit/audit-rounds';
import { type AuditState, countsOf } from './audit-state';
import { auditViewOf, needAudit, resultsUnchanged } from './current-audit';

/** Round 1 of the audit (the newest when no id is given); refused once drawn. */
export function drawFirstRound(
  store: CountyStore,
  operator: string,
  auditId: number | undefined,
  at: string,
): Result<AuditView, AppError> {
  const state = needAudit(store, auditId);
  if (!state.ok) return state;
  const first = state.value.rounds[0];
  if (first) {
    return appError(
      'AUDIT_ALREADY_DRAWN',
      `Round 1 was drawn ${first.drawnAt} by ${first.drawnBy}; enter the hand tallies of its precincts.`,
    );
  }
  return drawRound(store, state.value, operator, at);
}

/** The escalation the rounds so far ask for (a full hand count when it reaches every precinct). */
export function escalateAudit(
  store: CountyStore,
  operator: string,
  auditId: number | undefined,
  at: string,
): Result<AuditView, AppError> {
  const state = needAudit(store, auditId);
  if (!state.ok) return state;
  if (state.value.rounds.length === 0) {
    return appError('AUDIT_NOT_DRAWN', 'Draw the first round before escalating.');
  }
  return drawRound(store, state.value, operator, at);
}

/** Round 1, or the escalation the rounds so far ask for: the one draw of rla/audit/audit-rounds.ts. */
function drawRound(store: CountyStore, state: AuditState, operator: string, at: string): Result<AuditView, AppError> {
  const unchanged = resultsUnchanged(store, state);
  if (!unchanged.ok) return unchanged;
  const next = drawNextRound({
    seed: state.audit.seed,
    alpha: state.alpha,
    plan: state.plan,
    rounds: state.roundDraws,
    tallies: countsOf(state.tallies),
  });
  if (!next.ok) return next;
  const ids = new Map(store.listPrecincts().map((precinct) => [precinct.code, precinct.id]));
  const round = next.value;
  const drawn = store.transaction<null, AppError>(() => {
    insertRound(
      store,
      state.audit.id,
      { round: round.round, kind: round.kind, sampleSize: round.sampleSize, drawnBy: operator, drawnAt: at },
      round.tickets.map((ticket) => ({
        ticket: ticket.ticket,
        precinctId: ids.get(ticket.batch) as number,
        random: ticket.random,
        digest: ticket.digest,
      })),
    );
    store.appendAudit({
      at,
      operator,
      action: 'audit.round-drawn',
      payload: {
        auditId: state.audit.id,
        round: round.round,
        kind: round.kind,
        sampleSize: round.sampleSize,
        seed: state.audit.seed,
        tickets: round.tickets.map((ticket) => ({
          ticket: ticket.ticket,
          precinct: ticket.batch,
          random: ticket.random,
        })),
      },
    });
    return ok(null);
  });
  if (!drawn.ok) return drawn;
  const after = needAudit(store, state.audit.id);
  return after.ok ? ok(auditViewOf(store, after.value)) : after;
}
