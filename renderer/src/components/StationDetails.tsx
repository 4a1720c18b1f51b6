/** This station laptop: which hub it is paired with (and the fingerprint it pinned), its outbox, batch export. */
import type { StationStatus } from '../api/team-hooks';
import { formatCount, formatTime } from '../format';
import { ExportBatchButton } from './ExportBatchButton';
import { Card } from './ui';
import './StationDetails.css';

export function StationDetails({ station }: { station: StationStatus }) {
  return (
    <div className="station-details">
      <Card title="This station">
        <dl className="facts station-facts">
          <div>
            <dt>Station</dt>
            <dd>
              {station.stationName ?? '—'} <span className="mono muted">{station.stationId ?? ''}</span>
            </dd>
          </div>
          <div>
            <dt>County hub</dt>
            <dd className="mono">{station.hubUrl ?? '—'}</dd>
          </div>
          <div>
            <dt>Hub fingerprint (pinned at pairing)</dt>
            <dd className="mono fingerprint" data-testid="pinned-fingerprint">
              {station.hubFingerprint ?? '—'}
            </dd>
          </div>
          <div>
            <dt>Connection</dt>
            <dd>
              {station.revoked ? 'Revoked by the chair' : station.connected ? 'Connected' : 'Hub unreachable'}
              {station.lastContactAt ? ` · last contact ${formatTime(station.lastContactAt)}` : ''}
            </dd>
          </div>
          <div>
            <dt>Sent to the hub</dt>
            <dd>{formatCount(station.delivered)}</dd>
          </div>
          <div>
            <dt>Waiting on this laptop</dt>
            <dd data-testid="station-waiting">{formatCount(station.queued)}</dd>
          </div>
        </dl>
      </Card>
      <Card title="No network? Carry the entries on a USB stick">
        <p className="hint">
          The batch file holds every entry made on this station, signed with this station’s key. The chair imports it on
          the hub with Import files; entries the hub already has are skipped, and a file changed on the way is refused.
        </p>
        <ExportBatchButton className="button primary" />
      </Card>
      {station.refused.length > 0 ? (
        <Card title="Entries the hub refused">
          <ul className="refused-list">
            {station.refused.map((entry) => (
              <li key={entry.requestId}>
                <strong>{entry.precinct ? `Precinct ${entry.precinct}` : entry.method}</strong>, queued{' '}
                {formatTime(entry.queuedAt)}: {entry.error.message}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
