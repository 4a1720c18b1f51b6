/** Resolution, certification, recounts and corrections: the people's decisions about reports (docs/ARCHITECTURE.md). */
import type { PrecinctInfo } from './county';
import type { PrecinctStatus } from './precinct-status';
import type { ReportView } from './report';

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
  /**
   * The late reports whose numbers differ from the certified result: the precinct's "changed after
   * certification" badge; each such precinct is also in the discrepancy queue, offering a recount.
   */
  readonly changedAfterCertification: readonly number[];
}

/** One number of a discrepancy: where the reports differ. */
export interface FieldDifference {
  readonly candidate: string;
  readonly field: 'firstAlignment' | 'finalAlignment' | 'delegatesAwarded';
  /** The value in each report, by report id. */
  readonly values: Readonly<Record<string, number | null>>;
}

export interface Discrepancy {
  /**
   * 'conflict': standing reports disagree, the chair resolves it. 'changed-after-certification': a report
   * received after certification differs from the certified numbers; they stand until a recount
   * (submitRecount) or correction changes them, which is what the queue offers.
   */
  readonly kind: 'conflict' | 'changed-after-certification';
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
