/**
 * What the API returns: the shapes the UI, the CLI and the tests read.
 * Inputs are defined by the zod schemas in ./schemas.ts (validated on every transport).
 * The shapes themselves are the domain's and live on the ground floor, electron/core/model/.
 */
export type { AuditEntry, AuditLogPage, AuditVerification } from '../model/audit-entry';
export type { CandidateInfo, CountySetupInput, ElectionInfo, PrecinctInfo } from '../model/county';
export type { FileProblem } from '../model/file-problem';
export type { OperatorRoleName, OperatorView, SessionView, TeamView } from '../model/operator';
export type { CandidateTotal, Overview, PrecinctDetail, PrecinctRow } from '../model/overview';
export { PRECINCT_STATUSES, type PrecinctStatus } from '../model/precinct-status';
export type {
  CandidateChange,
  CandidateNumbers,
  PrecinctRecount,
  RecountReportFile,
  RecountSummary,
} from '../model/recount';
export {
  REPORT_SOURCES,
  type ReportSource,
  type ReportView,
  type SubmittedReport,
  type WorksheetLine,
} from '../model/report';
export type {
  CertificationView,
  CertifiedChangeView,
  CertifiedPrecinct,
  CountyCertificationView,
  Discrepancy,
  FieldDifference,
  PrecinctVerification,
  ResolutionView,
  ResolvedDiscrepancy,
  VerificationPolicyView,
} from '../model/verification';
export type { ComputedAllocation, WorksheetEvaluation } from '../model/worksheet-evaluation';
