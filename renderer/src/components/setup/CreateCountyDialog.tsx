/**
 * The deliberate step before a county exists: everything typed or imported, summed up for the chair
 * to check against the party's list. Nothing is created until "Yes, create the county" is pressed;
 * focus starts on the heading, so a stray Enter does nothing.
 */
import { useEffect, useRef } from 'react';
import { type CountySetupInput, RULES_LABELS } from '../../api/types';
import { formatDate, formatSde, plural } from '../../format';
import { useModalDialog } from '../useModalDialog';
import '../confirm-dialogs.css';

/** More precincts than this are summed up rather than listed. */
const PRECINCTS_LISTED = 12;

export function CreateCountyDialog({
  setup,
  chairName,
  creating,
  onConfirm,
  onCancel,
}: {
  setup: CountySetupInput;
  chairName: string;
  creating: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useModalDialog(dialogRef, creating ? undefined : onCancel);
  useEffect(() => titleRef.current?.focus(), []);
  const delegates = setup.precincts.reduce((sum, precinct) => sum + precinct.delegates, 0);
  const shown = setup.precincts.slice(0, PRECINCTS_LISTED);
  const more = setup.precincts.length - shown.length;

  return (
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        className="modal create-county"
        role="dialog"
        aria-modal="true"
        aria-labelledby="create-county-title"
        aria-describedby="create-county-text"
      >
        <h2 id="create-county-title" ref={titleRef} tabIndex={-1}>
          Create {setup.county}?
        </h2>
        <p id="create-county-text">
          Check this against the party’s list. Until the first report arrives you can still correct it; after that a
          correction is recorded as a change.
        </p>
        <dl className="facts" data-testid="create-county-summary">
          <div>
            <dt>Election</dt>
            <dd>{setup.name}</dd>
          </div>
          <div>
            <dt>Date</dt>
            <dd>{formatDate(setup.date)}</dd>
          </div>
          <div>
            <dt>Rules</dt>
            <dd>{RULES_LABELS[setup.rulesProfile]}</dd>
          </div>
          <div>
            <dt>SDE per county delegate</dt>
            <dd>{formatSde(setup.sdePerDelegate)}</dd>
          </div>
          <div>
            <dt>Precincts</dt>
            <dd>
              {plural(setup.precincts.length, 'precinct')} electing {plural(delegates, 'county delegate')}
            </dd>
          </div>
          <div>
            <dt>Candidates, in ballot order</dt>
            <dd>
              <ol className="candidate-order" aria-label="Candidates in ballot order">
                {setup.candidates.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ol>
            </dd>
          </div>
          <div>
            <dt>County chair</dt>
            <dd>{chairName}</dd>
          </div>
        </dl>
        <ul className="create-county-precincts" aria-label="Precincts and the delegates each elects">
          {shown.map((precinct) => (
            <li key={precinct.code}>
              <span className="mono">{precinct.code}</span> {precinct.name}: {plural(precinct.delegates, 'delegate')}
            </li>
          ))}
          {more > 0 ? <li className="muted">and {plural(more, 'more precinct')}</li> : null}
        </ul>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onCancel} disabled={creating}>
            Back to editing
          </button>
          <button type="button" className="button primary" onClick={onConfirm} disabled={creating}>
            {creating ? 'Creating…' : 'Yes, create the county'}
          </button>
        </div>
      </div>
    </div>
  );
}
