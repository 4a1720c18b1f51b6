/** The county as the dashboard and a precinct's page show it, derived from the reports on every read. */
import type { ElectionInfo, PrecinctInfo } from './county';
import type { FindingCode } from './finding';
import type { PrecinctStatus } from './precinct-status';
import type { ReportSource, ReportView } from './report';
import type { CountyCertificationView, PrecinctVerification } from './verification';
import type { WorksheetEvaluation } from './worksheet-evaluation';

export interface CandidateTotal {
  readonly candidate: string;
  readonly ballotOrder: number;
  readonly firstAlignment: number;
  readonly finalAlignment: number;
  readonly delegates: number;
  readonly sde: number;
  /**
   * The part of delegates and sde above from precincts whose current result has findings (counted, but a
   * rule says check the paper): the dashboard shows it beside the totals. Certification refuses them.
   */
  readonly fromPrecinctsWithFindings: { readonly delegates: number; readonly sde: number };
}

export interface PrecinctRow {
  readonly code: string;
  readonly name: string;
  readonly delegates: number;
  readonly status: PrecinctStatus;
  readonly findings: readonly FindingCode[];
  readonly sources: readonly ReportSource[];
  readonly reportCount: number;
  readonly lastReceivedAt: string | null;
}

export interface Overview {
  readonly election: ElectionInfo | null;
  readonly statusCounts: Readonly<Record<PrecinctStatus, number>> & { readonly total: number };
  /** Totals over precincts whose current result is settled (not missing, not in conflict). */
  readonly candidateTotals: readonly CandidateTotal[];
  readonly precinctsCounted: number;
  readonly findingCounts: Readonly<Partial<Record<FindingCode, number>>>;
  readonly precincts: readonly PrecinctRow[];
  /** The chair's certification of the whole county, if given. */
  readonly countyCertification: CountyCertificationView | null;
}

export interface PrecinctDetail {
  readonly precinct: PrecinctInfo;
  readonly status: PrecinctStatus;
  readonly reports: readonly ReportView[];
  /** The precinct's current result, derived from its reports; null when missing or in conflict. */
  readonly current: ReportView | null;
  readonly evaluation: WorksheetEvaluation | null;
  /** Human explanation of the status, e.g. which reports disagree. */
  readonly statusReason: string;
  /** Resolution, certification, recounts and corrections of this precinct. */
  readonly verification: PrecinctVerification;
}
