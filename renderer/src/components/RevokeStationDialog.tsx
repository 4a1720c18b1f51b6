/**
 * Confirms revoking a station: once revoked its requests and USB batches are refused for good,
 * so the chair says why (the reason goes into the audit log) and confirms.
 */
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { type StationView, useRevokeStation } from '../api/team-hooks';
import { plural } from '../format';
import { useSessionToken } from '../session';
import { useModalDialog } from './useModalDialog';

export function RevokeStationDialog({ station, onClose }: { station: StationView; onClose(): void }) {
  const session = useSessionToken();
  const revoke = useRevokeStation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  useModalDialog(dialogRef, onClose);

  useEffect(() => {
    reasonRef.current?.focus();
  }, []);

  const submit = () => {
    if (reason.trim().length < 3) {
      setProblem('Say why in a few words: the reason is recorded in the audit log.');
      reasonRef.current?.focus();
      return;
    }
    revoke.mutate(
      { session, stationId: station.id, reason: reason.trim() },
      { onSuccess: onClose, onError: (error) => setProblem(errorMessage(error)) },
    );
  };

  return (
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        className="modal revoke-station"
        role="dialog"
        aria-modal="true"
        aria-labelledby="revoke-title"
        aria-describedby="revoke-text"
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <h2 id="revoke-title">Revoke {station.name}?</h2>
          <p id="revoke-text">
            From now on the hub refuses everything this laptop sends, over the network and on a USB stick. The{' '}
            {plural(station.entriesReceived, 'entry', 'entries')} already received stay.
            {station.queued ? ` It still holds ${plural(station.queued, 'entry', 'entries')} not sent yet.` : ''} To use
            the laptop again, pair it anew.
          </p>
          <label className="field">
            <span className="field-label">Why</span>
            <textarea
              ref={reasonRef}
              aria-label="Reason for revoking"
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                setProblem(null);
              }}
            />
          </label>
          {problem ? (
            <p className="field-message error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="modal-actions">
            <button type="button" className="button ghost" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button danger" disabled={revoke.isPending}>
              {revoke.isPending ? 'Revoking…' : 'Revoke station'}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
