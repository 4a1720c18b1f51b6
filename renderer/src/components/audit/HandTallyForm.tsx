/**
 * Step 3: a hand tally, keyed like a worksheet: Enter moves down the boxes, Ctrl+Enter saves. The
 * reported numbers are shown only after the tally is saved, so the count stays blind.
 */
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { type AuditHandTallyResult, type AuditView, useAuditEnterHandTally } from '../../api/audit-hooks';
import { errorMessage } from '../../api/client';
import { Card, Kbd, Notice } from '../ui';
import { useCtrlEnter } from '../useCtrlEnter';

export function HandTallyForm({
  audit,
  session,
  correcting,
  onDoneCorrecting,
}: {
  audit: AuditView;
  session: string;
  correcting: string | null;
  onDoneCorrecting(): void;
}) {
  const enter = useAuditEnterHandTally();
  const precinct = correcting ?? audit.awaiting[0] ?? null;
  const sampled = audit.sampled.find((entry) => entry.precinct === precinct) ?? null;
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<AuditHandTallyResult | null>(null);
  const boxes = useRef<(HTMLInputElement | null)[]>([]);
  const saveRef = useRef<HTMLButtonElement | null>(null);
  const label = audit.rulesProfile === 'plurality' ? 'Votes' : 'Final alignment';

  // A new precinct to count: empty boxes, the cursor in the first one.
  useEffect(() => {
    setTexts({});
    setReason('');
    setProblem(null);
    if (precinct) boxes.current[0]?.focus();
  }, [precinct]);

  const save = () => {
    if (!precinct) return;
    const counts = [];
    for (const candidate of audit.candidates) {
      const text = (texts[candidate] ?? '').trim();
      if (!/^\d+$/.test(text)) {
        return setProblem(
          text === '' ? `Type the hand count for ${candidate} (0 if nobody).` : `${candidate}: a whole number, please.`,
        );
      }
      counts.push({ candidate, count: Number(text) });
    }
    if (correcting && reason.trim().length < 3) return setProblem('Say why the hand tally is corrected.');
    enter.mutate(
      {
        session,
        precinct,
        counts,
        ...(correcting && sampled?.tally ? { replaces: sampled.tally.id, reason: reason.trim() } : {}),
      },
      {
        onSuccess: (result) => {
          setRevealed(result);
          onDoneCorrecting();
        },
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  };

  // Ctrl+Enter saves from anywhere on the screen, as on the worksheet screen.
  useCtrlEnter(save);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, index: number) => {
    if (event.key !== 'Enter') return;
    if (event.ctrlKey || event.metaKey) return; // the window's Ctrl+Enter saves
    event.preventDefault();
    const next = boxes.current[index + 1];
    if (next) next.focus();
    else saveRef.current?.focus();
  };

  return (
    <Card title="3 · Enter the hand tallies">
      {revealed ? <Revealed result={revealed} candidates={audit.candidates} /> : null}
      {precinct && sampled ? (
        <form
          aria-label="Hand tally"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <p>
            {correcting ? 'Correct the hand tally of' : 'Hand count of'}{' '}
            <strong data-testid="tally-precinct">
              {sampled.precinct} · {sampled.precinctName}
            </strong>{' '}
            (ticket{sampled.tickets.length === 1 ? '' : 's'} {sampled.tickets.join(', ')}). Count the paper; the
            reported numbers appear only after you save.
          </p>
          <div className="table-wrap">
            <table className="data-table counts-grid" aria-label={`Hand tally of ${sampled.precinct}`}>
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col" className="num">
                    {label}, hand count
                  </th>
                </tr>
              </thead>
              <tbody>
                {audit.candidates.map((candidate, index) => (
                  <tr key={candidate}>
                    <th scope="row">{candidate}</th>
                    <td className="num">
                      <input
                        ref={(element) => {
                          boxes.current[index] = element;
                        }}
                        className="count-input"
                        inputMode="numeric"
                        aria-label={`Hand count for ${candidate}`}
                        value={texts[candidate] ?? ''}
                        onKeyDown={(event) => onKeyDown(event, index)}
                        onChange={(event) => {
                          setTexts({ ...texts, [candidate]: event.target.value });
                          setProblem(null);
                          setRevealed(null);
                        }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {correcting ? (
            <label className="field">
              <span className="field-label">Why is it corrected?</span>
              <input
                aria-label="Why is it corrected?"
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                placeholder="e.g. Recounted the Baker pile: 41, not 14."
              />
            </label>
          ) : null}
          {problem ? (
            <p className="field-message error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="form-actions">
            <span className="muted">
              <Kbd>Enter</Kbd> next box · <Kbd>Ctrl+Enter</Kbd> save
            </span>
            {correcting ? (
              <button type="button" className="button ghost" onClick={onDoneCorrecting}>
                Cancel
              </button>
            ) : null}
            <button ref={saveRef} type="submit" className="button primary" disabled={enter.isPending}>
              {enter.isPending ? 'Saving…' : 'Save hand tally'}
            </button>
          </div>
        </form>
      ) : (
        <Notice kind="success">Every sampled precinct has its hand tally. Measure the risk below.</Notice>
      )}
    </Card>
  );
}

/** The hand count just saved, beside the reported numbers, now that they may be seen. */
function Revealed({ result, candidates }: { result: AuditHandTallyResult; candidates: readonly string[] }) {
  const handOf = new Map(result.tally.counts.map((entry) => [entry.candidate, entry.count]));
  const reportedOf = new Map(result.reported.map((entry) => [entry.candidate, entry.count]));
  const agrees = candidates.every((candidate) => handOf.get(candidate) === reportedOf.get(candidate));
  return (
    <section aria-label={`Saved hand tally of ${result.precinct}`} role="status">
      <Notice kind={agrees ? 'success' : 'warning'}>
        Hand tally of {result.precinct} saved.{' '}
        {agrees
          ? 'It matches the reported numbers.'
          : `It differs from the reported numbers${
              result.discrepancyVotes && result.discrepancyVotes > 0
                ? `: the report overstated the winner’s margin by ${result.discrepancyVotes}`
                : ''
            }.`}
      </Notice>
      <table className="data-table" aria-label={`Reported and hand count of ${result.precinct}`}>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col" className="num">
              Reported
            </th>
            <th scope="col" className="num">
              Hand count
            </th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((candidate) => (
            <tr key={candidate} className={handOf.get(candidate) !== reportedOf.get(candidate) ? 'changed' : undefined}>
              <th scope="row">{candidate}</th>
              <td className="num">{reportedOf.get(candidate)}</td>
              <td className="num">{handOf.get(candidate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
