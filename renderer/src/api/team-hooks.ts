/**
 * react-query hooks for team mode (docs/TEAM.md): the hub's stations and pairing codes, the station's
 * connection and outbox, and who has which precinct open. Polled, because the other laptops change
 * these without this window doing anything.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiInput } from '../../../electron/core/api/types';
import { callApi } from './client';

export type {
  HubInfo,
  PairingCodeView,
  PrecinctLease,
  PrecinctOpenView,
  QueuedNote,
  RefusedEntry,
  StationBatchFile,
  StationStatus,
  StationView,
  TeamStatus,
} from '../../../electron/core/api/types';

export const teamKeys = {
  status: ['team-status'] as const,
  stations: ['team-stations'] as const,
  leases: ['precinct-leases'] as const,
};

/** Hub, station or neither; on a station its connection and outbox, refreshed often (the banner shows them). */
export function useTeamStatus() {
  return useQuery({
    queryKey: teamKeys.status,
    queryFn: () => callApi('getTeamStatus', {}),
    refetchInterval: 2_000,
    // The banner must keep saying "hub unreachable" while the hub is away, not flicker to an error; and a
    // component that mounts (the banner) must not refetch a failed answer at once (the gate would flicker).
    retry: false,
    retryOnMount: false,
  });
}

export function useStations(enabled = true) {
  return useQuery({
    queryKey: teamKeys.stations,
    queryFn: () => callApi('listStations', {}),
    refetchInterval: 3_000,
    enabled,
  });
}

/** Who has which precinct open right now (empty on a laptop that is not in team mode). */
export function usePrecinctLeases() {
  return useQuery({
    queryKey: teamKeys.leases,
    queryFn: () => callApi('listPrecinctLeases', {}),
    refetchInterval: 4_000,
    retry: false,
  });
}

export function useCreatePairingCode() {
  return useMutation({
    mutationFn: (input: ApiInput<'createPairingCode'>) => callApi('createPairingCode', input),
  });
}

export function useRevokeStation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'revokeStation'>) => callApi('revokeStation', input),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: teamKeys.stations }),
        client.invalidateQueries({ queryKey: teamKeys.status }),
        client.invalidateQueries({ queryKey: teamKeys.leases }),
      ]),
  });
}

/** After pairing every answer comes from the hub: nothing read before it still holds. */
export function usePairWithHub() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'pairWithHub'>) => callApi('pairWithHub', input),
    onSuccess: () => client.invalidateQueries(),
  });
}

export function useExportStationBatch() {
  return useMutation({
    mutationFn: (input: ApiInput<'exportStationBatch'>) => callApi('exportStationBatch', input),
  });
}

/** Whether the chair turned team mode on for this laptop (it starts the hub when Tallyroom next starts). */
export function useTeamHubSetting() {
  return useQuery({ queryKey: ['team-hub-setting'], queryFn: () => callApi('getTeamHubSetting', {}) });
}

export function useSaveTeamHubSetting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'saveTeamHubSetting'>) => callApi('saveTeamHubSetting', input),
    onSuccess: (view) => client.setQueryData(['team-hub-setting'], view),
  });
}
