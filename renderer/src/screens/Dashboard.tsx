/** The county at a glance: precincts by status, progress, totals (table and chart), the precinct list. */
import { useState } from 'react';
import { useLoadDemoCounty, useOverview } from '../api/hooks';
import { FINDING_CODES, FINDING_LABELS, type Overview, STATUS_HINTS, STATUS_LABELS, STATUSES } from '../api/types';
import { BarChart } from '../components/BarChart';
import { CertifyForm } from '../components/CertifyPanel';
import { PolicyNote } from '../components/PolicyNote';
import { NO_FILTER, type PrecinctFilter, PrecinctList } from '../components/PrecinctList';
import { Term } from '../components/Term';
import { Card, EmptyState, ErrorNotice, Kbd, Loading, PageHeader } from '../components/ui';
import { formatCount, formatPercent, formatSde, formatTime, plural } from '../format';
import { useSession } from '../session';
import './Dashboard.css';

export function Dashboard() {
  const overview = useOverview();
  const { navigate } = useSession();
  const [filter, setFilter] = useState<PrecinctFilter>(NO_FILTER);

  if (overview.isPending) return <Loading label="Loading the county…" />;
  if (overview.isError) return <ErrorNotice error={overview.error} title="The county could not be loaded." />;
  const data = overview.data;
  if (!data.election) return <NoCounty />;

  return (
    <div className="screen dashboard">
      <PageHeader
        title="Dashboard"
        subtitle={
          <>
            {plural(data.statusCounts.total, 'precinct')} · {plural(data.election.totalDelegates, 'county delegate')} ·{' '}
            {formatSde(data.election.sdePerDelegate)} SDE per delegate
          </>
        }
        actions={
          <button type="button" className="button primary" onClick={() => navigate({ screen: 'worksheet' })}>
            Enter a worksheet <Kbd>Alt+2</Kbd>
          </button>
        }
      />
      <Progress data={data} />
      <section className="status-cards" aria-label="Precincts by status">
        {STATUSES.map((status) => {
          const active = filter.status === status;
          return (
            <button
              key={status}
              type="button"
              className={`status-card status-${status}${active ? ' active' : ''}`}
              aria-pressed={active}
              // The name holds every word the card shows, in order, so a voice-control user can say what they see.
              aria-label={`${STATUS_LABELS[status]}: ${plural(data.statusCounts[status], 'precinct')}. ${STATUS_HINTS[status]}`}
              data-status={status}
              onClick={() => setFilter({ ...filter, status: active ? 'all' : status })}
            >
              <span className="status-card-label">
                <span className="status-dot" aria-hidden="true" />
                {STATUS_LABELS[status]}
              </span>{' '}
              <span className="status-card-count">
                {formatCount(data.statusCounts[status])}{' '}
                <span className="status-card-unit">{data.statusCounts[status] === 1 ? 'precinct' : 'precincts'}</span>
              </span>{' '}
              <span className="status-card-hint">{STATUS_HINTS[status]}</span>
            </button>
          );
        })}
      </section>
      <CountyCertification data={data} />
      <div className="dashboard-grid">
        <Card
          title="County totals"
          actions={<span className="card-note">{plural(data.precinctsCounted, 'precinct')} counted</span>}
        >
          <TotalsTable data={data} />
        </Card>
        <Card title={data.election.rulesProfile === 'plurality' ? 'Votes by candidate' : 'State delegate equivalents'}>
          <TotalsChart data={data} />
        </Card>
      </div>
      <FindingsSummary data={data} onPick={(code) => setFilter({ ...filter, finding: code })} />
      <Card title="Precincts">
        <PrecinctList
          overview={data}
          filter={filter}
          onFilterChange={setFilter}
          onOpen={(code) => navigate({ screen: 'precincts', precinct: code })}
          compact
        />
      </Card>
    </div>
  );
}

/** The county's certification, and the policy that says what "verified" means. */
function CountyCertification({ data }: { data: Overview }) {
  const certification = data.countyCertification;
  const all = data.statusCounts.total;
  const certified = data.statusCounts.certified;
  return (
    <section className="card county-certification" aria-label="County certification">
      <div className="county-certification-state">
        {certification && !certification.changedSince ? (
          <p>
            <strong>{data.election?.county} is certified</strong> by {certification.operator},{' '}
            {formatTime(certification.certifiedAt)}.
          </p>
        ) : certification ? (
          <p>
            <strong>Certified by {certification.operator}</strong>, {formatTime(certification.certifiedAt)}, but a
            precinct was recounted or corrected since: certify the county again.
          </p>
        ) : (
          <p>
            <strong>
              {formatCount(certified)} of {plural(all, 'precinct')} certified.
            </strong>{' '}
            {certified < all ? 'The county is certified once every precinct is.' : 'Every precinct is certified.'}
          </p>
        )}
        {certified === all && all > 0 && (!certification || certification.changedSince) ? (
          <CertifyForm what="county" label="Certify the county" />
        ) : null}
      </div>
      <PolicyNote />
    </section>
  );
}

