/**
 * A station laptop that is not paired yet has no county to show: it opens on "Connect to the
 * county hub" instead of the app, and stays there after pairing until the person has seen the
 * fingerprint it pinned. Once paired, a banner under the top bar says whether the hub is reachable.
 */
import { type ReactNode, useEffect, useState } from 'react';
import { useTeamStatus } from '../api/team-hooks';
import { ConnectToHub } from '../screens/ConnectToHub';
import { StationBanner } from './StationBanner';
import { Loading } from './ui';

export function StationGate({ children }: { children: ReactNode }) {
  const status = useTeamStatus();
  const station = status.data?.mode === 'station' ? status.data.station : null;
  const unpaired = station !== null && !station.paired;
  const [welcoming, setWelcoming] = useState(false);

  useEffect(() => {
    if (unpaired) setWelcoming(true);
  }, [unpaired]);

  // Until the first answer it is not known whether this laptop is a station (a failed answer: it is not).
  // Not `isPending`: a query that never succeeded goes back to pending on each refetch, which would hide
  // the app again every two seconds when the API cannot be reached at all.
  const answered = status.data !== undefined || status.errorUpdatedAt > 0;
  if (!answered) return <Loading label="Starting Tallyroom…" />;
  if (station && (unpaired || welcoming)) {
    return <ConnectToHub paired={unpaired ? null : station} onDone={() => setWelcoming(false)} />;
  }
  return <>{children}</>;
}

/** The connection banner of a paired station (nothing on a hub or a laptop working alone). */
export function TeamBanner() {
  const status = useTeamStatus();
  if (status.data?.mode !== 'station' || !status.data.station.paired) return null;
  return <StationBanner station={status.data.station} />;
}
