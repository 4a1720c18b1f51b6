/**
 * What the API returns: the shapes the UI, the CLI and the tests read.
 * Inputs are defined by the zod schemas in ./schemas.ts (validated on every transport).
 */
import type { Tie } from '../rules/allocation';
import type { CoinToss, Finding, FindingCode, RulesProfileId } from '../rules/types';
import type { QueuedNote } from '../team/contract';

export const PRECINCT_STATUSES = ['missing', 'received', 'conflict', 'verified', 'certified'] as const;
export type PrecinctStatus = (typeof PRECINCT_STATUSES)[number];

export const REPORT_SOURCES = ['usb', 'email', 'scan', 'manual', 'phone', 'recount'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

export interface CandidateInfo {
  readonly name: string;
  readonly ballotOrder: number;
}

export interface PrecinctInfo {
  readonly code: string;
  readonly name: string;
  /** D: county delegates this precinct elects. */
  readonly delegates: number;
  readonly chairEmail: string | null;
}

export interface ElectionInfo {
  readonly county: string;
  readonly name: string;
  /** ISO date (YYYY-MM-DD) of the caucus or election. */
  readonly date: string;
  readonly rulesProfile: RulesProfileId;
  /** The county's state delegates / county convention delegates. */
  readonly sdePerDelegate: number;
  readonly candidates: readonly CandidateInfo[];
  readonly precinctCount: number;
  readonly totalDelegates: number;
}

export interface CandidateTotal {
  readonly candidate: string;
  readonly ballotOrder: number;
  readonly firstAlignment: number;
  readonly finalAlignment: number;
  readonly delegates: number;
  readonly sde: number;
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
  /** The chair's certification of the whole county, if given (issue 5). */
  readonly countyCertification: CountyCertificationView | null;
}

export interface WorksheetLine {
  readonly candidate: string;
  readonly firstAlignment: number | null;
  readonly finalAlignment: number | null;
  readonly delegatesAwarded: number | null;
}

export type ComputedAllocation =
  | {
      readonly kind: 'decided';
      readonly delegates: Readonly<Record<string, number>>;
      readonly sde: Readonly<Record<string, number>>;
      readonly coinTosses: readonly CoinToss[];
    }
  | { readonly kind: 'coin-toss-needed'; readonly tie: Tie }
  /** Counts missing or invalid, or a profile without delegates. */
  | { readonly kind: 'not-computable'; readonly reason: string };

export interface WorksheetEvaluation {
  readonly precinct: string;
  readonly precinctDelegates: number;
  readonly eligibleAttendees: number;
  readonly finalTotal: number;
  readonly threshold: number | null;
  readonly thresholdRule: string;
  /** Candidates viable in the first alignment (locked in). */
  readonly viableFirst: readonly string[];
  /** Candidates viable in the final alignment. */
  readonly viableFinal: readonly string[];
  readonly allocation: ComputedAllocation;
  readonly findings: readonly Finding[];
}

export interface ReportView {
  readonly id: number;
  readonly source: ReportSource;
  readonly operator: string;
  readonly receivedAt: string;
  readonly fileName: string | null;
  readonly sha256: string;
  readonly supersedes: number | null;
  readonly lines: readonly WorksheetLine[];
  /** SDEs as the report gave them (files may carry SDEs only); absent when not reported. */
  readonly sdeByCandidate: Readonly<Record<string, number>>;
  readonly coinTosses: readonly CoinToss[];
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
  /** Resolution, certification, recounts and corrections of this precinct (issue 5). */
  readonly verification: PrecinctVerification;
}

export interface SubmittedReport {
  readonly reportId: number;
  readonly status: PrecinctStatus;
  readonly findings: readonly Finding[];
  /**
   * Team mode, on a station only: the hub could not be reached, so the entry waits in the
   * station's outbox (reportId is 0 until the hub stores it). See electron/core/team/contract.ts.
   */
  readonly queued?: QueuedNote;
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly operator: string;
  readonly action: string;
  readonly payload: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditLogPage {
  readonly entries: readonly AuditEntry[];
  readonly total: number;
}

export type AuditVerification =
  | { readonly valid: true; readonly entries: number; readonly headHash: string }
  | { readonly valid: false; readonly entries: number; readonly brokenAtSeq: number; readonly reason: string };

/** A problem in one cell or row of an imported file (1-based row as a spreadsheet shows it). */
export interface FileProblem {
  readonly row: number;
  readonly column: string | null;
  readonly message: string;
}

export interface CountySetupInput {
  readonly county: string;
  readonly name: string;
  readonly date: string;
  readonly rulesProfile: RulesProfileId;
  readonly sdePerDelegate: number;
  readonly precincts: readonly { code: string; name: string; delegates: number; chairEmail?: string | null }[];
  readonly candidates: readonly string[];
}

// ---- Verification, operators, certification, recounts (issue 5) ----

export type OperatorRoleName = 'chair' | 'entry' | 'verifier';

export interface OperatorView {
  readonly name: string;
  readonly role: OperatorRoleName;
}

export interface SessionView extends OperatorView {
  /** Sent with every change (`session`); the API records the change under this person. */
  readonly session: string;
  readonly expiresAt: string;
}

export interface TeamView {
  readonly operators: readonly OperatorView[];
  /** False on a county made without a chair (e.g. `tallyroom init`): the first person to sign up becomes chair. */
  readonly hasChair: boolean;
}

export interface VerificationPolicyView {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly text: string;
}

export interface ResolutionView {
  readonly id: number;
  readonly chosenReportId: number;
  readonly settles: readonly number[];
  readonly operator: string;
  readonly resolvedAt: string;
  readonly reason: string;
}

export interface CertificationView {
  readonly id: number;
  readonly reportId: number | null;
  readonly operator: string;
  readonly certifiedAt: string;
}

export interface CertifiedChangeView {
  readonly id: number;
  readonly kind: 'recount' | 'correction';
  readonly reportId: number;
  readonly operator: string;
  readonly changedAt: string;
  readonly reason: string;
}

/** Everything decided about a precinct's reports: resolution, certification, recounts and corrections. */
export interface PrecinctVerification {
  readonly resolution: ResolutionView | null;
  /** Reports the chair's resolution set aside (stored, no longer counted). */
  readonly overruled: readonly number[];
  readonly reopened: boolean;
  readonly verifiedBy: readonly string[];
  readonly certification: CertificationView | null;
  readonly changes: readonly CertifiedChangeView[];
  /** Reports received after certification that did not change it. */
  readonly lateReports: readonly number[];
}

/** One number of a discrepancy: where the reports differ. */
export interface FieldDifference {
  readonly candidate: string;
  readonly field: 'firstAlignment' | 'finalAlignment' | 'delegatesAwarded';
  /** The value in each report, by report id. */
  readonly values: Readonly<Record<string, number | null>>;
}

export interface Discrepancy {
  readonly precinct: PrecinctInfo;
  readonly statusReason: string;
  readonly reopened: boolean;
  /** The reports still standing (not overruled), side by side. */
  readonly reports: readonly ReportView[];
  readonly differences: readonly FieldDifference[];
  readonly previousResolution: ResolutionView | null;
}

export interface ResolvedDiscrepancy {
  readonly resolutionId: number;
  readonly chosenReportId: number;
  readonly status: PrecinctStatus;
}

export interface CertifiedPrecinct {
  readonly precinct: string;
  readonly certificationId: number;
  readonly reportId: number;
}

export interface CountyCertificationView {
  readonly operator: string;
  readonly certifiedAt: string;
  /** A precinct was recounted, corrected or certified again since: the county should be certified again. */
  readonly changedSince: boolean;
}

/** Per candidate, one precinct's certified numbers against a recount or correction. */
export interface CandidateChange {
  readonly candidate: string;
  readonly before: CandidateNumbers;
  readonly after: CandidateNumbers;
}

export interface CandidateNumbers {
  readonly firstAlignment: number | null;
  readonly finalAlignment: number | null;
  /** Null when the rules cannot give delegates (a coin toss not recorded) or under `plurality`. */
  readonly delegates: number | null;
  readonly sde: number | null;
}

export interface PrecinctRecount {
  readonly precinct: string;
  readonly precinctName: string;
  readonly kind: 'recount' | 'correction';
  readonly operator: string;
  readonly at: string;
  readonly reason: string;
  readonly reportId: number;
  readonly certifiedReportId: number;
  readonly candidates: readonly CandidateChange[];
  /** The candidates who hold at least one delegate, before and after (the winner of a one-delegate precinct). */
  readonly delegateWinnersBefore: readonly string[];
  readonly delegateWinnersAfter: readonly string[];
}

export interface RecountSummary {
  readonly county: string;
  readonly election: string;
  readonly rulesProfile: string;
  readonly generatedAt: string;
  /** Every recount and correction of a certified result, oldest first. */
  readonly changes: readonly PrecinctRecount[];
  /** County totals over settled precincts, with certified numbers (before) and current numbers (after). */
  readonly countyTotals: readonly CandidateChange[];
}

export interface RecountReportFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly contentBase64: string;
}
