/**
 * Recount verification: a recount verifier enters the hand count of the paper for a certified
 * precinct, and sees what changes against the certified result — counts, delegates and SDEs per
 * candidate, and the county totals before and after — with the recount report as PDF and XLSX.
 */
import { useMemo, useState } from 'react';
import { errorMessage } from '../api/client';
import { useExportRecountReport, useOverview, useRecountSummary, useSubmitRecount } from '../api/hooks';
import type { CandidateChange, ElectionInfo, Overview, PrecinctRecount, RecountSummary } from '../api/types';
import { ROLE_LABELS } from '../api/types';
import { BeforeAfterChart } from '../components/BeforeAfterChart';
import { CountsGrid, type CountTexts, columnsFor, countsProblem, linesOf } from '../components/CountsGrid';
import { saveFile } from '../components/file-bytes';
import { Card, EmptyState, ErrorNotice, Loading, Notice, PageHeader } from '../components/ui';
import { formatCount, formatSde, formatTime, joinNames, plural } from '../format';
import { useSession } from '../session';
import './Recount.css';

export function Recount() {
  const overview = useOverview();
  const summary = useRecountSummary();
  if (overview.isPending || summary.isPending) return <Loading label="Loading recounts…" />;
  if (overview.isError) return <ErrorNotice error={overview.error} title="The county could not be loaded." />;
  if (summary.isError) return <ErrorNotice error={summary.error} title="The recounts could not be loaded." />;
  const election = overview.data.election;
  if (!election) {
    return (
      <EmptyState title="No county yet">
        <p>Recounts are of certified results; set up the county first.</p>
      </EmptyState>
    );
  }
  return (
    <div className="screen recount-screen">
      <PageHeader
        title="Recount"
        subtitle="Enter the hand count of the paper for a certified precinct; every change to a certified result is listed with who, when and why."
        actions={<ReportDownloads disabled={summary.data.changes.length === 0} />}
      />
      <RecountEntry election={election} overview={overview.data} />
      <ChangesSummary
        summary={summary.data}
        plurality={election.rulesProfile === 'plurality'}
        countyCertified={overview.data.countyCertification !== null}
      />
    </div>
  );
}

