import type { Finding } from '../model/finding';
import type { PrecinctResult } from '../model/precinct-result';
import type { PrecinctStatus } from '../model/precinct-status';
import type { ReportView, WorksheetLine } from '../model/report';
import type { CountyCertificationView, PrecinctVerification } from '../model/verification';
import { derivePrecinctStatus } from '../status/derive-status';
import type { CandidateRecord, CountyStore, ElectionRow, PrecinctRecord, StoredReport } from '../store/county-store';
import { listPrecinctHistories, type PrecinctHistoryRecords } from '../store/verification-records';
import { countyCertificationOf } from './county-certification';
import { checkedReport, derivedStatusOf, reportViewsByPrecinct } from './county-view-cache';
import { decisionsOf, verificationOf } from './precinct-decisions';

export interface PrecinctView {
  readonly precinct: PrecinctRecord;
  readonly status: PrecinctStatus;
  readonly statusReason: string;
  readonly reports: readonly ReportView[];
  readonly current: ReportView | null;
  /** The current report as a precinct result the rules can check; null without one. */
  readonly result: PrecinctResult | null;
  readonly findings: readonly Finding[];
  /** Resolution, certification, recounts and corrections. */
  readonly verification: PrecinctVerification;
}

export interface CountyView {
  readonly election: ElectionRow;
  readonly candidates: readonly CandidateRecord[];
  readonly precincts: readonly PrecinctView[];
  /** The chair's certification of the whole county (null when not certified, or for a one-precinct view). */
  readonly countyCertification: CountyCertificationView | null;
}

/** Everything derived about the county from what the store holds: statuses, current results, findings. */
export function buildCountyView(store: CountyStore, election: ElectionRow, onlyPrecinct?: PrecinctRecord): CountyView {
  const candidates = store.listCandidates();
  const precincts = onlyPrecinct ? [onlyPrecinct] : store.listPrecincts();
  const histories = listPrecinctHistories(store, onlyPrecinct?.id);
  // The whole county reads only the reports received since its last read (county-view-cache.ts).
  const reportsByPrecinct = onlyPrecinct
    ? new Map([[onlyPrecinct.id, store.listReports(onlyPrecinct.id).map((report) => toReportView(report, candidates))]])
    : reportViewsByPrecinct(store, candidates, toReportView);
  return {
    election,
    candidates,
    precincts: precincts.map((precinct) =>
      precinctView(precinct, reportsByPrecinct.get(precinct.id) ?? [], histories.get(precinct.id), election),
    ),
    countyCertification: onlyPrecinct ? null : countyCertificationOf(store, histories),
  };
}

function precinctView(
  precinct: PrecinctRecord,
  reports: readonly ReportView[],
  history: PrecinctHistoryRecords | undefined,
  election: ElectionRow,
): PrecinctView {
  const derived = derivedStatusOf(reports, history, () => derivePrecinctStatus(reports, decisionsOf(history)));
  const checked = derived.current ? checkedReport(derived.current, precinct, election, toPrecinctResult) : null;
  return {
    precinct,
    status: derived.status,
    statusReason: derived.reason,
    reports,
    current: derived.current,
    result: checked?.result ?? null,
    findings: checked?.findings ?? [],
    verification: verificationOf(history, derived),
  };
}

export function toReportView(report: StoredReport, candidates: readonly CandidateRecord[]): ReportView {
  const nameOf = new Map(candidates.map((candidate) => [candidate.id, candidate.name]));
  const countByCandidate = new Map(report.counts.map((count) => [count.candidateId, count]));
  const lines: WorksheetLine[] = candidates
    .filter((candidate) => countByCandidate.has(candidate.id))
    .map((candidate) => {
      const count = countByCandidate.get(candidate.id);
      return {
        candidate: candidate.name,
        firstAlignment: count?.firstAlignment ?? null,
        finalAlignment: count?.finalAlignment ?? null,
        delegatesAwarded: count?.delegatesAwarded ?? null,
      };
    });
  return {
    id: report.id,
    source: report.source,
    operator: report.operator,
    receivedAt: report.receivedAt,
    fileName: report.fileName,
    sha256: report.sha256,
    supersedes: report.supersedesId,
    lines,
    sdeByCandidate: Object.fromEntries(
      report.counts.filter((count) => count.sde !== null).map((count) => [nameOf.get(count.candidateId), count.sde]),
    ),
    coinTosses: report.coinTosses.map((toss) => ({
      tied: toss.members.map((member) => nameOf.get(member.candidateId) ?? '?'),
      winners: toss.members.filter((member) => member.won).map((member) => nameOf.get(member.candidateId) ?? '?'),
    })),
  };
}

export function toPrecinctResult(precinct: PrecinctRecord, report: ReportView, election: ElectionRow): PrecinctResult {
  return {
    county: election.county,
    precinct: precinct.code,
    precinctDelegates: precinct.delegates,
    sdePerDelegate: election.sdePerDelegate,
    lines: report.lines.map((line) => ({
      candidate: line.candidate,
      firstAlignment: line.firstAlignment,
      finalAlignment: line.finalAlignment,
      delegatesAwarded: line.delegatesAwarded,
      sde: report.sdeByCandidate[line.candidate] ?? null,
    })),
    coinTosses: report.coinTosses,
  };
}
