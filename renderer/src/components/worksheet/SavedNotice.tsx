/** After a keyed worksheet is saved: the precinct's status now, and where to go from there. */
import type { QueuedNote } from '../../api/team-hooks';
import { type Finding, type PrecinctRow, type PrecinctStatus, STATUS_LABELS } from '../../api/types';
import { plural } from '../../format';
import { useSession } from '../../session';
import { useAnnounceWhenChanged } from '../Announcer';
import { QueuedNotice } from '../QueuedNotice';
import { StatusBadge } from '../ui';

export interface Saved {
  readonly precinct: PrecinctRow;
  readonly reportId: number;
  readonly status: PrecinctStatus;
  readonly findings: readonly Finding[];
  /** On a station whose hub is away: kept on the laptop, sent later (team mode). */
  readonly queued?: QueuedNote;
}

/** What the comparison made after saving says (the numbers of other reports stay out of this screen). */
const SAVED_COMPARISON: Record<PrecinctStatus, string> = {
  missing: '',
  received: 'Not verified yet: it needs a matching entry from another person, one of them from the paper.',
  conflict: 'It differs from a report already received: the chair resolves it from the discrepancy queue.',
  verified: 'It matches an independent entry: the precinct is verified.',
  certified:
    'The precinct is certified: this report is kept and the chair sees it on the precinct’s page, but the certified result stands until a recount of the paper changes it.',
};

export function SavedNotice({ saved }: { saved: Saved }) {
  const { navigate } = useSession();
  useAnnounceWhenChanged(
    saved.queued
      ? `Saved precinct ${saved.precinct.code} on this laptop; it is sent when the hub is back.`
      : `Saved precinct ${saved.precinct.code}. Status now ${STATUS_LABELS[saved.status]}. ${saved.findings.length ? `${plural(saved.findings.length, 'finding')} for the chair to review.` : 'No findings.'}`,
  );
  if (saved.queued) return <QueuedNotice precinct={saved.precinct} queued={saved.queued} />;
  const serious = saved.findings.filter((f) => f.code !== 'MISSING_DATA');
  return (
    <div
      className={`notice ${serious.length || saved.status === 'certified' ? 'notice-warning' : 'notice-success'} saved-notice`}
      role="status"
    >
      <div>
        <strong>
          Saved precinct {saved.precinct.code} · {saved.precinct.name}.
        </strong>{' '}
        Status now <StatusBadge status={saved.status} />
        {saved.findings.length > 0 ? (
          <span> — {plural(saved.findings.length, 'finding')} for the chair to review.</span>
        ) : (
          <span> — no findings.</span>
        )}
        <span className="saved-compare" data-testid="saved-comparison">
          {' '}
          {SAVED_COMPARISON[saved.status]}
        </span>
      </div>
      {saved.status === 'conflict' ? (
        <button
          type="button"
          className="button small"
          onClick={() => navigate({ screen: 'discrepancies', precinct: saved.precinct.code })}
        >
          Open discrepancy
        </button>
      ) : null}
      <button
        type="button"
        className="button ghost small"
        onClick={() => navigate({ screen: 'precincts', precinct: saved.precinct.code })}
      >
        Open precinct
      </button>
    </div>
  );
}
