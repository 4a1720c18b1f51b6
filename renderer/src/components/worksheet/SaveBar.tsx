/** The keyed worksheet's save bar: what stands in the way of saving, or how the sheet will be recorded. */
import type { RefObject } from 'react';
import type { ReportSource } from '../../api/types';
import { ErrorNotice, Kbd } from '../ui';

export function SaveBar({
  hasProblems,
  uncountable,
  pendingTie,
  source,
  operator,
  dirty,
  saving,
  saveError,
  saveRef,
  onClear,
  onSave,
}: {
  hasProblems: boolean;
  uncountable: boolean;
  /** A coin toss the rules need is not recorded yet. */
  pendingTie: boolean;
  source: ReportSource;
  operator: string;
  dirty: boolean;
  saving: boolean;
  saveError: Error | null;
  saveRef: RefObject<HTMLButtonElement | null>;
  onClear(): void;
  onSave(): void;
}) {
  return (
    <div className="save-bar">
      <div className="save-bar-text">
        {hasProblems ? (
          <span className="error-text">Fix the boxes that are not numbers before saving.</span>
        ) : uncountable ? (
          <span className="error-text">Fix the boxes that are not whole numbers of 0 or more before saving.</span>
        ) : pendingTie ? (
          <span className="warning-text">
            The coin toss is not recorded yet. You can still save what the worksheet says.
          </span>
        ) : (
          <span className="muted">
            Will be recorded as {source === 'phone' ? 'phoned in' : 'keyed from the paper worksheet'}, by {operator}.
          </span>
        )}
        <ErrorNotice error={saveError} title="Not saved." />
      </div>
      <button type="button" className="button ghost" onClick={onClear} disabled={!dirty}>
        Clear
      </button>
      <button
        ref={saveRef}
        type="button"
        className="button primary large"
        onClick={onSave}
        disabled={saving || hasProblems || uncountable}
      >
        {saving ? 'Saving…' : 'Save worksheet'} <Kbd>Ctrl+Enter</Kbd>
      </button>
    </div>
  );
}
