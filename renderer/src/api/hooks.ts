/**
 * react-query hooks over the API. Queries are keyed by what they read; mutations invalidate
 * the groups of queries their change affects (a new report changes the overview, that precinct
 * and the audit log; a new county changes everything).
 */
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiInput } from '../../../electron/core/api/types';
import { callApi } from './client';

export const queryKeys = {
  overview: ['overview'] as const,
  precinct: (code: string) => ['precinct', code] as const,
  precincts: ['precinct'] as const,
  auditLog: ['audit-log'] as const,
  auditPage: (offset: number, limit: number) => ['audit-log', offset, limit] as const,
  team: ['team'] as const,
  discrepancies: ['discrepancies'] as const,
  recounts: ['recounts'] as const,
  policy: ['verification-policy'] as const,
};

/** What changes when results or the county change. */
function invalidateResults(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.overview }),
    client.invalidateQueries({ queryKey: queryKeys.precincts }),
    client.invalidateQueries({ queryKey: queryKeys.auditLog }),
    client.invalidateQueries({ queryKey: queryKeys.team }),
    client.invalidateQueries({ queryKey: queryKeys.discrepancies }),
    client.invalidateQueries({ queryKey: queryKeys.recounts }),
  ]);
}

export function useOverview() {
  return useQuery({
    queryKey: queryKeys.overview,
    queryFn: () => callApi('getOverview', {}),
    // Reports also arrive from imports and other stations: keep the county view fresh.
    refetchInterval: 5_000,
  });
}

export function usePrecinct(code: string | null) {
  return useQuery({
    queryKey: queryKeys.precinct(code ?? ''),
    queryFn: () => callApi('getPrecinct', { precinct: code as string }),
    enabled: code !== null && code !== '',
  });
}

export function useAuditLog(offset: number, limit: number) {
  return useQuery({
    queryKey: queryKeys.auditPage(offset, limit),
    queryFn: () => callApi('getAuditLog', { offset, limit }),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAuditLog() {
  return useMutation({ mutationFn: () => callApi('verifyAuditLog', {}) });
}

export function usePreviewCountyDefinition() {
  return useMutation({
    mutationFn: (input: ApiInput<'previewCountyDefinition'>) => callApi('previewCountyDefinition', input),
  });
}

export function useCreateCounty() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'createCounty'>) => callApi('createCounty', input),
    onSuccess: () => invalidateResults(client),
  });
}

export function useLoadDemoCounty() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'loadDemoCounty'>) => callApi('loadDemoCounty', input),
    onSuccess: () => invalidateResults(client),
  });
}

export function useSubmitWorksheet() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'submitWorksheet'>) => callApi('submitWorksheet', input),
    onSuccess: () => invalidateResults(client),
  });
}

export function useTeam() {
  return useQuery({ queryKey: queryKeys.team, queryFn: () => callApi('getTeam', {}) });
}

export function useVerificationPolicy() {
  return useQuery({
    queryKey: queryKeys.policy,
    queryFn: () => callApi('getVerificationPolicy', {}),
    staleTime: Infinity,
  });
}

export function useDiscrepancies() {
  return useQuery({
    queryKey: queryKeys.discrepancies,
    queryFn: () => callApi('getDiscrepancies', {}),
    refetchInterval: 5_000,
  });
}

export function useRecountSummary() {
  return useQuery({ queryKey: queryKeys.recounts, queryFn: () => callApi('getRecountSummary', {}) });
}

/** A mutation that changes results (and so the overview, precincts, queue, recounts and the log). */
function useResultsMutation<M extends Parameters<typeof callApi>[0]>(method: M) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<M>) => callApi(method, input),
    onSuccess: () => invalidateResults(client),
  });
}

export const useSignIn = () => useResultsMutation('signIn');
export const useSignUpChair = () => useResultsMutation('signUpChair');
export const useAddOperator = () => useResultsMutation('addOperator');
export const useResolveDiscrepancy = () => useResultsMutation('resolveDiscrepancy');
export const useCertifyPrecinct = () => useResultsMutation('certifyPrecinct');
export const useCertifyCounty = () => useResultsMutation('certifyCounty');
export const useSubmitRecount = () => useResultsMutation('submitRecount');

export function useExportRecountReport() {
  return useMutation({ mutationFn: (input: ApiInput<'exportRecountReport'>) => callApi('exportRecountReport', input) });
}

/** Printable worksheets (docs/OCR.md): reads only, so nothing to invalidate. */
export function useWorksheetPdf() {
  return useMutation({ mutationFn: (input: ApiInput<'worksheetPdf'>) => callApi('worksheetPdf', input) });
}