function Progress({ data }: { data: Overview }) {
  const total = data.statusCounts.total;
  const reporting = total - data.statusCounts.missing;
  const share = total > 0 ? reporting / total : 0;
  return (
    <div className="progress-block">
      <div className="progress-text">
        <strong>
          {formatCount(reporting)} of {plural(total, 'precinct')} reporting
        </strong>
        <span className="progress-percent">{formatPercent(share)}</span>
      </div>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label="Precincts reporting"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={reporting}
        aria-valuetext={`${reporting} of ${total} precincts reporting`}
      >
        {STATUSES.filter((status) => status !== 'missing').map((status) =>
          data.statusCounts[status] > 0 ? (
            <span
              key={status}
              className={`progress-segment status-${status}`}
              style={{ width: `${(data.statusCounts[status] / Math.max(total, 1)) * 100}%` }}
              title={`${STATUS_LABELS[status]}: ${data.statusCounts[status]}`}
            />
          ) : null,
        )}
      </div>
    </div>
  );
}

function TotalsTable({ data }: { data: Overview }) {
  const plurality = data.election?.rulesProfile === 'plurality';
  const totals = [...data.candidateTotals].sort((a, b) => a.ballotOrder - b.ballotOrder);
  const sum = (pick: (t: (typeof totals)[number]) => number) => totals.reduce((acc, t) => acc + pick(t), 0);
  return (
    // Scrolls sideways on a narrow window: focusable so the keyboard can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus (WCAG 2.1.1)
    <section className="table-wrap" tabIndex={0} aria-label="County totals, scrollable">
      <table className="data-table totals-table" aria-label="County totals by candidate">
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col" className="num">
              {plurality ? 'Votes' : 'First alignment'}
            </th>
            {plurality ? null : (
              <>
                <th scope="col" className="num">
                  Final alignment
                </th>
                <th scope="col" className="num">
                  Delegates
                </th>
                <th scope="col" className="num">
                  <Term name="sde">SDEs</Term>
                </th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {totals.map((row) => (
            <tr key={row.candidate} data-candidate={row.candidate}>
              <th scope="row">{row.candidate}</th>
              <td className="num" data-column="first">
                {formatCount(row.firstAlignment)}
              </td>
              {plurality ? null : (
                <>
                  <td className="num" data-column="final">
                    {formatCount(row.finalAlignment)}
                  </td>
                  <td className="num" data-column="delegates">
                    {formatCount(row.delegates)}
                  </td>
                  <td className="num" data-column="sde">
                    {formatSde(row.sde)}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="num">{formatCount(sum((t) => t.firstAlignment))}</td>
            {plurality ? null : (
              <>
                <td className="num">{formatCount(sum((t) => t.finalAlignment))}</td>
                <td className="num">{formatCount(sum((t) => t.delegates))}</td>
                <td className="num">{formatSde(sum((t) => t.sde))}</td>
              </>
            )}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

function TotalsChart({ data }: { data: Overview }) {
  const plurality = data.election?.rulesProfile === 'plurality';
  const totals = [...data.candidateTotals].sort((a, b) => a.ballotOrder - b.ballotOrder);
  if (data.precinctsCounted === 0) {
    return <p className="chart-empty">The chart fills in as precincts report. No precinct is counted yet.</p>;
  }
  const items = totals.map((row) =>
    plurality
      ? {
          label: row.candidate,
          value: row.firstAlignment,
          valueLabel: `${formatCount(row.firstAlignment)} votes`,
        }
      : {
          label: row.candidate,
          value: row.sde,
          valueLabel: `${formatSde(row.sde)} SDE · ${plural(row.delegates, 'del.', 'del.')}`,
        },
  );
  const description = items.map((item) => `${item.label} ${item.valueLabel}`).join('; ');
  return (
    <BarChart
      title={plurality ? 'Votes by candidate' : 'State delegate equivalents and county delegates by candidate'}
      description={`${description}. From ${plural(data.precinctsCounted, 'counted precinct')}.`}
      items={items}
    />
  );
}

function FindingsSummary({ data, onPick }: { data: Overview; onPick(code: (typeof FINDING_CODES)[number]): void }) {
  const present = FINDING_CODES.filter((code) => (data.findingCounts[code] ?? 0) > 0);
  if (present.length === 0) return null;
  return (
    <section className="findings-summary" aria-label="Findings in the county">
      <span className="findings-summary-label">Findings to review</span>
      {present.map((code) => (
        <button key={code} type="button" className="finding-filter" onClick={() => onPick(code)} data-code={code}>
          {FINDING_LABELS[code]} <span className="count">{data.findingCounts[code]}</span>
        </button>
      ))}
    </section>
  );
}

function NoCounty() {
  const { navigate } = useSession();
  const demo = useLoadDemoCounty();
  return (
    <div className="screen">
      <EmptyState
        title="No county is set up yet"
        actions={
          <>
            <button type="button" className="button primary" onClick={() => navigate({ screen: 'setup' })}>
              Set up the county
            </button>
            <button type="button" className="button" disabled={demo.isPending} onClick={() => demo.mutate({})}>
              {demo.isPending ? 'Opening…' : 'Open the demo county'}
            </button>
          </>
        }
      >
        <p>
          Start by entering the county’s precincts, their delegates and the candidates, or import the county definition
          file the state party sent. To look around first, open the demo county.
        </p>
        <ol className="steps">
          <li>
            <strong>Set up the county</strong>
            <span>Precincts, delegates, candidates in ballot order.</span>
          </li>
          <li>
            <strong>Enter results as they arrive</strong>
            <span>Key in worksheets and phoned-in reports; the rules are checked as you type.</span>
          </li>
          <li>
            <strong>Review and resolve</strong>
            <span>Watch the dashboard; every finding and conflict is listed for the chair.</span>
          </li>
        </ol>
        <ErrorNotice error={demo.error} />
      </EmptyState>
    </div>
  );
}
