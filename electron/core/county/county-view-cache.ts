/**
 * What the county view derives from each report, kept between reads. Reports are append-only (SQL
 * triggers refuse UPDATE and DELETE), so a report read once never changes: after one new report the
 * dashboard needs to read that one report, not the whole county (npm run bench: recompute under 20 ms).
 * Everything here is a pure function of the report and the county's setup; statuses, which depend
 * on people's decisions and on the other reports, are still derived on every read.
 */

import type { Finding } from '../model/finding';
import type { PrecinctResult } from '../model/precinct-result';
import type { ReportView } from '../model/report';
import type { RulesProfileId } from '../model/rules-profile';
import { checkPrecinct } from '../rules/check';
import type { DerivedStatus } from '../status/derive-status';
import type { CandidateRecord, CountyStore, ElectionRow, PrecinctRecord, StoredReport } from '../store/county-store';
import type { PrecinctHistoryRecords } from '../store/verification-records';
import { delegatesOf } from './delegates-of';

interface KeptReports {
  /** The candidates the views were made with (a view names candidates, in ballot order). */
  readonly candidatesKey: string;
  /** Every report with an id up to this one is kept. */
  throughId: number;
  count: number;
  sha256: string | null;
  readonly byPrecinct: Map<number, readonly ReportView[]>;
}

const keptByStore = new WeakMap<CountyStore, KeptReports>();

/**
 * Every report of the county as the county view shows it, by precinct, in the order received:
 * the ones kept from earlier reads plus the ones received since. Inside a transaction the new ones
 * are read but not kept (the transaction may still roll back and its report ids be used again).
 * Read the map at once: the next call may add to it.
 */
export function reportViewsByPrecinct(
  store: CountyStore,
  candidates: readonly CandidateRecord[],
  toView: (report: StoredReport, candidates: readonly CandidateRecord[]) => ReportView,
): ReadonlyMap<number, readonly ReportView[]> {
  const candidatesKey = JSON.stringify(candidates);
  let kept = keptByStore.get(store);
  if (kept && (kept.candidatesKey !== candidatesKey || !stillHolds(store, kept))) kept = undefined;
  const base: KeptReports = kept ?? { candidatesKey, throughId: 0, count: 0, sha256: null, byPrecinct: new Map() };
  const fresh = store.listReportsAfter(base.throughId);
  const keep = !store.inTransaction;
  const target = keep ? base : { ...base, byPrecinct: new Map(base.byPrecinct) };
  for (const report of fresh) {
    // A new list, never a push: views built earlier hold the old one.
    const list = target.byPrecinct.get(report.precinctId) ?? [];
    target.byPrecinct.set(report.precinctId, [...list, toView(report, candidates)]);
  }
  const last = fresh.at(-1);
  if (keep) {
    if (last) {
      base.throughId = last.id;
      base.count += fresh.length;
      base.sha256 = last.sha256;
    }
    keptByStore.set(store, base);
  }
  return target.byPrecinct;
}

/** The database still holds exactly the reports kept (a rolled back report, or a restored file, would not). */
function stillHolds(store: CountyStore, kept: KeptReports): boolean {
  const mark = store.reportWatermark(kept.throughId);
  return mark.count === kept.count && mark.sha256 === kept.sha256;
}

interface CheckedReport {
  readonly setupKey: string;
  readonly result: PrecinctResult;
  readonly findings: readonly Finding[];
}

const checkedByReport = new WeakMap<ReportView, CheckedReport>();

/**
 * A report as the rules see it and what they find in it. Kept per report view object, and only for
 * the same precinct setup and election rules: the same report under another setup is checked again.
 */
export function checkedReport(
  report: ReportView,
  precinct: PrecinctRecord,
  election: ElectionRow,
  toResult: (precinct: PrecinctRecord, report: ReportView, election: ElectionRow) => PrecinctResult,
): CheckedReport {
  const setupKey = JSON.stringify([
    precinct.code,
    precinct.delegates,
    election.county,
    election.rulesProfile,
    election.sdePerDelegate,
  ]);
  const known = checkedByReport.get(report);
  if (known?.setupKey === setupKey) return known;
  const result = toResult(precinct, report, election);
  const checked = { setupKey, result, findings: checkPrecinct(election.rulesProfile, result) };
  checkedByReport.set(report, checked);
  return checked;
}

const delegatesByResult = new WeakMap<PrecinctResult, Readonly<Record<string, number>> | null>();

/**
 * delegatesOf for a result of the county view (made once per report and rules by checkedReport,
 * never changed after): allocated once per result instead of on every read of the dashboard.
 */
export function delegatesOfViewResult(
  profile: RulesProfileId,
  result: PrecinctResult,
): Readonly<Record<string, number>> | null {
  if (profile === 'plurality') return null;
  if (delegatesByResult.has(result)) return delegatesByResult.get(result) ?? null;
  const delegates = delegatesOf(profile, result);
  const kept = delegates && Object.freeze(delegates);
  delegatesByResult.set(result, kept);
  return kept;
}

interface KnownStatus {
  readonly historyKey: string;
  readonly derived: DerivedStatus<ReportView>;
}

const statusByReports = new WeakMap<readonly ReportView[], KnownStatus>();

/**
 * A precinct's derived status, derived again only when its reports or the decisions about it
 * changed. A precinct's list of report views is replaced, never changed, when a report arrives
 * (reportViewsByPrecinct), so the same list means the same reports; decisions are compared whole.
 */
export function derivedStatusOf(
  reports: readonly ReportView[],
  history: PrecinctHistoryRecords | undefined,
  derive: () => DerivedStatus<ReportView>,
): DerivedStatus<ReportView> {
  const historyKey = history ? JSON.stringify(history) : '';
  const known = statusByReports.get(reports);
  if (known?.historyKey === historyKey) return known.derived;
  const derived = derive();
  statusByReports.set(reports, { historyKey, derived });
  return derived;
}
