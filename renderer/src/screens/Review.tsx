/**
 * Review (docs/INTAKE.md): mail held in quarantine because its sender is not the precinct's registered
 * chair, for the county chair to accept into the results or refuse, with a note; and worksheet
 * scans waiting to be read. Nothing here is deleted: decisions are recorded once, in the audit log.
 */
import { useState } from 'react';
import { useAcceptQuarantined, useQuarantine, useRejectQuarantined, useScanQueue } from '../api/hooks';
import { SOURCE_LABELS } from '../api/types';
import { Card, EmptyState, ErrorNotice, Loading, Notice, PageHeader } from '../components/ui';
import { formatTime, plural } from '../format';
import { useSession, useSessionToken } from '../session';
import './Review.css';

type QuarantineItem = NonNullable<ReturnType<typeof useQuarantine>['data']>[number];

export function Review() {
  const [showDecided, setShowDecided] = useState(false);
  const quarantine = useQuarantine(!showDecided);
  const scans = useScanQueue();
  const { navigate } = useSession();
  const [done, setDone] = useState<Decided | null>(null);
  const pending = quarantine.data?.filter((item) => item.decision === null).length ?? 0;
  return (
    <div className="screen review-screen">
      <PageHeader
        title="Review"
        subtitle="Email from anyone who is not a precinct’s registered chair waits here, unread into the results, until the county chair accepts or refuses it. Worksheet scans wait here to be read."
      />
      {done ? (
        <Notice kind={done.kind} role="status">
          {done.text}
        </Notice>
      ) : null}
      <Card
        title={
          <>
            Quarantined mail{' '}
            {quarantine.data ? <span className="tag">{plural(pending, 'waiting', 'waiting')}</span> : null}
          </>
        }
        actions={
          <label className="check-inline">
            <input type="checkbox" checked={showDecided} onChange={(event) => setShowDecided(event.target.checked)} />
            Show decided
          </label>
        }
      >
        {quarantine.isPending ? (
          <Loading label="Loading quarantined mail…" />
        ) : quarantine.isError ? (
          <ErrorNotice error={quarantine.error} title="Quarantined mail could not be loaded." />
        ) : quarantine.data.length === 0 ? (
          <p className="empty-inline">
            Nothing is held. Mail from a precinct’s registered chair goes straight into the results; anything else
            appears here.
          </p>
        ) : (
          <ul className="quarantine-list" aria-label="Quarantined mail">
            {quarantine.data.map((item) => (
              <QuarantineCard key={item.id} item={item} onDecided={setDone} />
            ))}
          </ul>
        )}
      </Card>
      <Card title="Scan queue">
        {scans.isPending ? (
          <Loading label="Loading the scan queue…" />
        ) : scans.isError ? (
          <ErrorNotice error={scans.error} title="The scan queue could not be loaded." />
        ) : scans.data.length === 0 ? (
          <EmptyState title="No scans waiting">
            <p>Worksheet pictures and PDFs imported from a drive or attached to email are queued here to be read.</p>
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="data-table" aria-label="Scan queue">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Kind</th>
                  <th scope="col">From</th>
                  <th scope="col">Received</th>
                  <th scope="col">Imported by</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Review</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {scans.data.map((scan) => (
                  <tr key={scan.importFileId}>
                    <th scope="row" className="import-path">
                      {scan.fileName}
                    </th>
                    <td>
                      {scan.mediaType === 'application/pdf'
                        ? 'PDF'
                        : scan.mediaType.replace('image/', '').toUpperCase()}
                    </td>
                    <td>{scan.sender ?? SOURCE_LABELS[scan.source]}</td>
                    <td>{formatTime(scan.queuedAt)}</td>
                    <td>{scan.operator}</td>
                    <td>
                      <span className={`outcome-chip ${SCAN_STATUS_CHIPS[scan.status]}`}>
                        {SCAN_STATUS_LABELS[scan.status]}
                      </span>
                    </td>
                    <td>
                      <button
                        type="button"
                        className={`button small${scan.status === 'pending-ocr' || scan.status === 'read' ? ' primary' : ''}`}
                        aria-label={`${SCAN_ACTIONS[scan.status]} ${scan.fileName}`}
                        onClick={() => navigate({ screen: 'scan-review', scanId: scan.importFileId })}
                      >
                        {SCAN_ACTIONS[scan.status]}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}

function QuarantineCard({ item, onDecided }: { item: QuarantineItem; onDecided: (message: Decided) => void }) {
  const { person } = useSession();
  const session = useSessionToken();
  const accept = useAcceptQuarantined();
  const reject = useRejectQuarantined();
  const [note, setNote] = useState('');
  const isChair = person?.role === 'chair';
  const busy = accept.isPending || reject.isPending;
  const what = item.subject ? `“${item.subject}”` : 'the email with no subject';
  const noteId = `quarantine-note-${item.id}`;
  return (
    <li className="quarantine-item" data-testid={`quarantine-${item.id}`} data-decision={item.decision ?? 'pending'}>
      <div className="quarantine-head">
        <div>
          <div className="quarantine-subject">{item.subject || '(no subject)'}</div>
          <div className="quarantine-meta">
            From <strong>{item.sender || 'an unknown sender'}</strong> · received {formatTime(item.quarantinedAt)}
          </div>
        </div>
        {item.decision ? (
          <span className={`outcome-chip ${item.decision === 'accepted' ? 'outcome-imported' : 'outcome-rejected'}`}>
            {item.decision === 'accepted' ? 'Accepted' : 'Refused'} by {item.decidedBy}
          </span>
        ) : (
          <span className="outcome-chip outcome-pending-review">Waiting for the chair</span>
        )}
      </div>
      <p className="quarantine-reason">{item.reason}</p>
      <div className="quarantine-contents">
        <span className="field-label">{item.attachmentName ? 'Held attachment' : 'Contains'}</span>
        {item.attachments.length === 0 ? (
          <span className="muted">No attachments</span>
        ) : (
          <ul>
            {item.attachments.map((attachment) => (
              <li key={`${attachment.fileName}-${attachment.bytes}`}>
                <span className="file-name">{attachment.fileName}</span>{' '}
                <span className="muted">{formatBytes(attachment.bytes)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {item.decision ? (
        item.note ? (
          <p className="quarantine-note-text">
            Note: <span>{item.note}</span> · {formatTime(item.decidedAt)}
          </p>
        ) : null
      ) : (
        <div className="quarantine-decide">
          <label className="field grow" htmlFor={noteId}>
            <span className="field-label">Note</span>
            <textarea
              id={noteId}
              rows={2}
              value={note}
              maxLength={2000}
              placeholder="Why: “Called the chair; she sent it from her personal address.”"
              onChange={(event) => setNote(event.target.value)}
            />
          </label>
          <div className="quarantine-actions">
            <button
              type="button"
              className="button primary"
              disabled={busy || !isChair}
              onClick={() =>
                // mutateAsync, not mutate's callbacks: the card leaves the list (and unmounts) once the
                // decision is recorded, and a per-call onSuccess would then never run.
                accept
                  .mutateAsync({ id: item.id, session, ...(note.trim() ? { note: note.trim() } : {}) })
                  .then((summary) => onDecided(acceptedMessage(what, item.sender, summary)))
                  .catch(() => undefined)
              }
            >
              Accept into results
            </button>
            <button
              type="button"
              className="button"
              disabled={busy || !isChair}
              onClick={() =>
                reject
                  .mutateAsync({ id: item.id, session, ...(note.trim() ? { note: note.trim() } : {}) })
                  .then(() =>
                    onDecided({
                      kind: 'success',
                      text: `Refused ${what} from ${item.sender}; it stays stored, out of the results.`,
                    }),
                  )
                  .catch(() => undefined)
              }
            >
              Refuse
            </button>
          </div>
          {!isChair ? <p className="hint">Only the county chair accepts or refuses held mail.</p> : null}
          <ErrorNotice error={accept.error ?? reject.error} />
        </div>
      )}
    </li>
  );
}

type ScanStatus = NonNullable<ReturnType<typeof useScanQueue>['data']>[number]['status'];

const SCAN_STATUS_LABELS: Record<ScanStatus, string> = {
  'pending-ocr': 'Waiting to be read',
  read: 'Read: waiting for a person',
  unreadable: 'Unreadable',
  confirmed: 'Confirmed',
  rejected: 'Set aside',
};

const SCAN_STATUS_CHIPS: Record<ScanStatus, string> = {
  'pending-ocr': 'outcome-pending-review',
  read: 'outcome-pending-review',
  unreadable: 'outcome-rejected',
  confirmed: 'outcome-imported',
  rejected: 'outcome-rejected',
};

/** What the button next to a queued scan does: read it, finish its review, or look at it. */
const SCAN_ACTIONS: Record<ScanStatus, string> = {
  'pending-ocr': 'Read',
  read: 'Review',
  unreadable: 'Review',
  confirmed: 'View',
  rejected: 'View',
};

interface Decided {
  readonly kind: 'success' | 'warning';
  readonly text: string;
}

function acceptedMessage(
  what: string,
  sender: string,
  summary: { imported: number; duplicates: number; conflicts: number; rejected: readonly { message: string }[] },
): Decided {
  const parts = [`${plural(summary.imported, 'report')} imported`];
  if (summary.conflicts > 0) parts.push(`${plural(summary.conflicts, 'conflict')} to resolve`);
  if (summary.duplicates > 0) parts.push(`${plural(summary.duplicates, 'file')} already imported`);
  const refused = summary.rejected.map((entry) => entry.message).join(' ');
  return {
    kind: summary.rejected.length > 0 || summary.conflicts > 0 ? 'warning' : 'success',
    text: `Accepted ${what} from ${sender}: ${parts.join(', ')}.${refused ? ` ${refused}` : ''}`,
  };
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
