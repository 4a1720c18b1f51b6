/** The keyed worksheet's precinct: chosen by code or name, or shown with its status once chosen. */
import type { Ref } from 'react';
import type { PrecinctLease } from '../../api/team-hooks';
import type { PrecinctRow } from '../../api/types';
import { plural } from '../../format';
import { PrecinctOpenWarning } from '../PrecinctOpenWarning';
import { PrecinctPicker } from '../PrecinctPicker';
import { StatusBadge } from '../ui';

export function WorksheetPrecinct({
  precinct,
  precincts,
  pickerRef,
  alsoOpen,
  leasePurpose,
  onSelect,
  onChange,
}: {
  precinct: PrecinctRow | null;
  precincts: readonly PrecinctRow[];
  pickerRef: Ref<HTMLInputElement>;
  /** Other laptops with this precinct open (team mode). */
  alsoOpen: readonly PrecinctLease[];
  leasePurpose: PrecinctLease['purpose'];
  onSelect(row: PrecinctRow): void;
  /** "Change precinct": back to the picker. */
  onChange(): void;
}) {
  return (
    <div className="worksheet-precinct">
      <span className="field-label" id="precinct-label">
        Precinct
      </span>
      {precinct ? (
        <div className="precinct-chosen">
          <span className="precinct-chosen-code mono">{precinct.code}</span>
          <span className="precinct-chosen-name">{precinct.name}</span>
          <span className="precinct-chosen-meta">
            elects {plural(precinct.delegates, 'delegate')}
            {precinct.reportCount > 0 ? ` · already ${plural(precinct.reportCount, 'report')}` : ''}
          </span>
          <StatusBadge status={precinct.status} />
          <button type="button" className="button ghost small" onClick={onChange}>
            Change precinct
          </button>
        </div>
      ) : (
        <PrecinctPicker ref={pickerRef} precincts={precincts} onSelect={onSelect} />
      )}
      {precinct && precinct.reportCount > 0 ? (
        <p className="hint">
          This precinct already has {precinct.reportCount === 1 ? 'a report' : 'reports'}. Key the worksheet blind: its
          numbers are not shown here. What you save is stored as a separate report and compared only then: matching
          numbers from another person verify the result, different numbers go to the chair as a discrepancy.
        </p>
      ) : null}
      <PrecinctOpenWarning leases={alsoOpen} purpose={leasePurpose} />
    </div>
  );
}
