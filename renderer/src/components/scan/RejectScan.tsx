/** Scan review: setting a scan aside (not a worksheet, unreadable), with the reason recorded. */
import { useState } from 'react';
import { useRejectScan } from '../../api/hooks';
import { useSessionToken } from '../../session';
import { Card, ErrorNotice } from '../ui';

/** An unreadable photo is set aside with a reason: nothing enters the results, the file stays stored. */
export function RejectScan({ scanId }: { scanId: number }) {
  const session = useSessionToken();
  const reject = useRejectScan();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <div className="scan-reject">
        <button type="button" className="button ghost" onClick={() => setOpen(true)}>
          Set aside as unreadable…
        </button>
      </div>
    );
  }
  return (
    <Card title="Set aside as unreadable">
      <form
        className="scan-reject-form"
        onSubmit={(event) => {
          event.preventDefault();
          reject.mutate({ session, scanId, reason: reason.trim() });
        }}
      >
        <label className="field">
          <span className="field-label">Why</span>
          <textarea
            rows={2}
            maxLength={2000}
            value={reason}
            placeholder="e.g. Photo too dark to read; asked the precinct chair to send it again."
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        <ErrorNotice error={reject.error} />
        <div className="form-actions">
          <span className="muted">Nothing from it enters the results. The file stays stored as received.</span>
          <button type="button" className="button ghost" onClick={() => setOpen(false)}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={reject.isPending || reason.trim().length < 3}>
            Set aside
          </button>
        </div>
      </form>
    </Card>
  );
}
