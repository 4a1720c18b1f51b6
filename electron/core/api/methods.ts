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
  'readScan',
  'getScanReading',
  'confirmScanReading',
  'rejectScan',
  'getReportEvidence',
] as const;

export type ApiMethodName = (typeof API_METHODS)[number];

/** IPC channel of a method: one channel per method, nothing else is registered. */
export function ipcChannelOf(method: ApiMethodName): string {
  return `tallyroom:${method}`;
}

export function isApiMethodName(value: string): value is ApiMethodName {
  return (API_METHODS as readonly string[]).includes(value);
}
