/** Every precinct, filterable; a precinct's detail: reports received, current result, findings. */
import { useState } from 'react';
import { useOverview, usePrecinct } from '../api/hooks';
import type { ElectionInfo, Finding, PrecinctDetail, ReportView, WorksheetEvaluation } from '../api/types';
import { SOURCE_LABELS } from '../api/types';
import { LateReportNotice } from '../components/LateReportNotice';
import { NO_FILTER, type PrecinctFilter, PrecinctList } from '../components/PrecinctList';
import { PrintWorksheetButton } from '../components/PrintWorksheetButton';
import { Term } from '../components/Term';
import { Card, EmptyState, ErrorNotice, FindingChip, Loading, PageHeader, StatusBadge } from '../components/ui';
import { VerificationPanel } from '../components/VerificationPanel';
import { formatCount, formatSde, formatTime, joinNames, plural } from '../format';
import { useSession } from '../session';
import './Precincts.css';

export function Precincts() {
  const { route, navigate } = useSession();
  const overview = useOverview();
  const [filter, setFilter] = useState<PrecinctFilter>({
    ...NO_FILTER,
    status: route.status ?? 'all',
    finding: route.finding ?? 'all',
  });
  if (route.precinct) return <PrecinctDetailScreen code={route.precinct} />;
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorNotice error={overview.error} title="The precincts could not be loaded." />;
  const data = overview.data;
  if (!data.election) {
    return (
      <EmptyState
        title="No precincts yet"
        actions={
          <button type="button" className="button primary" onClick={() => navigate({ screen: 'setup' })}>
            Go to county setup
          </button>
        }
      >
        <p>Precincts appear here once the county is set up.</p>
      </EmptyState>
    );
  }
  return (
    <div className="screen">
      <PageHeader
        title="Precincts"
        subtitle="Filter by status or finding; open a precinct to see every report it received."
        actions={<PrintWorksheetButton />}
      />
      <Card>
        <PrecinctList
          overview={data}
          filter={filter}
          onFilterChange={setFilter}
          onOpen={(code) => navigate({ screen: 'precincts', precinct: code })}
        />
      </Card>
    </div>
  );
}

function PrecinctDetailScreen({ code }: { code: string }) {
  const { navigate } = useSession();
  const detail = usePrecinct(code);
  const overview = useOverview();
  const back = (
    <button type="button" className="button ghost" onClick={() => navigate({ screen: 'precincts' })}>
      ← All precincts
    </button>
  );
  if (detail.isPending) return <Loading label={`Loading precinct ${code}…`} />;
  if (detail.isError) {
    return (
      <div className="screen">
        {back}
        <ErrorNotice error={detail.error} title={`Precinct ${code} could not be loaded.`} />
      </div>
    );
  }
  const data = detail.data;
  const election = overview.data?.election ?? null;
  return (
    <div className="screen precinct-detail">
      <div className="breadcrumb">{back}</div>
      <PageHeader
        title={`Precinct ${data.precinct.code} · ${data.precinct.name}`}
        subtitle={
          <>
            Elects {plural(data.precinct.delegates, 'county delegate')}
            {data.precinct.chairEmail ? <> · chair {data.precinct.chairEmail}</> : null}
          </>
        }
        actions={
          <>
            <PrintWorksheetButton precinct={data.precinct.code} />
            <button
              type="button"
              className="button primary"
              onClick={() => navigate({ screen: 'worksheet', precinct: data.precinct.code })}
            >
              Key in a worksheet for this precinct
            </button>
          </>
        }
      />
      <div className={`status-banner status-${data.status}`}>
        <StatusBadge status={data.status} large />
        <p className="status-reason">{data.statusReason}</p>
      </div>
      <LateReportNotice detail={data} />
      <Card title="Verification">
        <VerificationPanel detail={data} />
      </Card>
      <Card title="Current result">
        <CurrentResult detail={data} election={election} />
      </Card>
      <Card title={`Reports received (${data.reports.length})`}>
        <ReportsTable detail={data} />
      </Card>
    </div>
  );
}

