/** Types and constant lists the screens use, from the API contract (no domain logic from electron/core runs here). */
export type {
  AuditEntry,
  AuditLogPage,
  AuditVerification,
  CandidateChange,
  CandidateNumbers,
  CandidateTotal,
  CertificationView,
  CertifiedChangeView,
  ComputedAllocation,
  CountyCertificationView,
  CountySetupInput,
  Discrepancy,
  ElectionInfo,
  FieldDifference,
  FileProblem,
  OperatorRoleName,
  OperatorView,
  Overview,
  PrecinctDetail,
  PrecinctRecount,
  PrecinctRow,
  PrecinctStatus,
  PrecinctVerification,
  RecountSummary,
  ReportSource,
  ReportView,
  ResolutionView,
  SessionView,
  SubmittedReport,
  TeamView,
  VerificationPolicyView,
  WorksheetEvaluation,
  WorksheetLine,
} from '../../../electron/core/api/contract';
export { DEMO_CHAIR } from '../../../electron/core/model/demo-team';
export type { Finding, FindingCode, FindingField } from '../../../electron/core/model/finding';
export { CHAIR_PIN_PATTERN, CHAIR_PIN_RULE, PIN_PATTERN, PIN_RULE } from '../../../electron/core/model/pin-rule';
export type { CoinToss } from '../../../electron/core/model/precinct-result';
export type { RulesProfileId } from '../../../electron/core/model/rules-profile';
export type { Tie, TieReason } from '../../../electron/core/model/worksheet-evaluation';

import type { FindingCode } from '../../../electron/core/model/finding';
import type { PrecinctStatus } from '../../../electron/core/model/precinct-status';
import type { ReportSource } from '../../../electron/core/model/report';
import { REPORT_SOURCE_LABELS } from '../../../electron/core/model/report-source-words';
import type { RulesProfileId } from '../../../electron/core/model/rules-profile';

/** The model's constant lists: modules with no imports (model/), safe to bundle into the renderer. */
export { FINDING_CODES } from '../../../electron/core/model/finding';
export { PRECINCT_STATUSES as STATUSES } from '../../../electron/core/model/precinct-status';
export { RULES_PROFILES } from '../../../electron/core/model/rules-profile';

/** How a report arrived, in the one vocabulary the app uses everywhere (model/report-source-words.ts). */
export const SOURCE_LABELS: Readonly<Record<ReportSource, string>> = REPORT_SOURCE_LABELS;

export const STATUS_LABELS: Record<PrecinctStatus, string> = {
  missing: 'Missing',
  received: 'Received',
  conflict: 'Conflict',
  verified: 'Verified',
  certified: 'Certified',
};

export const STATUS_HINTS: Record<PrecinctStatus, string> = {
  missing: 'No report yet',
  received: 'One report, not yet checked twice',
  conflict: 'Reports disagree: a person must resolve',
  verified: 'Two independent entries agree, one from paper',
  certified: 'Certified by the chair',
};

export const RULES_LABELS: Record<RulesProfileId, string> = {
  'iowa-dem-2020': 'Iowa Democratic caucus 2020',
  plurality: 'Plurality (vote totals only)',
};

export const FINDING_LABELS: Record<FindingCode, string> = {
  FINAL_EXCEEDS_FIRST: 'Final exceeds first',
  VIABLE_GROUP_SHRANK: 'Viable group shrank',
  DELEGATES_TO_NONVIABLE: 'Delegates to non-viable group',
  DELEGATE_TOTAL_MISMATCH: 'Delegate total mismatch',
  ALLOCATION_MISMATCH: 'Allocation mismatch',
  SDE_MISMATCH: 'SDE mismatch',
  MORE_VOTES_FEWER_DELEGATES: 'More votes, fewer delegates',
  NEGATIVE_OR_NON_INTEGER: 'Negative or non-integer',
  MISSING_DATA: 'Missing data',
};

export const ROLE_LABELS: Record<'chair' | 'entry' | 'verifier', string> = {
  chair: 'County chair',
  entry: 'Data entry',
  verifier: 'Recount verifier',
};
