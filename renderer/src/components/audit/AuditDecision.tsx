/**
 * Steps 4 to 6: measure the risk after the round, then stop (confirmed, or the full hand count is
 * the result) or escalate (another round, or a full hand count of every precinct left), and download
 * the report.
 */
import { type AuditView, useAuditMeasure, useAuditNextRound, useAuditReport } from '../../api/audit-hooks';
import { errorMessage } from '../../api/client';
import { saveFile } from '../file-bytes';
import { Term } from '../Term';
import { Card, Notice } from '../ui';
import { DiscrepancyChart, RiskChart } from './RiskCharts';

export function MeasureCard({ audit, session }: { audit: AuditView; session: string }) {
  const measure = useAuditMeasure();
  const latest = audit.rounds.at(-1);
  const measured = latest?.measurement ?? null;
  return (
    <Card title="4 · Measured risk">
      {audit.current ? (
        <>
          <p>
            Measured risk after round {audit.current.round}:{' '}
            <strong data-testid="measured-risk">{audit.current.pValue.toPrecision(4)}</strong> against the{' '}
            {audit.riskLimitPercent}% limit ({audit.current.verdictText}).
          </p>
          <RiskChart audit={audit} />
          <h3 style={{ margin: '12px 0 4px' }}>Discrepancies found</h3>
          <p className="hint">
            Each sampled precinct’s hand count against its certified report, as its <Term name="taint">taint</Term>.
          </p>
          <DiscrepancyChart audit={audit} />
          {!measured ? (
            <div className="form-actions">
              <span className="muted">Recording the measurement lets the audit stop or escalate.</span>
              <button
                type="button"
                className="button primary"
                disabled={measure.isPending}
                onClick={() => measure.mutate({ session })}
              >
                {measure.isPending ? 'Measuring…' : `Record the risk of round ${latest?.round ?? 1}`}
              </button>
            </div>
          ) : (
            <p className="muted">
              Recorded by {measured.measuredBy} for round {measured.round}.
            </p>
          )}
          {measure.error ? <Notice kind="error">{errorMessage(measure.error)}</Notice> : null}
        </>
      ) : (
        <p className="empty-inline">The risk is measured once every sampled precinct has its hand tally.</p>
      )}
    </Card>
  );
}

export function DecisionCard({ audit, session }: { audit: AuditView; session: string }) {
  const next = useAuditNextRound();
  const measured = audit.rounds.at(-1)?.measurement ?? null;
  const escalate = audit.status === 'another-round' || audit.status === 'full-hand-count';
  const stop = audit.status === 'confirmed' || audit.status === 'outcome-changed' || audit.status === 'hand-count-tied';
  if (!measured || !(escalate || stop)) return null;
  return (
    <Card title="5 · Stop or escalate">
      <Notice kind={audit.status === 'confirmed' ? 'success' : 'warning'} role="status">
        <span data-testid="audit-verdict">{audit.statusText}</span>
      </Notice>
      {escalate ? (
        <div className="form-actions">
          <span className="muted">The next round continues the same seed’s draws, so anyone can check it.</span>
          <button
            type="button"
            className="button primary"
            disabled={next.isPending}
            onClick={() => next.mutate({ session })}
          >
            {next.isPending
              ? 'Drawing…'
              : audit.status === 'full-hand-count'
                ? `Escalate to a full hand count (${audit.current?.nextRoundDraws ?? ''} precincts)`
                : `Draw round ${audit.rounds.length + 1} (${audit.current?.nextRoundDraws ?? ''} more draws)`}
          </button>
        </div>
      ) : null}
      {next.error ? <Notice kind="error">{errorMessage(next.error)}</Notice> : null}
    </Card>
  );
}

export function ReportCard({ audit, session }: { audit: AuditView; session: string }) {
  const report = useAuditReport();
  const save = (format: 'csv' | 'pdf') =>
    report.mutate(
      { session, format },
      {
        onSuccess: (file) => saveFile(file),
      },
    );
  const ready = audit.current !== null;
  return (
    <Card title="6 · Audit report">
      <p>
        Seed, sample, reported against hand-counted numbers per sampled precinct, discrepancies and the measured risk,
        for the county file and anyone who wants to check the audit.
      </p>
      <div className="download-buttons">
        <button type="button" className="button" disabled={!ready || report.isPending} onClick={() => save('pdf')}>
          Audit report (PDF)
        </button>
        <button type="button" className="button" disabled={!ready || report.isPending} onClick={() => save('csv')}>
          Audit report (CSV)
        </button>
        {report.isPending ? (
          <span className="loading" role="status">
            <span className="spinner" aria-hidden="true" /> Making the report…
          </span>
        ) : null}
      </div>
      {!ready ? <p className="muted">The report is ready once every sampled precinct has its hand tally.</p> : null}
      {report.error ? <Notice kind="error">{errorMessage(report.error)}</Notice> : null}
    </Card>
  );
}
