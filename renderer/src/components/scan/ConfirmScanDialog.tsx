/**
 * Confirming a scanned worksheet is one deliberate act, taken with every value beside what the paper
 * shows: the values as they will be filed, each with its crop, the precinct, and the coin tosses.
 * Focus starts on the heading and Ctrl+Enter does nothing here, so no keystroke from a value box can
 * file the page unseen.
 */
import { useEffect, useRef } from 'react';
import type { ApiOutputs } from '../../../../electron/core/api/types';
import type { CoinToss } from '../../api/types';
import { joinNames, plural } from '../../format';
import { ScanCrop } from '../ScanCrop';
import { useModalDialog } from '../useModalDialog';
import './ConfirmScanDialog.css';

type PageView = ApiOutputs['getScanReading']['pages'][number];
type Column = PageView['fields'][number]['column'];

const COLUMNS: readonly { readonly column: Column; readonly label: string }[] = [
  { column: 'first', label: 'First alignment' },
  { column: 'final', label: 'Final alignment' },
  { column: 'delegates', label: 'Delegates awarded' },
];

export function ConfirmScanDialog({
  page,
  pageUrl,
  values,
  precinct,
  precinctName,
  coinTosses,
  confirming,
  onConfirm,
  onBack,
}: {
  page: PageView;
  pageUrl: string | null;
  /** The value of each of the page's fields, in the order of `page.fields`. */
  values: readonly string[];
  precinct: string;
  precinctName: string;
  coinTosses: readonly CoinToss[];
  confirming: boolean;
  onConfirm(): void;
  onBack(): void;
}) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useModalDialog(dialogRef, confirming ? undefined : onBack);
  useEffect(() => titleRef.current?.focus(), []);
  const candidates = [...new Set(page.fields.map((field) => field.candidate))];
  const columns = COLUMNS.filter(({ column }) => page.fields.some((field) => field.column === column));
  const cell = (candidate: string, column: Column) => {
    const index = page.fields.findIndex((field) => field.candidate === candidate && field.column === column);
    const field = page.fields[index];
    if (!field) return <td key={column} />;
    const label = `${candidate}, ${column === 'first' ? 'first alignment' : column === 'final' ? 'final alignment' : 'delegates awarded'}`;
    return (
      <td key={column} className="confirm-scan-cell">
        <ScanCrop pageUrl={pageUrl} page={page.page} box={field.box} height={34} label={`${label} on the paper`} />
        <span className="confirm-scan-value" data-testid={`confirm-value-${candidate}-${column}`}>
          {values[index] ?? ''}
        </span>
      </td>
    );
  };

  return (
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        className="modal confirm-scan"
        role="dialog"
        aria-modal="true"
        aria-labelledby="confirm-scan-title"
        aria-describedby="confirm-scan-text"
      >
        <h2 id="confirm-scan-title" ref={titleRef} tabIndex={-1}>
          File this worksheet for precinct {precinct}?
        </h2>
        <p id="confirm-scan-text">
          {precinct} · {precinctName}. Compare each of the {plural(page.fields.length, 'value')} with the paper beside
          it. What you confirm is filed as a report of this precinct.
        </p>
        <div className="table-wrap">
          <table className="data-table confirm-scan-values" aria-label="Values to file">
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                {columns.map(({ column, label }) => (
                  <th scope="col" key={column}>
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {candidates.map((candidate) => (
                <tr key={candidate}>
                  <th scope="row">{candidate}</th>
                  {columns.map(({ column }) => cell(candidate, column))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {coinTosses.length > 0 ? (
          <p className="hint">
            Coin {coinTosses.length === 1 ? 'toss' : 'tosses'}:{' '}
            {coinTosses
              .map(
                (toss) =>
                  `${joinNames(toss.winners)} won over ${joinNames(toss.tied.filter((name) => !toss.winners.includes(name)))}`,
              )
              .join('; ')}
            .
          </p>
        ) : null}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onBack} disabled={confirming}>
            Back to the values
          </button>
          <button type="button" className="button primary" onClick={onConfirm} disabled={confirming}>
            {confirming ? 'Filing…' : 'Confirm: these match the paper'}
          </button>
        </div>
      </div>
    </div>
  );
}
