/**
 * Step 1: the risk limit and the public seed. The seed is digits rolled with ten-sided dice at a
 * public meeting, after the results are certified; once entered it is fixed for these results.
 */
import { useState } from 'react';
import { useAuditPlan, useAuditStart } from '../../api/audit-hooks';
import { errorMessage } from '../../api/client';
import { Term } from '../Term';
import { Card, Notice } from '../ui';

export function SeedStep({ session }: { session: string }) {
  const [limitText, setLimitText] = useState('10');
  const [seed, setSeed] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const riskLimit = /^\d+(\.\d+)?$/.test(limitText.trim()) ? Number(limitText) : null;
  const plan = useAuditPlan(riskLimit);
  const start = useAuditStart();
  const digits = seed.replace(/\s+/g, '');

  const submit = () => {
    if (riskLimit === null || riskLimit <= 0 || riskLimit >= 100) {
      return setProblem('Type the risk limit as a percentage between 0 and 100, e.g. 10.');
    }
    if (!/^\d+$/.test(digits)) return setProblem('Type the digits rolled, 0 to 9 only.');
    if (digits.length < 6) return setProblem('Roll at least 6 dice for the seed (20 rolls is a good seed).');
    setProblem(null);
    start.mutate(
      { session, riskLimit, seed: digits, ...(note.trim() ? { seedNote: note.trim() } : {}) },
      { onError: (error) => setProblem(errorMessage(error)) },
    );
  };

  const figures = plan.data;
  return (
    <Card title="1 · Set the risk limit and enter the public seed">
      <form
        aria-label="Risk limit and seed"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label className="field">
          <span className="field-label">Risk limit (%)</span>
          <input
            aria-label="Risk limit (%)"
            inputMode="decimal"
            value={limitText}
            onChange={(event) => setLimitText(event.target.value)}
            style={{ maxWidth: 120 }}
          />
        </label>
        <p className="hint">
          The risk limit is the largest chance you accept that a wrong reported outcome gets past the audit. At 10%, if
          the reported winner were wrong, the audit would catch it at least 9 times in 10 and call for a full hand
          count.
        </p>
        {figures && !figures.ready ? (
          <Notice kind="warning">{figures.notReadyReason}</Notice>
        ) : figures ? (
          <p data-testid="audit-plan-figures">
            Reported winner <strong>{figures.winners?.join(', ')}</strong>.{' '}
            {figures.fullHandCount ? (
              <>
                The margin is too small to sample: the audit is a full hand count of all {figures.precincts} precincts.
              </>
            ) : (
              <>
                At {figures.riskLimitPercent}%, the first round draws <strong>{figures.sampleSize} precincts</strong>{' '}
                (with replacement) of {figures.precincts}; <Term name="errorBound">total error bound U</Term> ={' '}
                {figures.U?.toFixed(4)}.
              </>
            )}
          </p>
        ) : null}
        {plan.error ? <Notice kind="error">{errorMessage(plan.error)}</Notice> : null}

        <h3 style={{ margin: '16px 0 4px' }}>The seed, rolled in public</h3>
        <p className="hint">
          At a public meeting, after the results are certified, roll a ten-sided die 20 times (or roll several dice
          together, reading them left to right) and type the digits in the order they came up. Anyone watching can write
          them down: with the published results and these digits, anyone can recompute which precincts are drawn (the
          method is printed on the report). Once you enter the seed it is fixed for these results; it cannot be rolled
          again.
        </p>
        <label className="field">
          <span className="field-label">Seed digits</span>
          <input
            aria-label="Seed digits"
            inputMode="numeric"
            autoComplete="off"
            value={seed}
            placeholder="e.g. 81726354091827364510"
            onChange={(event) => {
              setSeed(event.target.value);
              setProblem(null);
            }}
            style={{ fontFamily: 'monospace', letterSpacing: 1 }}
          />
        </label>
        <p className="muted" aria-live="polite">
          {digits.length} digit{digits.length === 1 ? '' : 's'}
          {digits.length > 0 && digits.length < 20 ? ' (20 is a good seed)' : ''}
        </p>
        <label className="field">
          <span className="field-label">Where and how it was rolled (optional)</span>
          <input
            aria-label="Where and how it was rolled"
            value={note}
            maxLength={500}
            placeholder="e.g. 20 rolls of a d10 at the county central committee meeting, 7 pm"
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        {problem ? (
          <p className="field-message error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="form-actions">
          <span className="muted">Recorded with your name and the time, in the audit log.</span>
          <button
            type="submit"
            className="button primary"
            disabled={start.isPending || (figures !== undefined && !figures.ready)}
          >
            {start.isPending ? 'Fixing the seed…' : 'Fix the seed'}
          </button>
        </div>
      </form>
    </Card>
  );
}
