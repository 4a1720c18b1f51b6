/**
 * The paired stations as the hub sees them: who is signed in there, when it was last heard from,
 * what it has sent and what it says it still holds, which precincts are open there; the chair
 * revokes one from here (with a confirmation).
 */
import { useState } from 'react';
import type { StationView } from '../api/team-hooks';
import { formatCount, formatTime } from '../format';
import { useSession } from '../session';
import { RevokeStationDialog } from './RevokeStationDialog';
import './StationTable.css';

export function StationTable({ stations }: { stations: readonly StationView[] }) {
  const { person } = useSession();
  const [revoking, setRevoking] = useState<StationView | null>(null);
  const chair = person?.role === 'chair';

  if (stations.length === 0) {
    return <div className="list-empty">No station is paired yet. Make a pairing code and type it on the laptop.</div>;
  }
  return (
    <div className="table-wrap">
      <table className="data-table station-table" aria-label="Stations">
        <thead>
          <tr>
            <th scope="col">Station</th>
            <th scope="col">Connection</th>
            <th scope="col">Signed in there</th>
            <th scope="col">Last seen</th>
            <th scope="col" className="num">
              Entries received
            </th>
            <th scope="col" className="num">
              Waiting on the station
            </th>
            <th scope="col">Open precincts</th>
            {chair ? <th scope="col">Action</th> : null}
          </tr>
        </thead>
        <tbody>
          {stations.map((station) => {
            const state = station.revokedAt ? 'revoked' : station.online ? 'online' : 'offline';
            return (
              <tr key={station.id} data-station={station.name} data-state={state}>
                <th scope="row">
                  <span className="station-name">{station.name}</span>
                  <span className="station-id mono muted">{station.id}</span>
                </th>
                <td>
                  <span className={`connection-chip connection-${state}`} data-testid="station-state">
                    <span className="status-dot" aria-hidden="true" />
                    {state === 'revoked' ? 'Revoked' : state === 'online' ? 'Online' : 'Offline'}
                  </span>
                  {station.revokedAt ? (
                    <span className="station-note muted">
                      by {station.revokedBy ?? 'the chair'}, {formatTime(station.revokedAt)}
                    </span>
                  ) : null}
                </td>
                <td data-testid="station-operator">{station.operator ?? <span className="muted">—</span>}</td>
                <td className="nowrap">{formatTime(station.lastSeenAt)}</td>
                <td className="num" data-testid="station-received">
                  {formatCount(station.entriesReceived)}
                </td>
                <td className="num" data-testid="station-queued">
                  {station.queued === null ? <span className="muted">not reported</span> : formatCount(station.queued)}
                </td>
                <td className="mono">{station.openPrecincts.length ? station.openPrecincts.join(', ') : '—'}</td>
                {chair ? (
                  <td>
                    {station.revokedAt ? null : (
                      <button
                        type="button"
                        className="button small danger-ghost"
                        aria-label={`Revoke ${station.name}`}
                        onClick={() => setRevoking(station)}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {revoking ? <RevokeStationDialog station={revoking} onClose={() => setRevoking(null)} /> : null}
    </div>
  );
}