function RecountEntry({ election, overview }: { election: ElectionInfo; overview: Overview }) {
  const { person, route } = useSession();
  const submit = useSubmitRecount();
  const certified = overview.precincts.filter((precinct) => precinct.status === 'certified');
  const [precinct, setPrecinct] = useState<string>(route.screen === 'recount' && route.precinct ? route.precinct : '');
  const [texts, setTexts] = useState<CountTexts>({});
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const candidates = useMemo(
    () => [...election.candidates].sort((a, b) => a.ballotOrder - b.ballotOrder).map((candidate) => candidate.name),
    [election.candidates],
  );
  const columns = columnsFor(election.rulesProfile === 'plurality', false);

  if (!person || (person.role !== 'verifier' && person.role !== 'chair')) {
    return (
      <Card title="Enter a hand count">
        <Notice kind="info">
          Recount verifiers and the county chair enter hand counts.{' '}
          {person ? `You are signed in as ${person.name} (${ROLE_LABELS[person.role].toLowerCase()}).` : ''}
        </Notice>
      </Card>
    );
  }
  if (certified.length === 0) {
    return (
      <Card title="Enter a hand count">
        <p className="empty-inline">
          No precinct is certified yet. A recount is compared against a certified result; before certification, key the
          worksheet again instead.
        </p>
      </Card>
    );
  }

  const save = () => {
    setSaved(null);
    if (!precinct) return setProblem('Choose the precinct you recounted.');
    const lines = linesOf(candidates, texts);
    const missing = countsProblem(lines, columns);
    if (missing) return setProblem(missing);
    if (reason.trim().length < 3)
      return setProblem('Say why the precinct was recounted: it is recorded with the count.');
    submit.mutate(
      { session: person.session, precinct, lines, coinTosses: [], reason: reason.trim() },
      {
        onSuccess: () => {
          setSaved(`Hand count for precinct ${precinct} saved. The changes against the certified result are below.`);
          setTexts({});
          setReason('');
          setProblem(null);
        },
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  };

  return (
    <Card title="Enter a hand count">
      {saved ? (
        <Notice kind="success" role="status">
          {saved}
        </Notice>
      ) : null}
      <form
        className="recount-form"
        aria-label="Hand count"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <label className="field">
          <span className="field-label">Certified precinct</span>
          <select
            aria-label="Certified precinct"
            value={precinct}
            onChange={(event) => {
              setPrecinct(event.target.value);
              setProblem(null);
            }}
          >
            <option value="">Choose…</option>
            {certified.map((row) => (
              <option key={row.code} value={row.code}>
                {row.code} · {row.name}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">
          Count the preference cards; the delegates are recomputed by the rules. The certified numbers are not shown
          here, so the count stays independent.
        </p>
        <CountsGrid
          label="Hand count"
          candidates={candidates}
          columns={columns}
          texts={texts}
          onChange={(next) => {
            setTexts(next);
            setProblem(null);
          }}
        />
        <label className="field">
          <span className="field-label">Why was it recounted?</span>
          <textarea
            aria-label="Why was it recounted?"
            rows={2}
            value={reason}
            maxLength={2000}
            placeholder="e.g. Recount requested by the Baker campaign, approved by the county central committee."
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        {problem ? (
          <p className="field-message error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="form-actions">
          <span className="muted">Recorded as a recount by {person.name}; the certified report stays as it was.</span>
          <button type="submit" className="button primary" disabled={submit.isPending}>
            {submit.isPending ? 'Saving…' : 'Save hand count'}
          </button>
        </div>
      </form>
    </Card>
  );
}

function ChangesSummary({
  summary,
  plurality,
  countyCertified,
}: {
  summary: RecountSummary;
  plurality: boolean;
  countyCertified: boolean;
}) {
  // The county totals are "certified" only once the chair has certified the county.
  const beforeName = countyCertified ? 'Certified' : 'Before recounts';
  if (summary.changes.length === 0) {
    return (
      <Card title="What changed">
        <p className="empty-inline">No certified result has been recounted or corrected.</p>
      </Card>
    );
  }
  const precincts = new Set(summary.changes.map((change) => change.precinct)).size;
  const measure = (numbers: CandidateChange['before']) => (plurality ? numbers.firstAlignment : numbers.sde) ?? 0;
  const label = (value: number) => (plurality ? formatCount(value) : formatSde(value));
  const unit = plurality ? 'votes' : 'SDE';
  return (
    <>
      <Card
        title="County totals before and after"
        actions={
          <span className="card-note">
            {plural(summary.changes.length, 'change')} in {plural(precincts, 'precinct')}
          </span>
        }
      >
        <div className="recount-totals">
          <ChangeTable label="County totals before and after" lines={summary.countyTotals} plurality={plurality} />
          <BeforeAfterChart
            title={`${plurality ? 'Votes' : 'State delegate equivalents'}, ${countyCertified ? 'certified' : 'before'} and after recounts`}
            beforeName={beforeName}
            description={summary.countyTotals
              .map(
                (line) => `${line.candidate} ${label(measure(line.before))} to ${label(measure(line.after))} ${unit}`,
              )
              .join('; ')}
            items={summary.countyTotals.map((line) => ({
              label: line.candidate,
              before: measure(line.before),
              after: measure(line.after),
              beforeLabel: label(measure(line.before)),
              afterLabel: `${label(measure(line.after))} ${unit}`,
            }))}
          />
        </div>
      </Card>
      {summary.changes.map((change) => (
        <PrecinctChange key={change.reportId} change={change} plurality={plurality} />
      ))}
    </>
  );
}

function PrecinctChange({ change, plurality }: { change: PrecinctRecount; plurality: boolean }) {
  const winnerChanged = change.delegateWinnersBefore.join() !== change.delegateWinnersAfter.join();
  return (
    <Card
      title={`Precinct ${change.precinct} · ${change.precinctName} — ${change.kind}`}
      actions={
        <span className="card-note">
          report #{change.reportId} against certified #{change.certifiedReportId}
        </span>
      }
    >
      <section aria-label={`${change.kind} of precinct ${change.precinct}`} data-precinct={change.precinct}>
        <p className="change-who">
          {change.kind === 'recount' ? 'Hand count' : 'Correction'} by <strong>{change.operator}</strong>,{' '}
          {formatTime(change.at)}. Why: “{change.reason}”
        </p>
        {winnerChanged && !plurality ? (
          <Notice kind="warning">
            Delegates move: held by {joinNames(change.delegateWinnersBefore) || 'nobody'} before,{' '}
            {joinNames(change.delegateWinnersAfter) || 'nobody'} after.
          </Notice>
        ) : null}
        <ChangeTable label={`Changes in precinct ${change.precinct}`} lines={change.candidates} plurality={plurality} />
      </section>
    </Card>
  );
}

const COLUMNS = [
  ['firstAlignment', 'First alignment', formatCount],
  ['finalAlignment', 'Final alignment', formatCount],
  ['delegates', 'Delegates', formatCount],
  ['sde', 'SDE', formatSde],
] as const;

function ChangeTable({
  label,
  lines,
  plurality,
}: {
  label: string;
  lines: readonly CandidateChange[];
  plurality: boolean;
}) {
  const columns = plurality ? COLUMNS.slice(0, 1) : COLUMNS;
  return (
    <div className="table-wrap">
      <table className="data-table change-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            {columns.map(([field, title]) => (
              <th key={field} scope="col" className="num">
                {plurality ? 'Votes' : title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.candidate} data-candidate={line.candidate}>
              <th scope="row">{line.candidate}</th>
              {columns.map(([field, , format]) => {
                const before = line.before[field];
                const after = line.after[field];
                const changed = before !== after;
                const diff = before !== null && after !== null ? Math.round((after - before) * 10000) / 10000 : null;
                return (
                  <td key={field} className={`num${changed ? ' changed' : ''}`} data-field={field}>
                    {changed ? (
                      <>
                        <span className="before">{format(before)}</span> → <strong>{format(after)}</strong>
                        {diff !== null ? (
                          <span className={`delta ${diff > 0 ? 'up' : 'down'}`}>
                            {diff > 0 ? '+' : '−'}
                            {format(Math.abs(diff))}
                          </span>
                        ) : null}
                      </>
                    ) : (
                      format(after)
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReportDownloads({ disabled }: { disabled: boolean }) {
  const download = useExportRecountReport();
  const save = (format: 'pdf' | 'xlsx') =>
    download.mutate(
      { format },
      {
        onSuccess: (file) => saveFile(file),
      },
    );
  return (
    <div className="download-buttons">
      <button type="button" className="button" disabled={disabled || download.isPending} onClick={() => save('pdf')}>
        Recount report (PDF)
      </button>
      <button type="button" className="button" disabled={disabled || download.isPending} onClick={() => save('xlsx')}>
        Recount report (XLSX)
      </button>
      {download.error ? <span className="field-message error">{errorMessage(download.error)}</span> : null}
    </div>
  );
}
