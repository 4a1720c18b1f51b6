/**
 * A certified precinct that received a report with other numbers afterwards: the certified result
 * stands (only a recount or a correction changes it), but the chair must see the new report and
 * decide whether the paper is recounted.
 */
import type { PrecinctDetail, ReportView } from '../api/types';
import { SOURCE_LABELS } from '../api/types';
import { formatTime, plural } from '../format';
import { useSession } from '../session';

function sameNumbers(a: ReportView, b: ReportView): boolean {
  const key = (report: ReportView) =>
    JSON.stringify(
      [...report.lines]
        .sort((x, y) => x.candidate.localeCompare(y.candidate))
        .map((line) => [line.candidate, line.firstAlignment, line.finalAlignment, line.delegatesAwarded]),
    );
  return key(a) === key(b);
}

/** Reports received after certification whose numbers differ from the certified result. */
export function changedAfterCertification(detail: PrecinctDetail): ReportView[] {
  const current = detail.current;
  if (detail.status !== 'certified' || !current) return [];
  const late = new Set(detail.verification.lateReports);
  return detail.reports.filter((report) => late.has(report.id) && !sameNumbers(report, current));
}

export function LateReportNotice({ detail }: { detail: PrecinctDetail }) {
  const { navigate } = useSession();
  const changed = changedAfterCertification(detail);
  if (changed.length === 0) return null;
  return (
    <div className="notice notice-warning late-report-notice" role="status" data-testid="late-report-notice">
      <div>
        <strong>
          <span className="tag warn">Changed after certification</span> {plural(changed.length, 'report')} with other
          numbers arrived after this precinct was certified.
        </strong>{' '}
        {changed
          .map((report) => `${SOURCE_LABELS[report.source]} by ${report.operator}, ${formatTime(report.receivedAt)}`)
          .join('; ')}
        . The certified result stands until a recount of the paper changes it: check the paper, and enter a recount if
        the new numbers are right.
      </div>
      <button
        type="button"
        className="button small"
        onClick={() => navigate({ screen: 'recount', precinct: detail.precinct.code })}
      >
        Enter a recount
      </button>
    </div>
  );
}
