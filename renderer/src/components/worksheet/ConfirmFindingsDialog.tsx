/**
 * Saving a worksheet the checker has findings on is one deliberate step: the findings are listed and
 * the person checks them against the paper before saving it as the paper says. Focus starts on the
 * heading and Ctrl+Enter does nothing here, so the keystroke that saves a clean sheet cannot save this one.
 */
import { useEffect, useRef } from 'react';
import type { Finding } from '../../api/types';
import { plural } from '../../format';
import { useModalDialog } from '../useModalDialog';
import { FindingLine } from './WorksheetMessages';
import '../confirm-dialogs.css';

export function ConfirmFindingsDialog({
  precinct,
  findings,
  saving,
  onSave,
  onBack,
}: {
  precinct: string;
  findings: readonly Finding[];
  saving: boolean;
  onSave(): void;
  onBack(): void;
}) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useModalDialog(dialogRef, saving ? undefined : onBack);
  useEffect(() => titleRef.current?.focus(), []);
  return (
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        className="modal confirm-findings"
        role="dialog"
        aria-modal="true"
        aria-labelledby="confirm-findings-title"
        aria-describedby="confirm-findings-text"
      >
        <h2 id="confirm-findings-title" ref={titleRef} tabIndex={-1}>
          Check the paper
        </h2>
        <p id="confirm-findings-text">
          The worksheet for precinct {precinct} has {plural(findings.length, 'finding')}. Look at the paper: is this
          what it says?
        </p>
        <ul className="findings-top" aria-label="Findings on this worksheet">
          {findings.map((finding) => (
            <FindingLine key={`${finding.code}:${finding.candidate ?? ''}:${finding.message}`} finding={finding} />
          ))}
        </ul>
        <p className="hint">
          If you typed something the paper does not say, go back and correct it. If the paper says it, save it as it is:
          the findings go to the chair, and the precinct cannot be certified until they are dealt with.
        </p>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onBack} disabled={saving}>
            Back to the worksheet
          </button>
          <button type="button" className="button primary" onClick={onSave} disabled={saving}>
            {saving ? 'Saving…' : 'Save as the paper says'}
          </button>
        </div>
      </div>
    </div>
  );
}