/** Intake (docs/INTAKE.md): imports, the mail quarantine and the scan queue. */
const intakeKeys = { quarantine: ['quarantine'] as const, scanQueue: ['scan-queue'] as const };

function invalidateIntake(client: QueryClient): Promise<unknown> {
  return Promise.all([
    invalidateResults(client),
    client.invalidateQueries({ queryKey: intakeKeys.quarantine }),
    client.invalidateQueries({ queryKey: intakeKeys.scanQueue }),
  ]);
}

/** One batch of files; the screen sends a few at a time and invalidates once at the end. */
export function useImportFiles() {
  return useMutation({ mutationFn: (input: ApiInput<'importFiles'>) => callApi('importFiles', input) });
}

export function useInvalidateAfterImport() {
  const client = useQueryClient();
  return () => invalidateIntake(client);
}

export function useQuarantine(pendingOnly = true) {
  return useQuery({
    queryKey: [...intakeKeys.quarantine, pendingOnly],
    queryFn: () => callApi('listQuarantine', { pendingOnly }),
    refetchInterval: 10_000,
  });
}

export function useScanQueue() {
  return useQuery({
    queryKey: intakeKeys.scanQueue,
    queryFn: () => callApi('listScanQueue', {}),
    refetchInterval: 10_000,
  });
}

export function useAcceptQuarantined() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'acceptQuarantined'>) => callApi('acceptQuarantined', input),
    onSuccess: () => invalidateIntake(client),
  });
}

export function useRejectQuarantined() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'rejectQuarantined'>) => callApi('rejectQuarantined', input),
    onSuccess: () => invalidateIntake(client),
  });
}

/** Scan review (docs/OCR.md): a queued scan's reading, reading it, confirming it or setting it aside. */
const scanKeys = {
  reading: (scanId: number) => ['scan-reading', scanId] as const,
  evidence: (reportId: number) => ['report-evidence', reportId] as const,
};

export function useScanReading(scanId: number | null) {
  return useQuery({
    queryKey: scanKeys.reading(scanId ?? 0),
    queryFn: () => callApi('getScanReading', { scanId: scanId as number }),
    enabled: scanId !== null && scanId > 0,
  });
}

/** OCR takes a few seconds; the new reading replaces the cached one as soon as it arrives. */
export function useReadScan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'readScan'>) => callApi('readScan', input),
    onSuccess: (view) => {
      client.setQueryData(scanKeys.reading(view.scanId), view);
      return Promise.all([
        client.invalidateQueries({ queryKey: intakeKeys.scanQueue }),
        client.invalidateQueries({ queryKey: queryKeys.auditLog }),
      ]);
    },
  });
}

export function useConfirmScanReading() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'confirmScanReading'>) => callApi('confirmScanReading', input),
    onSuccess: (confirmed) => {
      client.setQueryData(scanKeys.reading(confirmed.scan.scanId), confirmed.scan);
      return invalidateIntake(client);
    },
  });
}

export function useRejectScan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'rejectScan'>) => callApi('rejectScan', input),
    onSuccess: (view) => {
      client.setQueryData(scanKeys.reading(view.scanId), view);
      return invalidateIntake(client);
    },
  });
}

/** A picture that is not a Tallyroom worksheet, read as a table of numbers (the full-page fallback, docs/OCR.md). */
export function useReadForeignScan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'readForeignScan'>) => callApi('readForeignScan', input),
    onSuccess: (view) => {
      client.setQueryData(scanKeys.reading(view.scanId), view);
      return Promise.all([
        client.invalidateQueries({ queryKey: intakeKeys.scanQueue }),
        client.invalidateQueries({ queryKey: queryKeys.auditLog }),
      ]);
    },
  });
}

/** The person's mapping of a foreign sheet: precinct and every field, confirmed into a report. */
export function useConfirmForeignScan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'confirmForeignScan'>) => callApi('confirmForeignScan', input),
    onSuccess: (confirmed) => {
      client.setQueryData(scanKeys.reading(confirmed.scan.scanId), confirmed.scan);
      return invalidateIntake(client);
    },
  });
}

/** The scan a report was confirmed from (null for reports that did not come from a scan). */
export function useReportEvidence(reportId: number, enabled = true) {
  return useQuery({
    queryKey: scanKeys.evidence(reportId),
    queryFn: () => callApi('getReportEvidence', { reportId }),
    enabled,
    staleTime: Infinity,
  });
}
