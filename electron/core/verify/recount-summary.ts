/**
 * What recounts and corrections changed against the certified results: per precinct and candidate
 * (counts, delegates, SDEs) and the county totals before and after. The recount report (PDF, XLSX)
 * and the Recount screen both read this.
 */

import { buildCountyView, toPrecinctResult } from '../county/county-view';
import { delegatesOf } from '../county/delegates-of';
import type { CandidateNumbers, PrecinctRecount, RecountSummary } from '../model/recount';
import type { ReportView } from '../model/report';
import type { CountyStore, ElectionRow, PrecinctRecord } from '../store/county-store';
import { listPrecinctHistories } from '../store/verification-records';

const COUNTED = new Set(['received', 'verified', 'certified']);

export function buildRecountSummary(store: CountyStore, election: ElectionRow, generatedAt: string): RecountSummary {
  const view = buildCountyView(store, election);
  const histories = listPrecinctHistories(store);
  const candidates = view.candidates.map((candidate) => candidate.name);
  const changes: PrecinctRecount[] = [];
  const beforeTotals = emptyTotals(candidates);
  const afterTotals = emptyTotals(candidates);

  for (const precinct of view.precincts) {
    const history = histories.get(precinct.precinct.id);
    const reportById = new Map(precinct.reports.map((report) => [report.id, report]));
    for (const change of history?.changes ?? []) {
      const certification = history?.certifications.find((entry) => entry.id === change.certificationId);
      const certified = certification?.reportId != null ? reportById.get(certification.reportId) : undefined;
      const changed = reportById.get(change.reportId);
      if (!certified || !changed) continue;
      const before = numbersOf(precinct.precinct, certified, election);
      const after = numbersOf(precinct.precinct, changed, election);
      changes.push({
        precinct: precinct.precinct.code,
        precinctName: precinct.precinct.name,
        kind: change.kind,
        operator: change.operator,
        at: change.changedAt,
        reason: change.reason,
        reportId: change.reportId,
        certifiedReportId: certified.id,
        candidates: candidates.map((candidate) => ({
          candidate,
          before: before.get(candidate) ?? EMPTY,
          after: after.get(candidate) ?? EMPTY,
        })),
        delegateWinnersBefore: winners(before),
        delegateWinnersAfter: winners(after),
      });
    }
    if (!precinct.current || !COUNTED.has(precinct.status)) continue;
    const firstCertified = history?.certifications[0]?.reportId;
    const original = (firstCertified != null && reportById.get(firstCertified)) || precinct.current;
    addTo(beforeTotals, numbersOf(precinct.precinct, original, election));
    addTo(afterTotals, numbersOf(precinct.precinct, precinct.current, election));
  }
  changes.sort((a, b) => a.at.localeCompare(b.at) || a.reportId - b.reportId);
  return {
    county: election.county,
    election: election.name,
    rulesProfile: election.rulesProfile,
    generatedAt,
    changes,
    countyTotals: candidates.map((candidate) => ({
      candidate,
      before: rounded(beforeTotals.get(candidate) ?? EMPTY),
      after: rounded(afterTotals.get(candidate) ?? EMPTY),
    })),
  };
}

const EMPTY: CandidateNumbers = { firstAlignment: null, finalAlignment: null, delegates: null, sde: null };

/** One report's numbers per candidate, with delegates as reported or as the rules give them. */
export function numbersOf(
  precinct: PrecinctRecord,
  report: ReportView,
  election: ElectionRow,
): Map<string, CandidateNumbers> {
  const result = toPrecinctResult(precinct, report, election);
  const delegates = delegatesOf(election.rulesProfile, result);
  return new Map(
    result.lines.map((line) => {
      const awarded = delegates?.[line.candidate] ?? null;
      return [
        line.candidate,
        {
          firstAlignment: line.firstAlignment,
          finalAlignment: line.finalAlignment,
          delegates: awarded,
          sde: line.sde ?? (awarded === null ? null : round4(awarded * election.sdePerDelegate)),
        },
      ];
    }),
  );
}

function winners(numbers: Map<string, CandidateNumbers>): string[] {
  return [...numbers.entries()].filter(([, entry]) => (entry.delegates ?? 0) > 0).map(([candidate]) => candidate);
}

type Totals = Map<string, { firstAlignment: number; finalAlignment: number; delegates: number; sde: number }>;

function emptyTotals(candidates: readonly string[]): Totals {
  return new Map(
    candidates.map((candidate) => [candidate, { firstAlignment: 0, finalAlignment: 0, delegates: 0, sde: 0 }]),
  );
}

function addTo(totals: Totals, numbers: Map<string, CandidateNumbers>): void {
  for (const [candidate, entry] of numbers) {
    const total = totals.get(candidate);
    if (!total) continue;
    total.firstAlignment += entry.firstAlignment ?? 0;
    total.finalAlignment += entry.finalAlignment ?? 0;
    total.delegates += entry.delegates ?? 0;
    total.sde += entry.sde ?? 0;
  }
}

function rounded(entry: CandidateNumbers): CandidateNumbers {
  return { ...entry, sde: entry.sde === null ? null : round4(entry.sde) };
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}
