import { buildCountyView } from '../../county/county-view';
import type { AuditPlanView } from '../../model/risk-limiting-audit';
import { type AppError, appError, ok, type Result } from '../../result';
import { findAuditByFingerprint } from '../../store/audit-records';
import type { CountyStore } from '../../store/county-store';
import { countyContest } from '../audit/county-contest';
import { planContest } from '../audit/plan-audit';
import { riskLimitAlpha } from '../audit/risk-limit';
import { isInfinite } from '../math/bound';
import { toFractionText, toNumber } from '../math/rational';
import { reportedForAudit } from './reported-results';

/** What a risk limit asks for on the county's results now: read only, nothing drawn. */
export function planCountyAudit(
  store: CountyStore,
  riskLimit: number,
  seed: string | null,
): Result<AuditPlanView, AppError> {
  const election = store.getElection();
  if (!election) return appError('NO_COUNTY', 'Set up the county first.');
  const alpha = riskLimitAlpha(String(riskLimit));
  if (!alpha.ok) return alpha;
  const view = buildCountyView(store, election);
  const base = {
    contest: election.county,
    rulesProfile: election.rulesProfile,
    riskLimitPercent: riskLimit,
    precincts: view.precincts.length,
    seed,
  };
  const notReady = (reason: string): AuditPlanView => ({
    ...base,
    ready: false,
    notReadyReason: reason,
    winners: null,
    U: null,
    UExact: null,
    sampleSize: null,
    fullHandCount: false,
    existingAuditId: null,
  });
  const reported = reportedForAudit(view);
  if (!reported.ok) return ok(notReady(reported.error.message));
  const built = countyContest(reported.value.county);
  if (!built.ok) return ok(notReady(built.error.message));
  const plan = planContest(built.value.contest, built.value.batches, alpha.value, null);
  return ok({
    ...base,
    ready: true,
    notReadyReason: null,
    winners: plan.contest.winners,
    U: isInfinite(plan.totalErrorBound) ? null : toNumber(plan.totalErrorBound),
    UExact: isInfinite(plan.totalErrorBound) ? null : toFractionText(plan.totalErrorBound),
    sampleSize: plan.sampleSize.draws,
    fullHandCount: plan.sampleSize.kind === 'full-hand-count',
    existingAuditId: findAuditByFingerprint(store, reported.value.sha256)?.id ?? null,
  });
}
