/**
 * The discrepancy queue: every precinct whose reports disagree, the reports side by side field by
 * field, and the chair's resolution — one report's numbers or the right numbers typed in — with a
 * reason. The reports stay as received; the resolution is a new record in the audit log.
 */
import { useMemo, useState } from 'react';
import { errorMessage } from '../api/client';
import { useDiscrepancies, useOverview, useResolveDiscrepancy } from '../api/hooks';
import type { Discrepancy, ElectionInfo, PrecinctStatus, ReportView } from '../api/types';
import { ROLE_LABELS, SOURCE_LABELS, STATUS_LABELS } from '../api/types';
import { CountsGrid, type CountTexts, columnsFor, countsProblem, linesOf } from '../components/CountsGrid';
import { ScanEvidence } from '../components/ScanEvidence';
import { Card, EmptyState, ErrorNotice, Loading, Notice, PageHeader, StatusBadge } from '../components/ui';
import { formatCount, formatTime, plural } from '../format';
import { useSession } from '../session';
import './Discrepancies.css';

const FIELDS = [
  ['firstAlignment', 'First alignment'],
  ['finalAlignment', 'Final alignment'],
  ['delegatesAwarded', 'Delegates awarded'],
] as const;

export function Discrepancies() {
  const { route, navigate } = useSession();
  const queue = useDiscrepancies();
  const overview = useOverview();
  const [resolvedNote, setResolvedNote] = useState<string | null>(null);
  if (queue.isPending || overview.isPending) return <Loading label="Loading the discrepancy queue…" />;
  if (queue.isError) return <ErrorNotice error={queue.error} title="The discrepancy queue could not be loaded." />;
  const election = overview.data?.election ?? null;
  const items = queue.data;
  const selected = items.find((item) => item.precinct.code === route.precinct) ?? items[0] ?? null;
  return (
    <div className="screen discrepancies-screen">
      <PageHeader
        title="Discrepancies"
        subtitle="Precincts whose reports disagree. Compare them field by field against the paper; the county chair resolves each with a reason."
      />
      {resolvedNote ? (
        <Notice kind="success" role="status">
          {resolvedNote}
        </Notice>
      ) : null}
      {items.length === 0 || !election ? (
        <EmptyState title="No discrepancies">
          <p>
            Every precinct’s reports agree. A precinct appears here as soon as two of its reports differ on any number.
          </p>
        </EmptyState>
      ) : (
        <div className="queue-layout">
          <nav className="queue-list card" aria-label="Precincts in conflict">
            <h2 className="queue-title">{plural(items.length, 'precinct')} in conflict</h2>
            <ul>
              {items.map((item) => (
                <li key={item.precinct.code}>
                  <button
                    type="button"
                    className={`queue-item${item === selected ? ' on' : ''}`}
                    aria-current={item === selected ? 'true' : undefined}
                    onClick={() => {
                      setResolvedNote(null);
                      navigate({ screen: 'discrepancies', precinct: item.precinct.code });
                    }}
                  >
                    <span className="mono">{item.precinct.code}</span>
                    <span className="queue-name">{item.precinct.name}</span>
                    <span className="queue-meta">
                      {plural(item.reports.length, 'report')} ·{' '}
                      {item.differences.length === 1
                        ? '1 number differs'
                        : `${plural(item.differences.length, 'number')} differ`}
                      {item.reopened ? <span className="tag warn">re-opened</span> : null}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          {selected ? (
            <DiscrepancyDetail
              key={`${selected.precinct.code}:${selected.reports.map((report) => report.id).join(',')}`}
              item={selected}
              election={election}
              onResolved={(note) => {
                setResolvedNote(note);
                navigate({ screen: 'discrepancies' });
              }}
            />
          ) : null}
        </div>
      )}
    </div>
  );
}

/** What happens next for a precinct once the chair has resolved it, by the status it now has. */
const AFTER_RESOLUTION: Record<PrecinctStatus, string> = {
  missing: '',
  received:
    'Next: another person keys the sheet again from the paper (Enter worksheet); when it matches, the precinct is verified.',
  conflict: 'Another report still disagrees: it stays in this queue until that is settled too.',
  verified: 'Next: nothing more to key; the chair can certify it from the precinct’s page.',
  certified: 'It is certified; a later change needs a recount.',
};

function DiscrepancyDetail({
  item,
  election,
  onResolved,
}: {
  item: Discrepancy;
  election: ElectionInfo;
  onResolved(note: string): void;
}) {
  const { navigate } = useSession();
  return (
    <div className="queue-detail">
      <Card
        title={`Precinct ${item.precinct.code} · ${item.precinct.name}`}
        actions={
          <button
            type="button"
            className="button ghost small"
            onClick={() => navigate({ screen: 'precincts', precinct: item.precinct.code })}
          >
            Open precinct
          </button>
        }
      >
        <div className="status-banner status-conflict">
          <StatusBadge status="conflict" />
          <p className="status-reason">{item.statusReason}</p>
        </div>
        <SideBySide item={item} plurality={election.rulesProfile === 'plurality'} />
        {item.reports
          .filter((report) => report.source === 'scan')
          .map((report) => (
            <ScanEvidence key={report.id} reportId={report.id} />
          ))}
        {item.previousResolution ? (
          <p className="hint">
            Earlier resolution by {item.previousResolution.operator} ({formatTime(item.previousResolution.resolvedAt)}):
            report #{item.previousResolution.chosenReportId} — “{item.previousResolution.reason}”
          </p>
        ) : null}
      </Card>
      <ResolveForm item={item} election={election} onResolved={onResolved} />
    </div>
  );
}

/** Every number of every standing report, one column per report, the numbers that differ marked. */
function SideBySide({ item, plurality }: { item: Discrepancy; plurality: boolean }) {
  const candidates = [...new Set(item.reports.flatMap((report) => report.lines.map((line) => line.candidate)))];
  const fields = plurality ? FIELDS.slice(0, 1) : FIELDS;
  const differs = (candidate: string, field: string) =>
    item.differences.some((difference) => difference.candidate === candidate && difference.field === field);
  const value = (report: ReportView, candidate: string, field: (typeof FIELDS)[number][0]) =>
    report.lines.find((line) => line.candidate === candidate)?.[field] ?? null;
  return (
    <div className="table-wrap">
      <table className="data-table compare-table side-by-side" aria-label="Reports side by side">
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Field</th>
            {item.reports.map((report) => (
              <th key={report.id} scope="col" className="num report-head">
                <span className="report-id">Report #{report.id}</span>
                <span className="report-by">
                  {SOURCE_LABELS[report.source]} · {report.operator}
                </span>
                <span className="report-at">{formatTime(report.receivedAt)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {candidates.flatMap((candidate) =>
            fields.map(([field, label], index) => (
              <tr
                key={`${candidate}:${field}`}
                className={index === 0 ? 'group-start' : undefined}
                data-differs={differs(candidate, field) ? 'true' : undefined}
              >
                {index === 0 ? (
                  <th scope="rowgroup" rowSpan={fields.length}>
                    {candidate}
                  </th>
                ) : null}
                <td className="field-name">{plurality ? 'Votes' : label}</td>
                {item.reports.map((report) => (
                  <td key={report.id} className={`num${differs(candidate, field) ? ' differs' : ''}`}>
                    {formatCount(value(report, candidate, field))}
                  </td>
                ))}
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

function ResolveForm({
  item,
  election,
  onResolved,
}: {
  item: Discrepancy;
  election: ElectionInfo;
  onResolved(note: string): void;
}) {
  const { person } = useSession();
  const resolve = useResolveDiscrepancy();
  const [choice, setChoice] = useState<number | 'enter' | null>(null);
  const [texts, setTexts] = useState<CountTexts>({});
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const candidates = useMemo(
    () => [...election.candidates].sort((a, b) => a.ballotOrder - b.ballotOrder).map((candidate) => candidate.name),
    [election.candidates],
  );
  const columns = columnsFor(election.rulesProfile === 'plurality', true);

  if (person?.role !== 'chair') {
    return (
      <Card title="Resolve">
        <Notice kind="info">
          Only the county chair resolves a discrepancy.{' '}
          {person ? `You are signed in as ${person.name} (${ROLE_LABELS[person.role].toLowerCase()}).` : ''} Bring the
          paper worksheet to the chair.
        </Notice>
      </Card>
    );
  }

  const submit = () => {
    if (choice === null) return setProblem('Choose the report whose numbers are right, or enter the right numbers.');
    const lines = choice === 'enter' ? linesOf(candidates, texts) : undefined;
    if (lines) {
      const missing = countsProblem(lines, columns);
      if (missing) return setProblem(missing);
    }
    if (reason.trim().length < 3) return setProblem('Say why, in a few words: it is recorded with the resolution.');
    resolve.mutate(
      {
        session: person.session,
        precinct: item.precinct.code,
        settles: item.reports.map((report) => report.id),
        ...(choice === 'enter' ? { lines } : { chosenReportId: choice }),
        reason: reason.trim(),
      },
      {
        onSuccess: (value) =>
          onResolved(
            `Precinct ${item.precinct.code} resolved with report #${value.chosenReportId}; it is now ${STATUS_LABELS[value.status].toLowerCase()}. ${AFTER_RESOLUTION[value.status]}`,
          ),
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  };

  return (
    <Card title="Resolve as county chair">
      <form
        className="resolve-form"
        aria-label={`Resolve precinct ${item.precinct.code}`}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <fieldset className="choice-list">
          <legend className="field-label">Which numbers are right? Check against the paper worksheet.</legend>
          {item.reports.map((report) => (
            <label key={report.id} className={`choice${choice === report.id ? ' on' : ''}`}>
              <input
                type="radio"
                name="resolution"
                checked={choice === report.id}
                onChange={() => {
                  setChoice(report.id);
                  setProblem(null);
                }}
              />
              <span>
                Report #{report.id} is right{' '}
                <span className="muted">
                  ({SOURCE_LABELS[report.source]}, {report.operator})
                </span>
              </span>
            </label>
          ))}
          <label className={`choice${choice === 'enter' ? ' on' : ''}`}>
            <input
              type="radio"
              name="resolution"
              checked={choice === 'enter'}
              onChange={() => {
                setChoice('enter');
                setProblem(null);
              }}
            />
            <span>None of them: enter the right numbers from the paper</span>
          </label>
        </fieldset>
        {choice === 'enter' ? (
          <>
            <CountsGrid
              label={`Right numbers for precinct ${item.precinct.code}`}
              candidates={candidates}
              columns={columns}
              texts={texts}
              onChange={setTexts}
            />
            <p className="hint">
              Numbers you type are stored as your own report. Another person’s matching entry then verifies the result.
            </p>
          </>
        ) : null}
        <label className="field">
          <span className="field-label">Reason</span>
          <textarea
            aria-label="Reason"
            rows={2}
            maxLength={2000}
            value={reason}
            placeholder="e.g. The worksheet shows 10 for Baker; report #2 was mistyped."
            onChange={(event) => {
              setReason(event.target.value);
              setProblem(null);
            }}
          />
        </label>
        {problem ? (
          <p className="field-message error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="form-actions">
          <span className="muted">
            The reports stay as received; the resolution is recorded under {person.name} in the audit log.
          </span>
          <button type="submit" className="button primary" disabled={resolve.isPending}>
            {resolve.isPending ? 'Resolving…' : 'Resolve'}
          </button>
        </div>
      </form>
    </Card>
  );
}
