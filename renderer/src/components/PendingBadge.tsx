/**
 * How many things wait for a person, on the navigation item where they are handled: mail held
 * in quarantine and scans waiting to be read on Review, files on a connected drive not yet
 * imported on Import files. Nothing is shown when nothing waits.
 */
import { usePendingCounts } from '../api/settings-hooks';
import { plural } from '../format';
import './PendingBadge.css';

export function PendingBadge({ screen }: { screen: string }) {
  const counts = usePendingCounts().data;
  if (!counts) return null;
  let count = 0;
  let label = '';
  if (screen === 'review') {
    count = counts.quarantinedMail + counts.scansWaiting;
    label = `${plural(counts.quarantinedMail, 'email')} held, ${plural(counts.scansWaiting, 'scan')} to read`;
  } else if (screen === 'import') {
    count = counts.driveFilesWaiting;
    label = `${plural(count, 'file')} on a connected drive not imported yet`;
  }
  if (count === 0) return null;
  return (
    <span className="nav-badge" title={label} data-testid={`pending-badge-${screen}`}>
      {count > 99 ? '99+' : count}
      <span className="visually-hidden"> waiting: {label}</span>
    </span>
  );
}
