/** The keyed worksheet's side panel: the precinct's caucus math as the rules evaluate what is typed. */
import type { WorksheetEvaluation } from '../../api/types';
import { formatCount, joinNames } from '../../format';
import { Term } from '../Term';
import './PrecinctMath.css';

export function PrecinctMath({
  delegates,
  eligible,
  finalTotal,
  evaluation,
}: {
  delegates: number;
  /** Eligible attendees: the first alignment's total; null while a box holds something that cannot be a count. */
  eligible: number | null;
  /** The final alignment's total as typed, until the rules have evaluated it; null as for `eligible`. */
  finalTotal: number | null;
  /** Null while a box cannot be counted: nothing here is computed from it. */
  evaluation: WorksheetEvaluation | null;
}) {
  const waiting = eligible === null;
  return (
    <aside className="worksheet-side card" aria-label="Precinct math">
      <h2>Precinct math</h2>
      {waiting ? (
        <p className="hint" data-testid="math-waiting">
          Worked out once every box holds a whole number of 0 or more.
        </p>
      ) : null}
      <dl className="math-list">
        <div>
          <dt>Delegates to elect</dt>
          <dd className="big-number" data-testid="precinct-delegates">
            {delegates}
          </dd>
        </div>
        <div>
          <dt>
            <Term name="eligible" />
          </dt>
          <dd className="big-number" data-testid="eligible-attendees">
            {formatCount(eligible)}
          </dd>
          <dd className="dd-note">total of the first alignment</dd>
        </div>
        <div>
          <dt>
            <Term name="threshold" />
          </dt>
          <dd className="big-number" data-testid="viability-threshold">
            {evaluation ? (evaluation.threshold === null ? 'None' : formatCount(evaluation.threshold)) : '—'}
          </dd>
          <dd className="dd-note" data-testid="threshold-rule">
            {evaluation?.thresholdRule ?? ''}
          </dd>
        </div>
        <div>
          <dt>Final alignment total</dt>
          <dd className="big-number">{waiting ? '—' : formatCount(evaluation?.finalTotal ?? finalTotal)}</dd>
        </div>
        <div>
          <dt>Viable groups</dt>
          <dd className="viable-list" data-testid="viable-groups">
            {evaluation && eligible !== null && eligible > 0
              ? evaluation.viableFinal.length > 0
                ? joinNames(evaluation.viableFinal)
                : 'None yet'
              : '—'}
          </dd>
        </div>
      </dl>
    </aside>
  );
}
