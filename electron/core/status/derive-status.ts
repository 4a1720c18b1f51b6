import type { PrecinctStatus, ReportSource, WorksheetLine } from '../api/contract';

export interface ComparableReport {
  readonly id: number;
  readonly source: ReportSource;
  readonly operator: string;
  readonly supersedes: number | null;
  readonly lines: readonly WorksheetLine[];
}

export interface DerivedStatus<R extends ComparableReport> {
  readonly status: PrecinctStatus;
  /** The report whose numbers stand for the precinct; null when missing or in conflict. */
  readonly current: R | null;
  readonly reason: string;
}

/** Sources that are the paper itself: keyed from the worksheet, a confirmed scan, a hand recount. */
const PAPER_SOURCES: readonly ReportSource[] = ['manual', 'scan', 'recount'];

/**
 * A precinct's status from its reports (DESIGN.md: the current result is derived, never stored).
 * - missing: no report.
 * - conflict: two standing reports disagree on a number; nobody's numbers count until a person resolves it.
 * - verified: two standing reports agree, from different operators or sources, one of them from paper.
 * - received: otherwise.
 * A report that another supersedes no longer stands.
 */
export function derivePrecinctStatus<R extends ComparableReport>(reports: readonly R[]): DerivedStatus<R> {
  const superseded = new Set(reports.map((report) => report.supersedes).filter((id) => id !== null));
  const standing = reports.filter((report) => !superseded.has(report.id));
  const latest = standing[standing.length - 1];
  if (!latest) return { status: 'missing', current: null, reason: 'No report has been received.' };

  const disagreeing = standing.find((report) => !sameNumbers(report, latest));
  if (disagreeing) {
    return {
      status: 'conflict',
      current: null,
      reason: `Report ${disagreeing.id} (${disagreeing.source}, ${disagreeing.operator}) and report ${latest.id} (${latest.source}, ${latest.operator}) disagree; a person must resolve which numbers are right.`,
    };
  }
  const confirming = standing.find(
    (report) =>
      report !== latest &&
      (report.operator !== latest.operator || report.source !== latest.source) &&
      (PAPER_SOURCES.includes(report.source) || PAPER_SOURCES.includes(latest.source)),
  );
  if (confirming) {
    return {
      status: 'verified',
      current: latest,
      reason: `Reports ${confirming.id} and ${latest.id} agree on every number, from independent entries, one from the paper.`,
    };
  }
  return {
    status: 'received',
    current: latest,
    reason:
      standing.length === 1
        ? 'One report received; a second, independent entry from the paper will verify it.'
        : 'Reports agree, but not yet from two independent entries with one from the paper.',
  };
}

/** First and final alignment must match; delegates only where both reports give them. */
export function sameNumbers(a: ComparableReport, b: ComparableReport): boolean {
  if (a.lines.length !== b.lines.length) return false;
  return a.lines.every((line) => {
    const other = b.lines.find((candidate) => candidate.candidate === line.candidate);
    if (!other) return false;
    const delegatesAgree =
      line.delegatesAwarded === null ||
      other.delegatesAwarded === null ||
      line.delegatesAwarded === other.delegatesAwarded;
    return (
      line.firstAlignment === other.firstAlignment && line.finalAlignment === other.finalAlignment && delegatesAgree
    );
  });
}
