/** Step 2: the sampled precincts in draw order, and what to fetch for each. */
import type { AuditView } from '../../api/audit-hooks';
import { formatTime } from '../../format';
import { Term } from '../Term';
import { Card } from '../ui';

export function SampleTable({ audit, onCorrect }: { audit: AuditView; onCorrect(precinct: string): void }) {
  const counted = audit.sampled.length - audit.awaiting.length;
  return (
    <Card
      title="2 · Sampled precincts, in draw order"
      actions={
        <span className="card-note">
          {audit.rounds.length} round{audit.rounds.length === 1 ? '' : 's'} ·{' '}
          {audit.rounds.reduce((total, round) => total + round.tickets.length, 0)} tickets
        </span>
      }
    >
      {audit.rounds.map((round) => (
        <p key={round.round} className="muted" data-round={round.round}>
          Round {round.round}:{' '}
          {round.kind === 'full-hand-count'
            ? `full hand count of the ${round.tickets.length} precincts not drawn before`
            : `${round.tickets.length} draws`}
          , drawn by {round.drawnBy}, {formatTime(round.drawnAt)}.
        </p>
      ))}
      <p>
        Fetch the paper of each precinct below: its preference cards (or ballots) and the worksheet, sealed as
        certified. A precinct drawn twice is counted once; its count weighs twice in the risk.
      </p>
      <div className="table-wrap">
        <table className="data-table" aria-label="Sampled precincts">
          <thead>
            <tr>
              <th scope="col">
                <Term name="tickets" />
              </th>
              <th scope="col">Precinct</th>
              <th scope="col">What to fetch</th>
              <th scope="col">Hand tally</th>
            </tr>
          </thead>
          <tbody>
            {audit.sampled.map((precinct) => (
              <tr key={precinct.precinct} data-precinct={precinct.precinct}>
                <td className="num">{precinct.tickets.join(', ')}</td>
                <th scope="row">
                  {precinct.precinct} · {precinct.precinctName}
                  {precinct.firstRound > 1 ? <span className="muted"> (round {precinct.firstRound})</span> : null}
                </th>
                <td>Preference cards and worksheet (certified report #{precinct.reportId})</td>
                <td>
                  {precinct.tally ? (
                    <>
                      Entered by {precinct.tally.enteredBy}
                      {precinct.corrections > 0 ? ` (corrected ${precinct.corrections}×)` : ''}{' '}
                      <button type="button" className="button ghost small" onClick={() => onCorrect(precinct.precinct)}>
                        Correct
                      </button>
                    </>
                  ) : (
                    <strong>Waiting</strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="progress-block" style={{ marginTop: 12 }}>
        <div className="progress-text">
          <strong>
            {counted} of {audit.sampled.length} sampled precincts hand counted
          </strong>
        </div>
        <div
          className="progress-bar"
          role="progressbar"
          aria-label="Sampled precincts hand counted"
          aria-valuemin={0}
          aria-valuemax={audit.sampled.length}
          aria-valuenow={counted}
        >
          <span
            className="progress-segment"
            style={{ width: `${(counted / Math.max(1, audit.sampled.length)) * 100}%`, background: 'var(--accent)' }}
          />
        </div>
      </div>
    </Card>
  );
}
