/**
 * react-query hooks of the risk-limiting audit (docs/RLA.md). Every audit change re-reads the audit and
 * the audit log; nothing here changes results.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiInput } from '../../../electron/core/api/types';
import { callApi } from './client';
import { queryKeys } from './hooks';

export type {
  AuditCandidateCount,
  AuditHandTallyResult,
  AuditMeasurementView,
  AuditPlanView,
  AuditRoundView,
  AuditSampledPrecinct,
  AuditStatus,
  AuditTicketView,
  AuditView,
} from '../../../electron/core/api/audit-contract';

export const auditKeys = {
  audit: ['rla-audit'] as const,
  plan: (riskLimit: number) => ['rla-plan', riskLimit] as const,
};

export function useAudit() {
  // Several verifiers may count at once on other laptops: keep the audit fresh.
  return useQuery({ queryKey: auditKeys.audit, queryFn: () => callApi('getAudit', {}), refetchInterval: 5_000 });
}

/** What a risk limit asks for on the results now (read only); null while the limit is not a number. */
export function useAuditPlan(riskLimit: number | null) {
  return useQuery({
    queryKey: auditKeys.plan(riskLimit ?? 0),
    queryFn: () => callApi('auditPlan', { riskLimit: riskLimit as number }),
    enabled: riskLimit !== null && riskLimit > 0 && riskLimit < 100,
    placeholderData: keepPreviousData,
  });
}

function useAuditMutation<
  M extends 'auditStart' | 'auditDraw' | 'auditEnterHandTally' | 'auditMeasure' | 'auditNextRound',
>(method: M) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<M>) => callApi(method, input),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: auditKeys.audit }),
        client.invalidateQueries({ queryKey: ['rla-plan'] }),
        client.invalidateQueries({ queryKey: queryKeys.auditLog }),
      ]),
  });
}

export const useAuditStart = () => useAuditMutation('auditStart');
export const useAuditDraw = () => useAuditMutation('auditDraw');
export const useAuditEnterHandTally = () => useAuditMutation('auditEnterHandTally');
export const useAuditMeasure = () => useAuditMutation('auditMeasure');
export const useAuditNextRound = () => useAuditMutation('auditNextRound');

export function useAuditReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'auditReport'>) => callApi('auditReport', input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.auditLog }),
  });
}
