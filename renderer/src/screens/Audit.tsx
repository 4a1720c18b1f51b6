/**
 * The risk-limiting audit (docs/RLA.md), as a walkthrough for a recount verifier or the
 * chair: 1 risk limit and public seed, 2 the sampled precincts in draw order, 3 blind hand tallies,
 * 4 the measured risk against the limit, 5 stop or escalate, 6 the report.
 */
import { useState } from 'react';
import { useAudit, useAuditDraw } from '../api/audit-hooks';
import { errorMessage } from '../api/client';
import { useOverview } from '../api/hooks';
import { ROLE_LABELS } from '../api/types';
import { DecisionCard, MeasureCard, ReportCard } from '../components/audit/AuditDecision';
import { AuditSteps, currentStep } from '../components/audit/AuditSteps';
import { HandTallyForm } from '../components/audit/HandTallyForm';
import { SampleTable } from '../components/audit/SampleTable';
import { SeedStep } from '../components/audit/SeedStep';
import { Term } from '../components/Term';
import { Card, EmptyState, ErrorNotice, Loading, Notice, PageHeader } from '../components/ui';
import { formatTime } from '../format';
import { useSession } from '../session';

export function Audit() {
  const overview = useOverview();
  const audit = useAudit();
  const { person } = useSession();
  const [correcting, setCorrecting] = useState<string | null>(null);
  if (overview.isPending || audit.isPending) return <Loading label="Loading the audit…" />;
  if (overview.isError) return <ErrorNotice error={overview.error} title="The county could not be loaded." />;
  if (audit.isError) return <ErrorNotice error={audit.error} title="The audit could not be loaded." />;
  if (!overview.data.election) {
    return (
      <EmptyState title="No county yet">
        <p>An audit checks a county’s certified results; set up the county first.</p>
      </EmptyState>
    );
  }
  const header = (
    <PageHeader
      title="Risk-limiting audit"
      subtitle="Check the reported outcome against a random sample of the paper, drawn from dice rolled in public."
    />
  );
  if (!person || (person.role !== 'verifier' && person.role !== 'chair')) {
    return (
      <div className="screen audit-screen">
        {header}
        <Notice kind="info">
          Recount verifiers and the county chair run the audit.{' '}
          {person ? `You are signed in as ${person.name} (${ROLE_LABELS[person.role].toLowerCase()}).` : ''}
        </Notice>
      </div>
    );
  }
  const view = audit.data;
  return (
    <div className="screen audit-screen">
      {header}
      <AuditSteps step={currentStep(view)} />
      {!view ? (
        <SeedStep session={person.session} />
      ) : (
        <>
          <AuditSummary audit={view} />
          {view.status === 'ready-to-draw' ? (
            <DrawCard session={person.session} firstRoundSize={view.firstRoundSize} fullHandCount={view.U === null} />
          ) : (
            <SampleTable audit={view} onCorrect={setCorrecting} />
          )}
          {view.rounds.length > 0 ? (
            <HandTallyForm
              audit={view}
              session={person.session}
              correcting={correcting}
              onDoneCorrecting={() => setCorrecting(null)}
            />
          ) : null}
          {view.rounds.length > 0 ? <MeasureCard audit={view} session={person.session} /> : null}
          <DecisionCard audit={view} session={person.session} />
          {view.rounds.length > 0 ? <ReportCard audit={view} session={person.session} /> : null}
        </>
      )}
    </div>
  );
}

function AuditSummary({ audit }: { audit: NonNullable<ReturnType<typeof useAudit>['data']> }) {
  return (
    <Card title={`Audit of ${audit.contest}`} actions={<span className="card-note">#{audit.id}</span>}>
      <dl className="audit-facts" style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px' }}>
        <dt>Risk limit</dt>
        <dd data-testid="audit-risk-limit">{audit.riskLimitPercent}%</dd>
        <dt>Seed</dt>
        <dd>
          <code data-testid="audit-seed">{audit.seed}</code> entered by {audit.seedEnteredBy},{' '}
          {formatTime(audit.seedEnteredAt)}
          {audit.seedNote ? ` — ${audit.seedNote}` : ''}
        </dd>
        <dt>Reported winner</dt>
        <dd>
          {audit.winners.join(', ')} · <Term name="errorBound">U</Term> ={' '}
          {audit.U === null ? 'infinite (tie)' : audit.U.toFixed(4)} · {audit.precinctCount} precincts
        </dd>
        <dt>Results audited</dt>
        <dd>
          the certified precinct reports, <Term name="sha256">fingerprint</Term>{' '}
          <code>{audit.reportedSha256.slice(0, 16)}…</code>
        </dd>
      </dl>
      {audit.resultsChangedSince ? (
        <Notice kind="warning">
          A certified result changed (a recount or correction) after this audit started. The audit checks the results as
          they were; start a new audit, with a new seed, to check them as they are now.
        </Notice>
      ) : null}
    </Card>
  );
}

function DrawCard({
  session,
  firstRoundSize,
  fullHandCount,
}: {
  session: string;
  firstRoundSize: number;
  fullHandCount: boolean;
}) {
  const draw = useAuditDraw();
  return (
    <Card title="2 · Draw the sample">
      <p>
        {fullHandCount
          ? 'The margin is zero: the first round is a full hand count of every precinct.'
          : `The seed picks ${firstRoundSize} precincts, with replacement; precincts that could hide more error are more likely to be drawn.`}
      </p>
      <div className="form-actions">
        <span className="muted">The draw is recorded in the audit log with every ticket.</span>
        <button
          type="button"
          className="button primary"
          disabled={draw.isPending}
          onClick={() => draw.mutate({ session })}
        >
          {draw.isPending ? 'Drawing…' : 'Draw round 1'}
        </button>
      </div>
      {draw.error ? <Notice kind="error">{errorMessage(draw.error)}</Notice> : null}
    </Card>
  );
}
