import { ledgerDigestOf } from '../../integrity/ledger-digest';
import type { AuditHandTallyResult } from '../../model/risk-limiting-audit';
import { type AppError, appError, ok, type Result } from '../../result';
import { insertHandTally } from '../../store/audit-records';
import type { CountyStore } from '../../store/county-store';
import type { AuditState } from './audit-state';
import { candidateCounts, tallyView } from './audit-view';
import { auditViewOf, needAudit } from './current-audit';

/** A hand count of one sampled precinct, or a correction of its standing tally (which it names, with why). */
export interface HandTallyInput {
  readonly auditId?: number | undefined;
  readonly precinct: string;
  readonly counts: readonly { readonly candidate: string; readonly count: number }[];
  readonly ballots?: number | null | undefined;
  readonly replaces?: number | undefined;
  readonly reason?: string | undefined;
}

/**
 * Stores a hand tally blind: the reported numbers come back only with it, so nobody counts towards them.
 * One transaction with its audit-log entry.
 */
export function enterHandTally(
  store: CountyStore,
  operator: string,
  input: HandTallyInput,
  at: string,
): Result<AuditHandTallyResult, AppError> {
  const audit = needAudit(store, input.auditId);
  if (!audit.ok) return audit;
  return tallyFor(store, audit.value, operator, input, at);
}

function tallyFor(
  store: CountyStore,
  state: AuditState,
  operator: string,
  input: HandTallyInput,
  at: string,
): Result<AuditHandTallyResult, AppError> {
  const precinct = input.precinct;
  const sampled = state.roundDraws.some((round) => round.tickets.some((ticket) => ticket.batch === precinct));
  if (!sampled) {
    return appError(
      'AUDIT_NOT_SAMPLED',
      `Precinct ${precinct} was not drawn in this audit; enter hand tallies only for the sampled precincts.`,
    );
  }
  const candidates = store.listCandidates();
  const given = new Map<string, number>();
  for (const entry of input.counts) {
    if (!candidates.some((candidate) => candidate.name === entry.candidate)) {
      return appError('AUDIT_UNKNOWN_CANDIDATE', `${entry.candidate} is not a candidate in ${state.audit.contest}.`);
    }
    if (given.has(entry.candidate)) {
      return appError('AUDIT_DUPLICATE_CANDIDATE', `${entry.candidate} is counted twice; give each candidate once.`);
    }
    given.set(entry.candidate, entry.count);
  }
  const missing = candidates.filter((candidate) => !given.has(candidate.name));
  if (missing.length > 0) {
    return appError(
      'AUDIT_COUNT_MISSING',
      `Type the hand count for ${missing.map((candidate) => candidate.name).join(', ')} (0 if nobody).`,
    );
  }
  const standing = state.tallies.get(precinct);
  if (standing && input.replaces === undefined) {
    return appError(
      'AUDIT_TALLY_EXISTS',
      `Precinct ${precinct} already has a hand tally (#${standing.id}, by ${standing.enteredBy}). To correct it, say that this one replaces it and why.`,
      { tallyId: standing.id },
    );
  }
  if (input.replaces !== undefined && standing?.id !== input.replaces) {
    return appError(
      'AUDIT_TALLY_NOT_CURRENT',
      standing
        ? `Hand tally #${input.replaces} is not the standing tally of precinct ${precinct} (#${standing.id} is); correct the standing one.`
        : `Precinct ${precinct} has no hand tally to correct yet; enter it without "replaces".`,
    );
  }
  if (input.replaces !== undefined && !input.reason) {
    return appError('AUDIT_REASON_NEEDED', 'Say why the hand tally is corrected: the reason is recorded with it.');
  }
  const precinctId = store.findPrecinct(precinct)?.id;
  if (precinctId === undefined) return appError('UNKNOWN_PRECINCT', `There is no precinct "${precinct}".`);
  const reason = input.replaces !== undefined ? (input.reason ?? null) : null;
  const ballots = input.ballots ?? null;
  const stored = store.transaction<number, AppError>(() => {
    const tallyId = insertHandTally(store, state.audit.id, {
      precinctId,
      ballots,
      enteredBy: operator,
      enteredAt: at,
      replacesId: input.replaces ?? null,
      reason,
      counts: candidates.map((candidate) => ({ candidateId: candidate.id, count: given.get(candidate.name) ?? 0 })),
    });
    store.appendAudit({
      at,
      operator,
      action: 'audit.hand-tally-entered',
      payload: {
        auditId: state.audit.id,
        tallyId,
        precinct,
        replaces: input.replaces ?? null,
        reason,
        ballots,
        counts: Object.fromEntries(given),
        numbersSha256: ledgerDigestOf(store, 'hand-tally', tallyId),
      },
    });
    return ok(tallyId);
  });
  if (!stored.ok) return stored;
  const after = needAudit(store, state.audit.id);
  if (!after.ok) return after;
  const tally = after.value.tallies.get(precinct);
  const reported = after.value.reported.precincts.find((entry) => entry.precinct === precinct);
  const view = auditViewOf(store, after.value).sampled.find((entry) => entry.precinct === precinct);
  if (!tally || !reported) throw new Error('enterHandTally: the tally just stored must stand');
  return ok({
    precinct,
    tally: tallyView(tally),
    reported: candidateCounts(after.value.reported.candidates, reported.counts),
    discrepancyVotes: view?.discrepancyVotes ?? null,
    awaiting: after.value.awaiting,
  });
}
