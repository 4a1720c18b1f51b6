/**
 * On a station laptop, always in view: is the county hub reachable, how many entries wait on this
 * laptop, and which ones the hub refused. When the hub is away the person keeps entering: every
 * entry is kept here and sent when the hub is back (or exported to a USB stick).
 */
import type { StationStatus } from '../api/team-hooks';
import { formatTime, plural } from '../format';
import { useSession } from '../session';
import { ExportBatchButton } from './ExportBatchButton';
import './StationBanner.css';

export function StationBanner({ station }: { station: StationStatus }) {
  const { navigate } = useSession();
  const waiting = plural(station.queued, 'entry', 'entries');
  const revoked = station.revoked === true;
  const state = revoked ? 'revoked' : station.connected ? 'connected' : 'unreachable';
  return (
    <section className={`station-banner station-${state}`} aria-label="Connection to the hub" data-state={state}>
      <span className="status-dot" aria-hidden="true" />
      <div className="station-banner-text" role="status">
        {revoked ? (
          <>
            <strong>The chair revoked this station.</strong> The hub refuses what it sends.{' '}
            {station.queued > 0 ? `${waiting} not sent stay on this laptop.` : ''}
          </>
        ) : station.connected ? (
          <>
            <strong>Connected to the county hub</strong>
            {station.stationName ? ` as ${station.stationName}` : ''}.{' '}
            {station.queued > 0 ? `${waiting} waiting to be sent.` : 'Every entry has reached the hub.'}
          </>
        ) : (
          <>
            {/* The core's sentence says why: not running at that address, another certificate than the one pinned... */}
            <strong>Hub unreachable</strong> —{' '}
            {station.lastError ?? 'entries are kept on this laptop and will be sent when the hub is back.'}{' '}
            {station.queued > 0 ? `${waiting} waiting.` : 'Nothing is waiting.'}
            {station.lastContactAt ? (
              <span className="station-banner-error">Last contact {formatTime(station.lastContactAt)}.</span>
            ) : null}
          </>
        )}
        {station.refused.length > 0 ? (
          <span className="station-banner-refused">
            The hub refused {plural(station.refused.length, 'entry', 'entries')}:{' '}
            {station.refused
              .slice(0, 3)
              .map((entry) => `${entry.precinct ?? entry.method} (${entry.error.message})`)
              .join('; ')}
            {station.refused.length > 3 ? '; …' : ''}
          </span>
        ) : null}
      </div>
      <div className="station-banner-actions">
        {!station.connected && station.queued > 0 ? <ExportBatchButton className="button small" /> : null}
        <button type="button" className="button ghost small" onClick={() => navigate({ screen: 'team' })}>
          Station details
        </button>
      </div>
    </section>
  );
}
