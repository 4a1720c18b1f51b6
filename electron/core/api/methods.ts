/**
 * The API's method names alone. The preload imports only this file (no zod, no domain code), so the
 * channel list it exposes is exactly the API's. Each method is declared in the method table
 * (method-table.ts); a type check there and tests/integration/api.method-table.test.ts keep this
 * list equal to it.
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
  'readForeignScan',
  'confirmForeignScan',
  'worksheetPdf',
  'getTeamStatus',
  'createPairingCode',
  'listStations',
  'revokeStation',
  'openPrecinct',
  'closePrecinct',
  'listPrecinctLeases',
  'pairWithHub',
  'exportStationBatch',
  'getSigningKey',
  'createSigningKey',
  'exportBundle',
  'listRemovableDrives',
  'exportBundleToDrive',
  'aggregateBundles',
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
