/**
 * Precinct leases in worksheet entry (docs/TEAM.md): choosing a precinct tells the hub "open here, by me",
 * renewed while the worksheet stays open and given back when it closes, so the precinct list shows
 * who has it open and a second person about to key the same sheet is warned.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../api/client';
import { type PrecinctLease, teamKeys } from '../api/team-hooks';
import { formatTime } from '../format';
import { useSessionToken } from '../session';

/** Renewed well inside the hub's lease time, so a lease never lapses while the worksheet is open. */
const RENEW_MS = 15_000;

type LeasePurpose = PrecinctLease['purpose'];

/** Holds the lease on `precinct` while it is set; returns the others who have it open too. */
export function usePrecinctLease(precinct: string | null, purpose: LeasePurpose): readonly PrecinctLease[] {
  const session = useSessionToken();
  const client = useQueryClient();
  const holding = Boolean(precinct && session);
  // Opening the precinct is asked again every RENEW_MS while it stays open: that renews the lease.
  const lease = useQuery({
    queryKey: ['precinct-lease', precinct, purpose, session] as const,
    queryFn: async (): Promise<readonly PrecinctLease[]> => {
      const result = await api.openPrecinct({ session, precinct: precinct as string, purpose }).catch(() => null);
      if (result) void client.invalidateQueries({ queryKey: teamKeys.leases });
      // A hub that cannot be reached just means no warning: entry goes on (the station queues it).
      return result?.ok ? result.value.alsoOpen : [];
    },
    enabled: holding,
    refetchInterval: RENEW_MS,
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: false,
    retry: false,
    gcTime: 0,
  });
  // Given back when the worksheet closes or moves to another precinct.
  useEffect(() => {
    if (!precinct || !session) return;
    return () => {
      void api
        .closePrecinct({ session, precinct })
        .then(() => client.invalidateQueries({ queryKey: teamKeys.leases }))
        .catch(() => undefined);
    };
  }, [precinct, session, client]);
  return holding ? (lease.data ?? NO_LEASES) : NO_LEASES;
}

const NO_LEASES: readonly PrecinctLease[] = [];

const PURPOSE_TEXT: Record<LeasePurpose, string> = {
  entry: 'keying it',
  'second-entry': 'keying the blind second entry',
};

export function PrecinctOpenWarning({ leases, purpose }: { leases: readonly PrecinctLease[]; purpose: LeasePurpose }) {
  if (leases.length === 0) return null;
  const same = leases.filter((lease) => lease.purpose === purpose);
  const describe = (lease: PrecinctLease) =>
    `${lease.operator || 'someone'} on ${lease.stationName} (${PURPOSE_TEXT[lease.purpose]}, since ${formatTime(lease.openedAt)})`;
  return (
    <div
      className={`notice ${same.length > 0 ? 'notice-warning' : 'notice-info'} precinct-open-warning`}
      role="status"
      data-testid="precinct-open-warning"
    >
      {same.length > 0 ? (
        <>
          <strong>This precinct is open on another laptop:</strong> {same.map(describe).join('; ')}. Check that you are
          not keying the same sheet twice.
        </>
      ) : (
        <>Also open: {leases.map(describe).join('; ')}. That is expected for a blind second entry.</>
      )}
    </div>
  );
}
