/** A precinct's page: every report it received, with its source, who keyed it and what it superseded. */
import { useState } from 'react';
import type { PrecinctDetail, ReportView } from '../../api/types';
import { SOURCE_LABELS } from '../../api/types';
import { formatCount, formatTime } from '../../format';
import { Term } from '../Term';

export function ReportsTable({ detail }: { detail: PrecinctDetail }) {
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

export function ReportRows({
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
