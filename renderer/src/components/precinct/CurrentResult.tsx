/** A precinct's page: its current result with the rules' figures and findings, or its disagreeing reports side by side. */
import type { ElectionInfo, Finding, PrecinctDetail, ReportView, WorksheetEvaluation } from '../../api/types';
import { SOURCE_LABELS } from '../../api/types';
import { formatCount, formatSde, formatTime, joinNames } from '../../format';
import { FindingChip } from '../ui';

export function CurrentResult({ detail, election }: { detail: PrecinctDetail; election: ElectionInfo | null }) {
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

export const COMPARED = [
  ['firstAlignment', 'First'],
  ['finalAlignment', 'Final'],
  ['delegatesAwarded', 'Del.'],
] as const;

/** The reports side by side, every number that is not the same in all of them marked. */
export function ReportComparison({ reports }: { reports: readonly ReportView[] }) {
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

export function EvaluationFacts({ evaluation }: { evaluation: WorksheetEvaluation }) {
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

export function FindingsBlock({
  findings,
  all,
}: {
  findings: readonly Finding[];
  all: readonly Finding[] | undefined;
}) {
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
