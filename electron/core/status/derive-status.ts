import type { PrecinctStatus } from '../model/precinct-status';
import type { ReportSource, WorksheetLine } from '../model/report';
import { sourceAndPerson } from '../model/report-source-words';
import { areIndependent, isFromPaper, type PolicyEntry } from './verification-policy';

export interface ComparableReport {
  readonly id: number;
  readonly source: ReportSource;
  readonly operator: string;
  readonly supersedes: number | null;
  readonly lines: readonly WorksheetLine[];
}

/** A chair's decision between disagreeing reports (the latest one counts). */
export interface ResolutionFacts {
  readonly id: number;
  readonly chosenReportId: number;
  /** Every report of the precinct when the chair decided. */
  readonly settles: readonly number[];
  readonly operator: string;
}

export interface CertificationFacts {
  readonly id: number;
  readonly reportId: number;
  /** The newest report in the database when the chair certified. */
  readonly throughReportId: number | null;
  readonly operator: string;
  readonly certifiedAt: string;
}

export interface CertifiedChangeFacts {
  readonly id: number;
  readonly certificationId: number;
  readonly kind: 'recount' | 'correction';
  readonly reportId: number;
  readonly operator: string;
}

export interface PrecinctDecisions {
  readonly resolution: ResolutionFacts | null;
  readonly certification: CertificationFacts | null;
  /** Recounts and corrections of the latest certification, oldest first. */
  readonly changes: readonly CertifiedChangeFacts[];
}

export const NO_DECISIONS: PrecinctDecisions = { resolution: null, certification: null, changes: [] };

export interface DerivedStatus<R extends ComparableReport> {
  readonly status: PrecinctStatus;
  /** The report whose numbers stand for the precinct; null when missing or in conflict. */
  readonly current: R | null;
  readonly reason: string;
  /** Reports the chair's resolution set aside as wrong (they stay stored, they no longer count). */
  readonly overruled: readonly number[];
  /** A report arrived after the chair's resolution and disagrees with it. */
  readonly reopened: boolean;
  /** The two entries that verify the result ("report 3", "resolution 1"); empty when not verified. */
  readonly verifiedBy: readonly string[];
  /** Certified precinct: the report whose numbers were certified. */
  readonly certified: R | null;
  /** Certified precinct: reports received after certification that are not a recount or correction of it. */
  readonly lateReports: readonly number[];
  /** Certified precinct: the late reports whose numbers differ from the certified result (the chair must see them). */
  readonly changedAfterCertification: readonly number[];
}

type Entry<R> = PolicyEntry & { readonly label: string; readonly report: R };

/**
 * A precinct's status from its reports and the decisions people made about them (docs/ARCHITECTURE.md: the
 * current result is derived, never stored). The policy is VERIFICATION_POLICY:
 * - missing: no report.
 * - certified: the chair certified a verified result; it changes only by a recorded recount or correction.
 * - conflict: two standing reports disagree on a number; nobody's numbers count until the chair resolves it.
 *   A resolution sets aside the reports that disagree with the numbers chosen; a report arriving after it
 *   that disagrees re-opens the conflict.
 * - verified: two independent entries agree, one of them from the paper (a resolution is the chair's entry).
 * - received: otherwise.
 * A report that another supersedes no longer stands.
 */
