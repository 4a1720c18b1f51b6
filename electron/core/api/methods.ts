/**
 * The fixed list of API methods. The preload imports only this file (no zod, no domain code),
 * so the channel list it exposes is exactly the API's.
 */
export const API_METHODS = [
  'getOverview',
  'getElection',
  'previewCountyDefinition',
  'createCounty',
  'loadDemoCounty',
  'getPrecinct',
  'evaluateWorksheet',
  'submitWorksheet',
  'getAuditLog',
  'verifyAuditLog',
  'getTeam',
  'signUpChair',
  'signIn',
  'signOut',
  'getSession',
  'addOperator',
  'getVerificationPolicy',
  'getDiscrepancies',
  'resolveDiscrepancy',
  'certifyPrecinct',
  'certifyCounty',
  'submitRecount',
  'correctCertifiedResult',
  'getRecountSummary',
  'exportRecountReport',
  'importFiles',
  'listQuarantine',
  'acceptQuarantined',
  'rejectQuarantined',
  'listScanQueue',
  // Settings, the mailbox while the app runs, drives, automatic backups: handlers/settings.ts
  'getMailboxStatus',
  'saveMailboxSettings',
  'checkMailboxNow',
  'getPendingCounts',
  'listDriveInboxes',
  'importFromDrive',
  'ejectDrive',
  'getBackupStatus',
  'saveBackupSettings',
  'backupNow',
  'getTeamHubSetting',
  'saveTeamHubSetting',
  'readScan',
  'getScanReading',
  'confirmScanReading',
  'rejectScan',
  'getReportEvidence',
  // Sheets that are not ours, read as a table of numbers and mapped by a person (docs/OCR.md): handlers/scan-foreign.ts
  'readForeignScan',
  'confirmForeignScan',
  // Printable worksheets (docs/OCR.md): handlers/worksheet-pdf.ts
  'worksheetPdf',
  // Team mode (docs/TEAM.md): electron/core/team
  'getTeamStatus',
  'createPairingCode',
  'listStations',
  'revokeStation',
  'openPrecinct',
  'closePrecinct',
  'listPrecinctLeases',
  'pairWithHub',
  'exportStationBatch',
  // Signed bundles and the state party (docs/BUNDLE.md): handlers/bundles.ts
  'getSigningKey',
  'createSigningKey',
  'exportBundle',
  'listRemovableDrives',
  'exportBundleToDrive',
  'aggregateBundles',
  // Risk-limiting audit (docs/RLA.md): handlers/audit.ts
  'auditPlan',
  'auditStart',
  'auditDraw',
  'auditEnterHandTally',
  'auditMeasure',
  'auditNextRound',
  'auditReport',
  'getAudit',
] as const;

export type ApiMethodName = (typeof API_METHODS)[number];

/** IPC channel of a method: one channel per method, nothing else is registered. */
export function ipcChannelOf(method: ApiMethodName): string {
  return `tallyroom:${method}`;
}

export function isApiMethodName(value: string): value is ApiMethodName {
  return (API_METHODS as readonly string[]).includes(value);
}
