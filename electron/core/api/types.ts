import type { IntakeSummary } from '../intake/intake-summary';
import type { Result } from '../result';
import type { QuarantineRecord, ScanQueueEntry } from '../store/intake-records';
import type {
  PairingCodeView,
  PrecinctLease,
  PrecinctOpenView,
  StationBatchFile,
  StationStatus,
  StationView,
  TeamStatus,
} from '../team/contract';
import type {
  AuditHandTallyResult,
  AuditMeasurementView,
  AuditPlanView,
  AuditReportFile,
  AuditView,
} from './audit-contract';
import type {
  AuditLogPage,
  AuditVerification,
  CertifiedPrecinct,
  CountyCertificationView,
  CountySetupInput,
  Discrepancy,
  ElectionInfo,
  OperatorView,
  Overview,
  PrecinctDetail,
  RecountReportFile,
  RecountSummary,
  ResolvedDiscrepancy,
  SessionView,
  SubmittedReport,
  TeamView,
  VerificationPolicyView,
  WorksheetEvaluation,
} from './contract';
import type { BundleOutputs } from './handlers/bundles';
import type { ImportFilesResult, QuarantineView } from './handlers/intake';
import type { ConfirmedScan, ReportEvidence, ScanReviewView } from './handlers/scans';
import type { SettingsOutputs } from './handlers/settings';
import type { WorksheetPdfFile } from './handlers/worksheet-pdf';
import type { ApiMethodName } from './methods';
import type { ApiInput } from './schemas';

/** What each API method returns on success. */
export interface ApiOutputs extends BundleOutputs {
  getOverview: Overview;
  getElection: ElectionInfo | null;
  previewCountyDefinition: CountySetupInput;
  createCounty: ElectionInfo;
  loadDemoCounty: ElectionInfo;
  getPrecinct: PrecinctDetail;
  evaluateWorksheet: WorksheetEvaluation;
  submitWorksheet: SubmittedReport;
  getAuditLog: AuditLogPage;
  verifyAuditLog: AuditVerification;
  getTeam: TeamView;
  signUpChair: SessionView;
  signIn: SessionView;
  signOut: null;
  getSession: OperatorView;
  addOperator: OperatorView;
  getVerificationPolicy: VerificationPolicyView;
  getDiscrepancies: readonly Discrepancy[];
  resolveDiscrepancy: ResolvedDiscrepancy;
  certifyPrecinct: CertifiedPrecinct;
  certifyCounty: CountyCertificationView;
  submitRecount: SubmittedReport;
  correctCertifiedResult: SubmittedReport;
  getRecountSummary: RecountSummary;
  exportRecountReport: RecountReportFile;
  importFiles: ImportFilesResult;
  listQuarantine: readonly QuarantineView[];
  acceptQuarantined: IntakeSummary;
  rejectQuarantined: QuarantineRecord;
  listScanQueue: readonly ScanQueueEntry[];
  getMailboxStatus: SettingsOutputs['getMailboxStatus'];
  saveMailboxSettings: SettingsOutputs['saveMailboxSettings'];
  checkMailboxNow: SettingsOutputs['checkMailboxNow'];
  getPendingCounts: SettingsOutputs['getPendingCounts'];
  listDriveInboxes: SettingsOutputs['listDriveInboxes'];
  importFromDrive: SettingsOutputs['importFromDrive'];
  ejectDrive: SettingsOutputs['ejectDrive'];
  getBackupStatus: SettingsOutputs['getBackupStatus'];
  saveBackupSettings: SettingsOutputs['saveBackupSettings'];
  getTeamHubSetting: SettingsOutputs['getTeamHubSetting'];
  saveTeamHubSetting: SettingsOutputs['saveTeamHubSetting'];
  backupNow: SettingsOutputs['backupNow'];
  readScan: ScanReviewView;
  getScanReading: ScanReviewView;
  confirmScanReading: ConfirmedScan;
  rejectScan: ScanReviewView;
  readForeignScan: ScanReviewView;
  confirmForeignScan: ConfirmedScan;
  getReportEvidence: ReportEvidence | null;
  worksheetPdf: WorksheetPdfFile;
  getTeamStatus: TeamStatus;
  createPairingCode: PairingCodeView;
  listStations: readonly StationView[];
  revokeStation: StationView;
  openPrecinct: PrecinctOpenView;
  closePrecinct: null;
  listPrecinctLeases: readonly PrecinctLease[];
  pairWithHub: StationStatus;
  exportStationBatch: StationBatchFile;
  auditPlan: AuditPlanView;
  auditStart: AuditView;
  auditDraw: AuditView;
  auditEnterHandTally: AuditHandTallyResult;
  auditMeasure: AuditMeasurementView;
  auditNextRound: AuditView;
  auditReport: AuditReportFile;
  getAudit: AuditView | null;
}

/**
 * The one API: a method per name, one input object each, a Result back.
 * The IPC bridge, the HTTP harness and in-process callers all have exactly this type.
 */
export type Api = {
  readonly [M in ApiMethodName]: (input: ApiInput<M>) => Promise<Result<ApiOutputs[M]>>;
};
export type { ApiMethodName } from './methods';