export function derivePrecinctStatus<R extends ComparableReport>(
  reports: readonly R[],
  decisions: PrecinctDecisions = NO_DECISIONS,
): DerivedStatus<R> {
  const certified = deriveCertified(reports, decisions);
  if (certified) return certified;

  const superseded = new Set(reports.map((report) => report.supersedes).filter((id) => id !== null));
  let standing = reports.filter((report) => !superseded.has(report.id));
  const base = {
    overruled: [] as number[],
    reopened: false,
    verifiedBy: [],
    certified: null,
    lateReports: [],
    changedAfterCertification: [],
  };
  const latest = standing[standing.length - 1];
  if (!latest) return { ...base, status: 'missing', current: null, reason: 'No report has been received.' };

  const entries: Entry<R>[] = [];
  const resolution = decisions.resolution;
  const chosen = resolution ? reports.find((report) => report.id === resolution.chosenReportId) : undefined;
  if (resolution && chosen) {
    const settled = new Set(resolution.settles);
    base.overruled = standing
      .filter((report) => settled.has(report.id) && !sameNumbers(report, chosen))
      .map((report) => report.id);
    standing = standing.filter((report) => !base.overruled.includes(report.id));
    entries.push({
      source: 'resolution',
      operator: resolution.operator,
      label: `resolution ${resolution.id}`,
      report: chosen,
    });
  }
  entries.unshift(...standing.map((report) => ({ ...report, label: `report ${report.id}`, report })));

  const reference = chosen ?? standing[standing.length - 1] ?? latest;
  const disagreeing = standing.find((report) => !sameNumbers(report, reference));
  if (disagreeing) {
    const other = disagreeing === reference ? latest : reference;
    const reopened = resolution !== null && chosen !== undefined;
    return {
      ...base,
      status: 'conflict',
      current: null,
      reopened,
      reason: reopened
        ? `Report ${disagreeing.id} (${sourceAndPerson(disagreeing.source, disagreeing.operator)}) arrived after the chair’s resolution and disagrees with the numbers chosen (report ${reference.id}); the conflict is open again.`
        : `Report ${disagreeing.id} (${sourceAndPerson(disagreeing.source, disagreeing.operator)}) and report ${other.id} (${sourceAndPerson(other.source, other.operator)}) disagree; the chair must resolve which numbers are right.`,
    };
  }

  const current = chosen ?? standing[standing.length - 1] ?? latest;
  const pair = independentPaperPair(entries);
  if (pair) {
    return {
      ...base,
      status: 'verified',
      current,
      verifiedBy: [pair[0].label, pair[1].label],
      reason: `${capitalize(pair[0].label)} (${describeEntry(pair[0])}) and ${pair[1].label} (${describeEntry(pair[1])}) agree on every number: two independent entries, one from the paper.`,
    };
  }
  return { ...base, status: 'received', current, reason: receivedReason(entries) };
}

/** A certified precinct: the certified numbers stand, changed only by the recounts and corrections recorded since. */
function deriveCertified<R extends ComparableReport>(
  reports: readonly R[],
  decisions: PrecinctDecisions,
): DerivedStatus<R> | null {
  const certification = decisions.certification;
  if (!certification) return null;
  const certified = reports.find((report) => report.id === certification.reportId);
  if (!certified) return null;
  const changes = decisions.changes.filter((change) => change.certificationId === certification.id);
  const lastChange = changes[changes.length - 1];
  const current = (lastChange && reports.find((report) => report.id === lastChange.reportId)) || certified;
  const changeReports = new Set(changes.map((change) => change.reportId));
  const lateReports = reports
    .filter((report) => report.id > (certification.throughReportId ?? 0) && !changeReports.has(report.id))
    .map((report) => report.id);
  const lateDisagreeing = reports.filter((report) => lateReports.includes(report.id) && !sameNumbers(report, current));
  const changed = lastChange
    ? ` Changed since by ${changes.map((change) => `a ${change.kind} (report ${change.reportId}, ${change.operator})`).join(', then ')}.`
    : '';
  const late =
    lateDisagreeing.length > 0
      ? ` Report ${lateDisagreeing.map((report) => report.id).join(', ')} arrived later with different numbers; it does not change a certified result: enter a recount or a correction if it is right.`
      : '';
  return {
    status: 'certified',
    current,
    reason: `Certified by ${certification.operator} (report ${certified.id}).${changed}${late}`,
    overruled: [],
    reopened: false,
    verifiedBy: [],
    certified,
    lateReports,
    changedAfterCertification: lateDisagreeing.map((report) => report.id),
  };
}

function independentPaperPair<R>(entries: readonly Entry<R>[]): [Entry<R>, Entry<R>] | null {
  for (const [index, a] of entries.entries()) {
    for (const b of entries.slice(index + 1)) {
      if (areIndependent(a, b) && (isFromPaper(a) || isFromPaper(b))) return [a, b];
    }
  }
  return null;
}

function receivedReason<R>(entries: readonly Entry<R>[]): string {
  if (entries.length === 1) return 'One report received; a second, independent entry from the paper will verify it.';
  const independent = entries.some((a, index) => entries.slice(index + 1).some((b) => areIndependent(a, b)));
  if (!independent) {
    return `The entries agree but were all made by ${entries[0]?.operator}; one person’s entries never verify each other. Another person must key the worksheet.`;
  }
  return 'The entries agree, but none comes from the paper; key the worksheet (or scan it) to verify.';
}

function describeEntry(entry: PolicyEntry): string {
  return entry.source === 'resolution' ? `chosen by ${entry.operator}` : sourceAndPerson(entry.source, entry.operator);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** First and final alignment must match; delegates only where both reports give them. */
export function sameNumbers(a: ComparableReport, b: ComparableReport): boolean {
  if (a === b) return true;
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
