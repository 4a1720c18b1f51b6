import { buildCountyView } from '../../county/county-view';
import type { AuditView } from '../../model/risk-limiting-audit';
import { type AppError, appError, ok, type Result } from '../../result';
import { findAuditByFingerprint, insertAudit } from '../../store/audit-records';
import type { CountyStore } from '../../store/county-store';
import { countyContest } from '../audit/county-contest';
import { planContest } from '../audit/plan-audit';
import { riskLimitAlpha } from '../audit/risk-limit';
import { isInfinite } from '../math/bound';
import { toFractionText } from '../math/rational';
import { auditViewOf, needAudit } from './current-audit';
import { reportedForAudit } from './reported-results';

/**
 * Starts an audit of the certified results as they are now: the public seed is fixed here, before
 * any draw, in one transaction with its audit-log entry.
 */
export function startAudit(
  store: CountyStore,
  operator: string,
  input: { riskLimit: number; seed: string; seedNote?: string | undefined },
  at: string,
): Result<AuditView, AppError> {
  const election = store.getElection();
  if (!election) return appError('NO_COUNTY', 'Set up the county first.');
  const alpha = riskLimitAlpha(String(input.riskLimit));
  if (!alpha.ok) return alpha;
  const reported = reportedForAudit(buildCountyView(store, election));
  if (!reported.ok) return reported;
  const existing = findAuditByFingerprint(store, reported.value.sha256);
  if (existing) {
    return appError(
      'AUDIT_ALREADY_STARTED',
      `An audit of these results started ${existing.seedEnteredAt} with seed ${existing.seed}, entered by ${existing.seedEnteredBy}: continue it. The seed is fixed before the draw, so the same results are never audited with a second seed.`,
      { auditId: existing.id },
    );
  }
  const built = countyContest(reported.value.county);
  if (!built.ok) return built;
  const plan = planContest(built.value.contest, built.value.batches, alpha.value, null);
  const created = store.transaction<number, AppError>(() => {
    const auditId = insertAudit(
      store,
      {
        contest: election.county,
        rulesProfile: election.rulesProfile,
        riskLimitPercent: String(input.riskLimit),
        seed: input.seed,
        seedNote: input.seedNote || null,
        seedEnteredBy: operator,
        seedEnteredAt: at,
        reportedSha256: reported.value.sha256,
      },
      reported.value.batches,
    );
    store.appendAudit({
      at,
      operator,
      action: 'audit.started',
      payload: {
        auditId,
        contest: election.county,
        rulesProfile: election.rulesProfile,
        riskLimitPercent: input.riskLimit,
        seed: input.seed,
        seedNote: input.seedNote || null,
        reportedSha256: reported.value.sha256,
        precincts: reported.value.batches.map((batch) => ({ precinct: batch.precinct, reportId: batch.reportId })),
        winners: plan.contest.winners,
        U: isInfinite(plan.totalErrorBound) ? null : toFractionText(plan.totalErrorBound),
        firstRoundSize: plan.sampleSize.draws,
      },
    });
    return ok(auditId);
  });
  if (!created.ok) return created;
  const state = needAudit(store, created.value);
  return state.ok ? ok(auditViewOf(store, state.value)) : state;
}
