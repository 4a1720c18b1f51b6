/** React Query hooks of the bundle methods (docs/BUNDLE.md): the county key, exports, drives, the state party. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiInput } from '../../../electron/core/api/types';
import { callApi } from './client';
import { queryKeys } from './hooks';

export const bundleKeys = { signingKey: ['signing-key'] as const, drives: ['removable-drives'] as const };

export function useSigningKey() {
  return useQuery({ queryKey: bundleKeys.signingKey, queryFn: () => callApi('getSigningKey', {}) });
}

export function useCreateSigningKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'createSigningKey'>) => callApi('createSigningKey', input),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: bundleKeys.signingKey }),
        client.invalidateQueries({ queryKey: queryKeys.auditLog }),
      ]),
  });
}

/** An export adds an audit entry; it changes no result. */
function useExportMutation<M extends 'exportBundle' | 'exportBundleToDrive'>(method: M) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<M>) => callApi(method, input),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.auditLog }),
        client.invalidateQueries({ queryKey: bundleKeys.signingKey }),
        client.invalidateQueries({ queryKey: bundleKeys.drives }),
      ]),
  });
}

export const useExportBundle = () => useExportMutation('exportBundle');
export const useExportBundleToDrive = () => useExportMutation('exportBundleToDrive');

export function useRemovableDrives() {
  return useQuery({
    queryKey: bundleKeys.drives,
    queryFn: () => callApi('listRemovableDrives', {}),
    refetchInterval: 4_000,
  });
}

export function useAggregateBundles() {
  return useMutation({ mutationFn: (input: ApiInput<'aggregateBundles'>) => callApi('aggregateBundles', input) });
}
