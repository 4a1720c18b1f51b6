/** Scan review: reading a queued scan (which precinct, if the QR code cannot say), with its progress. */
import { useEffect, useRef, useState } from 'react';
import { useOverview } from '../../api/hooks';
import { Card } from '../ui';

/**
 * Before reading: which precinct should this sheet be? Optional, and only a check: the QR code on
 * the sheet decides, and a sheet of another precinct is flagged. Keyboard-first: the read button
 * has focus, so Enter reads; Shift+Tab reaches the precinct.
 */
export function ReadScanForm({
  fileName,
  again,
  initialPrecinct,
  onRead,
  onCancel,
}: {
  fileName: string;
  again: boolean;
  initialPrecinct: string | null;
  onRead(expectedPrecinct: string | null): void;
  onCancel: (() => void) | null;
}) {
  const overview = useOverview();
  const [expected, setExpected] = useState(initialPrecinct ?? '');
  const readButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    readButton.current?.focus();
  }, []);
  return (
    <Card title={again ? `Read ${fileName} again` : `Read ${fileName}`}>
      <form
        className="scan-read-form"
        onSubmit={(event) => {
          event.preventDefault();
          onRead(expected === '' ? null : expected);
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="scan-expected-precinct">
            Which precinct should this sheet be?
          </label>
          {/* Named by its visible label alone; the hint below describes it. */}
          <select
            id="scan-expected-precinct"
            aria-describedby="scan-expected-precinct-hint"
            value={expected}
            onChange={(event) => setExpected(event.target.value)}
          >
            <option value="">Not said: the QR code decides</option>
            {(overview.data?.precincts ?? []).map((row) => (
              <option key={row.code} value={row.code}>
                {row.code} · {row.name}
              </option>
            ))}
          </select>
          <span className="hint" id="scan-expected-precinct-hint">
            Optional: from the envelope, the sender or the file name. The QR code printed on the sheet decides which
            precinct it is; if it names another one, you will be told before anything is confirmed.
          </span>
        </div>
        <div className="form-actions">
          {onCancel ? (
            <button type="button" className="button ghost" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
          <button ref={readButton} type="submit" className="button primary">
            {again ? 'Read the scan again' : 'Read the scan'}
          </button>
        </div>
      </form>
    </Card>
  );
}

/** OCR takes a couple of seconds: say what is happening and show that it is. */
export function ReadingProgress({ fileName }: { fileName: string }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setSeconds((value) => value + 1), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <Card>
      <div className="scan-reading-progress" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        <div>
          <strong>Reading {fileName}…</strong>
          <p className="muted">
            Finding the QR code and corner marks, straightening the page, then reading every box twice. This takes a few
            seconds{seconds > 0 ? ` (${seconds} s so far)` : ''}.
          </p>
          <div className="scan-progress-bar" aria-hidden="true">
            <span className="scan-progress-fill" />
          </div>
        </div>
      </div>
    </Card>
  );
}
