/** The county mailbox's last check in one line: when, and what it did or why it failed. */
import type { MailboxStatusView, MailCheck } from '../api/settings-hooks';
import { formatTime, plural } from '../format';

export function MailboxLastCheck({ status }: { status: MailboxStatusView }) {
  if (!status.configured) {
    return (
      <p className="mailbox-last-check muted" data-testid="mailbox-last-check">
        No county mailbox set up yet.
      </p>
    );
  }
  const check = status.lastCheck;
  return (
    <div className="mailbox-last-check" data-testid="mailbox-last-check" data-ok={check ? String(check.ok) : undefined}>
      <p>
        Last checked: <strong>{check ? formatTime(check.at) : 'not yet'}</strong>
        {check ? <span className={check.ok ? '' : 'text-error'}> · {describeCheck(check)}</span> : null}
      </p>
      <p className="muted">
        {status.checking ? 'Checking now… ' : ''}
        {status.automatic
          ? `${status.listening === 'idle' ? 'The server tells Tallyroom at once when mail arrives' : 'Checked by itself'}${status.nextCheckAt ? `; next scheduled check ${formatTime(status.nextCheckAt)}` : ''}.`
          : 'Checked only when someone clicks “Check now”.'}
      </p>
    </div>
  );
}

export function describeCheck(check: MailCheck): string {
  if (!check.ok || !check.summary) return check.error?.message ?? 'The check failed.';
  const { imported, duplicates, conflicts, rejected, pendingReview } = check.summary;
  const parts: string[] = [];
  if (imported > 0) parts.push(`${plural(imported, 'report')} imported`);
  if (conflicts > 0) parts.push(`${plural(conflicts, 'conflict')} to resolve`);
  if (pendingReview > 0) parts.push(`${plural(pendingReview, 'item')} held for review`);
  if (rejected.length > 0) parts.push(`${plural(rejected.length, 'file')} rejected`);
  if (duplicates > 0) parts.push(`${plural(duplicates, 'duplicate')}`);
  return parts.length > 0 ? parts.join(', ') : 'no new mail';
}