function CurrentResult({ detail, election }: { detail: PrecinctDetail; election: ElectionInfo | null }) {
  const { current, evaluation } = detail;
  if (!current) {
    if (detail.status === 'conflict') {
      return (
        <div className="current-result">
          <p className="empty-inline">
            The reports for this precinct disagree, so there is no current result. The numbers that differ are marked.
          </p>
          <ReportComparison reports={detail.reports} />
        </div>
      );
    }
    return (
      <p className="empty-inline">
        No result yet. Key in the worksheet when it arrives, or import the precinct’s file.
      </p>
    );
  }
  const plurality = election?.rulesProfile === 'plurality';
  const allocation = evaluation?.allocation;
  const computed = allocation?.kind === 'decided' ? allocation : null;
  const byCandidate = (candidate: string) => (evaluation?.findings ?? []).filter((f) => f.candidate === candidate);
  return (
    <div className="current-result">
      <p className="result-source">
        From report #{current.id}: {SOURCE_LABELS[current.source]} by {current.operator},{' '}
        {formatTime(current.receivedAt)}
      </p>
      {evaluation && !plurality ? <EvaluationFacts evaluation={evaluation} /> : null}
      <div className="table-wrap">
        <table className="data-table" aria-label="Current result">
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
                    Delegates awarded
                  </th>
                  <th scope="col" className="num">
                    By the rules
                  </th>
                  <th scope="col" className="num">
                    SDE
                  </th>
                </>
              )}
              <th scope="col">Findings</th>
            </tr>
          </thead>
          <tbody>
            {current.lines.map((line) => (
              <tr key={line.candidate}>
                <th scope="row">{line.candidate}</th>
                <td className="num">{formatCount(line.firstAlignment)}</td>
                {plurality ? null : (
                  <>
                    <td className="num">{formatCount(line.finalAlignment)}</td>
                    <td className="num">{formatCount(line.delegatesAwarded)}</td>
                    <td className="num">{computed ? formatCount(computed.delegates[line.candidate] ?? 0) : '—'}</td>
                    <td className="num">{computed ? formatSde(computed.sde[line.candidate] ?? 0) : '—'}</td>
                  </>
                )}
                <td>
                  {byCandidate(line.candidate).map((finding) => (
                    <p key={`${finding.code}:${finding.message}`} className="field-message warning">
                      {finding.message}
                    </p>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {current.coinTosses.length > 0 ? (
        <p className="hint">
          Coin tosses:{' '}
          {current.coinTosses
            .map(
              (toss) =>
                `${joinNames([...toss.winners])} won over ${joinNames(toss.tied.filter((t) => !toss.winners.includes(t)))}`,
            )
            .join('; ')}
        </p>
      ) : null}
      {allocation?.kind === 'coin-toss-needed' ? (
        <p className="warning-text">
          The rules call for a coin toss between {joinNames(allocation.tie.tied)} that is not recorded.
        </p>
      ) : null}
      <FindingsBlock findings={(evaluation?.findings ?? []).filter((f) => !f.candidate)} all={evaluation?.findings} />
    </div>
  );
}

const COMPARED = [
  ['firstAlignment', 'First'],
  ['finalAlignment', 'Final'],
  ['delegatesAwarded', 'Del.'],
] as const;

/** The reports side by side, every number that is not the same in all of them marked. */
function ReportComparison({ reports }: { reports: readonly ReportView[] }) {
  const candidates = reports[0]?.lines.map((line) => line.candidate) ?? [];
  const value = (report: ReportView, candidate: string, field: (typeof COMPARED)[number][0]) =>
    report.lines.find((line) => line.candidate === candidate)?.[field] ?? null;
  return (
    <div className="table-wrap">
      <table className="data-table compare-table" aria-label="Reports compared">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Candidate
            </th>
            {reports.map((report) => (
              <th key={report.id} scope="colgroup" colSpan={COMPARED.length} className="report-head">
                #{report.id} · {SOURCE_LABELS[report.source]} · {report.operator}
              </th>
            ))}
          </tr>
          <tr>
            {reports.flatMap((report) =>
              COMPARED.map(([field, label]) => (
                <th key={`${report.id}-${field}`} scope="col" className="num">
                  {label}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {candidates.map((candidate) => (
            <tr key={candidate}>
              <th scope="row">{candidate}</th>
              {reports.flatMap((report) =>
                COMPARED.map(([field]) => {
                  const mine = value(report, candidate, field);
                  const differs = reports.some((other) => value(other, candidate, field) !== mine);
                  return (
                    <td
                      key={`${report.id}-${field}`}
                      className={`num${differs ? ' differs' : ''}`}
                      data-differs={differs ? 'true' : undefined}
                    >
                      {formatCount(mine)}
                    </td>
                  );
                }),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EvaluationFacts({ evaluation }: { evaluation: WorksheetEvaluation }) {
  return (
    <dl className="facts">
      <div>
        <dt>Eligible attendees</dt>
        <dd>{formatCount(evaluation.eligibleAttendees)}</dd>
      </div>
      <div>
        <dt>Viability threshold</dt>
        <dd>
          {evaluation.threshold === null ? 'None' : formatCount(evaluation.threshold)}{' '}
          <span className="dd-note">{evaluation.thresholdRule}</span>
        </dd>
      </div>
      <div>
        <dt>Final alignment total</dt>
        <dd>{formatCount(evaluation.finalTotal)}</dd>
      </div>
      <div>
        <dt>Viable groups</dt>
        <dd>{evaluation.viableFinal.length ? joinNames(evaluation.viableFinal) : 'None'}</dd>
      </div>
    </dl>
  );
}

function FindingsBlock({ findings, all }: { findings: readonly Finding[]; all: readonly Finding[] | undefined }) {
  if (!all || all.length === 0) {
    return <p className="ok-text">The checker found nothing wrong with this result.</p>;
  }
  if (findings.length === 0) return null;
  return (
    <ul className="findings-top" aria-label="Findings for the precinct">
      {findings.map((finding) => (
        <li key={`${finding.code}:${finding.message}`} className="warning" data-finding={finding.code}>
          <FindingChip code={finding.code} />
          <span>{finding.message}</span>
        </li>
      ))}
    </ul>
  );
}

function ReportsTable({ detail }: { detail: PrecinctDetail }) {
  const [open, setOpen] = useState<number | null>(null);
  if (detail.reports.length === 0) {
    return <p className="empty-inline">Nothing received yet for this precinct.</p>;
  }
  return (
    <div className="table-wrap">
      <table className="data-table" aria-label="Reports received">
        <thead>
          <tr>
            <th scope="col">Report</th>
            <th scope="col">Received</th>
            <th scope="col">Source</th>
            <th scope="col">Operator</th>
            <th scope="col">File</th>
            <th scope="col">
              <Term name="sha256">SHA-256</Term>
            </th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {detail.reports.map((report) => (
            <ReportRows
              key={report.id}
              report={report}
              current={detail.current?.id === report.id}
              setAside={detail.verification.overruled.includes(report.id)}
              late={detail.verification.lateReports.includes(report.id)}
              open={open === report.id}
              onToggle={() => setOpen(open === report.id ? null : report.id)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReportRows({
  report,
  current,
  setAside,
  late,
  open,
  onToggle,
}: {
  report: ReportView;
  current: boolean;
  setAside: boolean;
  late: boolean;
  open: boolean;
  onToggle(): void;
}) {
  return (
    <>
      <tr className={current ? 'current-row' : undefined}>
        <td className="nowrap">
          #{report.id}
          {current ? <span className="tag">current</span> : null}
          {setAside ? <span className="tag muted">set aside by the chair</span> : null}
          {late ? <span className="tag muted">after certification</span> : null}
          {report.supersedes !== null ? <span className="tag muted">supersedes #{report.supersedes}</span> : null}
        </td>
        <td className="nowrap">{formatTime(report.receivedAt)}</td>
        <td>{SOURCE_LABELS[report.source]}</td>
        <td>{report.operator}</td>
        <td className="file-cell">{report.fileName ?? '—'}</td>
        <td>
          <code className="hash" title={report.sha256}>
            {report.sha256.slice(0, 16)}…
          </code>
        </td>
        <td>
          <button type="button" className="button ghost small" aria-expanded={open} onClick={onToggle}>
            {open ? 'Hide numbers' : 'Show numbers'}
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="report-lines">
          <td colSpan={7}>
            <table className="mini-table" aria-label={`Numbers of report ${report.id}`}>
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col" className="num">
                    First
                  </th>
                  <th scope="col" className="num">
                    Final
                  </th>
                  <th scope="col" className="num">
                    Delegates
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.lines.map((line) => (
                  <tr key={line.candidate}>
                    <th scope="row">{line.candidate}</th>
                    <td className="num">{formatCount(line.firstAlignment)}</td>
                    <td className="num">{formatCount(line.finalAlignment)}</td>
                    <td className="num">{formatCount(line.delegatesAwarded)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="hint">
              Full SHA-256: <code className="hash">{report.sha256}</code>
            </p>
          </td>
        </tr>
      ) : null}
    </>
  );
}
