/** The discrepancy queue: precincts in conflict, their standing reports side by side, field by field. */

import type { CountyView, PrecinctView } from '../county/county-view';
import type { ReportView } from '../model/report';
import type { Discrepancy, FieldDifference } from '../model/verification';

const FIELDS = ['firstAlignment', 'finalAlignment', 'delegatesAwarded'] as const;

export function listDiscrepancies(view: CountyView): Discrepancy[] {
  return view.precincts.flatMap((precinct) => {
    if (precinct.status === 'conflict') return [discrepancyOf(precinct)];
    if (precinct.status === 'certified' && precinct.verification.changedAfterCertification.length > 0) {
      return [changedAfterCertification(precinct)];
    }
    return [];
  });
}

export function discrepancyOf(precinct: PrecinctView): Discrepancy {
  const reports = standingReports(precinct);
  return {
    kind: 'conflict',
    precinct: precinct.precinct,
    statusReason: precinct.statusReason,
    reopened: precinct.verification.reopened,
    reports,
    differences: fieldDifferences(reports),
    previousResolution: precinct.verification.resolution,
  };
}

/**
 * A certified precinct keyed again with other numbers: the certified report (or the recount or correction
 * that changed it last) beside the late reports that differ, and a recount offered.
 */
function changedAfterCertification(precinct: PrecinctView): Discrepancy {
  const late = new Set(precinct.verification.changedAfterCertification);
  const current = precinct.current?.id ?? null;
  const reports = precinct.reports.filter((report) => report.id === current || late.has(report.id));
  const ids = [...late].map((id) => `report ${id}`).join(', ');
  return {
    kind: 'changed-after-certification',
    precinct: precinct.precinct,
    statusReason: `Certified, but ${ids} arrived later with different numbers. The certified numbers stand: if the paper says otherwise, recount the precinct and enter the recount.`,
    reopened: false,
    reports,
    differences: fieldDifferences(reports),
    previousResolution: precinct.verification.resolution,
  };
}

/** Reports that still count: not superseded, not set aside by the chair's resolution. */
export function standingReports(precinct: PrecinctView): ReportView[] {
  const superseded = new Set(precinct.reports.map((report) => report.supersedes));
  const overruled = new Set(precinct.verification.overruled);
  return precinct.reports.filter((report) => !superseded.has(report.id) && !overruled.has(report.id));
}

/** Every number that is not the same in all the reports (a delegate count left empty does not differ). */
export function fieldDifferences(reports: readonly ReportView[]): FieldDifference[] {
  const candidates = [...new Set(reports.flatMap((report) => report.lines.map((line) => line.candidate)))];
  const differences: FieldDifference[] = [];
  for (const candidate of candidates) {
    for (const field of FIELDS) {
      const values = Object.fromEntries(
        reports.map((report) => [
          String(report.id),
          report.lines.find((line) => line.candidate === candidate)?.[field] ?? null,
        ]),
      );
      const given = Object.values(values).filter((value) => field !== 'delegatesAwarded' || value !== null);
      if (new Set(given).size > 1) differences.push({ candidate, field, values });
    }
  }
  return differences;
}
