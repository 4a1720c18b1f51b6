/**
 * A worksheet saved on a station while the hub is away (team mode): it is safe in this laptop's
 * outbox and goes to the hub when the hub is back. Its status and findings come from the hub then.
 */

import type { QueuedNote } from '../api/team-hooks';
import type { PrecinctRow } from '../api/types';
import { formatTime } from '../format';

export function QueuedNotice({ precinct, queued }: { precinct: PrecinctRow; queued: QueuedNote }) {
  return (
    <div className="notice notice-warning saved-notice" role="status" data-testid="saved-queued">
      <div>
        <strong>
          Saved precinct {precinct.code} · {precinct.name} on this laptop
        </strong>{' '}
        ({formatTime(queued.queuedAt)}). {queued.message} The hub checks it and compares it with other entries once it
        arrives.
      </div>
    </div>
  );
}
