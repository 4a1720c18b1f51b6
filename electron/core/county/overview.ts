import type { FindingCode } from '../model/finding';
import type { CandidateTotal, Overview } from '../model/overview';
import { PRECINCT_STATUSES, type PrecinctStatus } from '../model/precinct-status';
import type { CountyView } from './county-view';
import { delegatesOfViewResult } from './county-view-cache';
import { electionInfo } from './election-info';

/** Statuses whose current result is settled enough to count in county totals. */
const COUNTED: readonly PrecinctStatus[] = ['received', 'verified', 'certified'];

/** A candidate's sums, and the part of its delegates and SDEs from precincts with findings. */
interface Sums {
  firstAlignment: number;
  finalAlignment: number;
  delegates: number;
  sde: number;
  flaggedDelegates: number;
  flaggedSde: number;
}

function emptySums(): Sums {
  return { firstAlignment: 0, finalAlignment: 0, delegates: 0, sde: 0, flaggedDelegates: 0, flaggedSde: 0 };
}

/** The dashboard: precincts by status, county totals per candidate, findings, the precinct list. */
export function buildOverview(view: CountyView): Overview {
  const statusCounts = Object.fromEntries(PRECINCT_STATUSES.map((status) => [status, 0])) as Record<
    PrecinctStatus,
    number
  >;
  const findingCounts: Partial<Record<FindingCode, number>> = {};
  const totals = new Map<string, Sums>(view.candidates.map((candidate) => [candidate.name, emptySums()]));
  let precinctsCounted = 0;
  const profile = view.election.rulesProfile;

  for (const precinct of view.precincts) {
    statusCounts[precinct.status]++;
    for (const finding of precinct.findings) findingCounts[finding.code] = (findingCounts[finding.code] ?? 0) + 1;
    if (!precinct.result || !COUNTED.includes(precinct.status)) continue;
    precinctsCounted++;
    const delegates = delegatesOfViewResult(profile, precinct.result);
    const withFindings = precinct.findings.length > 0;
    for (const line of precinct.result.lines) {
      const total = totals.get(line.candidate);
      if (!total) continue;
      total.firstAlignment += line.firstAlignment ?? 0;
      total.finalAlignment += line.finalAlignment ?? 0;
      const awarded = delegates?.[line.candidate] ?? 0;
      const sde = line.sde ?? awarded * view.election.sdePerDelegate;
      total.delegates += awarded;
      total.sde += sde;
      if (withFindings) {
        total.flaggedDelegates += awarded;
        total.flaggedSde += sde;
      }
    }
  }

  const candidateTotals: CandidateTotal[] = view.candidates.map((candidate) => {
    const { flaggedDelegates, flaggedSde, ...total } = totals.get(candidate.name) ?? emptySums();
    return {
      candidate: candidate.name,
      ballotOrder: candidate.ballotOrder,
      ...total,
      sde: round4(total.sde),
      fromPrecinctsWithFindings: { delegates: flaggedDelegates, sde: round4(flaggedSde) },
    };
  });

  return {
    election: electionInfo(
      view.election,
      view.candidates,
      view.precincts.map((precinct) => precinct.precinct),
    ),
    statusCounts: { ...statusCounts, total: view.precincts.length },
    candidateTotals,
    precinctsCounted,
    findingCounts,
    precincts: view.precincts.map((precinct) => ({
      code: precinct.precinct.code,
      name: precinct.precinct.name,
      delegates: precinct.precinct.delegates,
      status: precinct.status,
      findings: [...new Set(precinct.findings.map((finding) => finding.code))],
      sources: [...new Set(precinct.reports.map((report) => report.source))],
      reportCount: precinct.reports.length,
      lastReceivedAt: precinct.reports.at(-1)?.receivedAt ?? null,
    })),
    countyCertification: view.countyCertification,
  };
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}
