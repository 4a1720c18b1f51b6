/**
 * react-query hooks for the county's settings and what runs by itself: the
 * mailbox and its last check, drives with report files, automatic backups, and the counts of
 * things waiting for a person (navigation badges). Polled: the app changes these by itself.
 */
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiInput } from '../../../electron/core/api/types';
import { callApi } from './client';

export type {
  BackupStatusView,
  DriveView,
  ImportFilesResult,
  InboxFile,
  MailboxStatusView,
  MailCheck,
  PendingCounts,
} from '../../../electron/core/api/types';

export const settingsKeys = {
  mailbox: ['mailbox-status'] as const,
  backup: ['backup-status'] as const,
  pending: ['pending-counts'] as const,
  drives: ['drive-inboxes'] as const,
};

/** What a fetch or an import may have changed: results, the queues, the badges. */
function invalidateAfterIntake(client: QueryClient): Promise<unknown> {
  return client.invalidateQueries({
    predicate: (query) => {
      const key = query.queryKey[0];
      return key !== settingsKeys.backup[0];
    },
  });
}

export function useMailboxStatus() {
  return useQuery({
    queryKey: settingsKeys.mailbox,
    queryFn: () => callApi('getMailboxStatus', {}),
    refetchInterval: 5_000,
  });
}

export function useSaveMailboxSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'saveMailboxSettings'>) => callApi('saveMailboxSettings', input),
    onSuccess: (status) => client.setQueryData(settingsKeys.mailbox, status),
  });
}

export function useCheckMailboxNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'checkMailboxNow'>) => callApi('checkMailboxNow', input),
    onSettled: () => invalidateAfterIntake(client),
  });
}

export function usePendingCounts() {
  return useQuery({
    queryKey: settingsKeys.pending,
    queryFn: () => callApi('getPendingCounts', {}),
    refetchInterval: 4_000,
  });
}

/** Only a signed-in person sees the drives (`session`, or none in a county without a team yet). */
export function useDriveInboxes(session: string) {
  return useQuery({
    queryKey: [...settingsKeys.drives, session],
    queryFn: () => callApi('listDriveInboxes', session ? { session } : {}),
    refetchInterval: 3_000,
  });
}

/** A few files per call, so the screen can show real progress; the screen invalidates at the end. */
export function useImportFromDrive() {
  return useMutation({ mutationFn: (input: ApiInput<'importFromDrive'>) => callApi('importFromDrive', input) });
}

export function useEjectDrive() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'ejectDrive'>) => callApi('ejectDrive', input),
    onSuccess: () => client.invalidateQueries({ queryKey: settingsKeys.drives }),
  });
}

export function useInvalidateAfterIntake() {
  const client = useQueryClient();
  return () => invalidateAfterIntake(client);
}

export function useBackupStatus() {
  return useQuery({
    queryKey: settingsKeys.backup,
    queryFn: () => callApi('getBackupStatus', {}),
    refetchInterval: 10_000,
  });
}

export function useSaveBackupSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'saveBackupSettings'>) => callApi('saveBackupSettings', input),
    onSuccess: (status) => client.setQueryData(settingsKeys.backup, status),
  });
}

export function useBackupNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiInput<'backupNow'>) => callApi('backupNow', input),
    onSettled: () => client.invalidateQueries({ queryKey: settingsKeys.backup }),
  });
}
