import type { CountyView } from '../county/county-view';
import type { BundleStatus } from '../model/bundle-status';
import { appError, ok, type Result } from '../result';
import type { BundleExportRecord } from '../store/bundle-records';

/** Statuses whose numbers are settled: missing and conflicting precincts have none. */
const SETTLED = new Set(['received', 'verified', 'certified']);

/** Without --status: complete when every precinct has a settled result, partial otherwise. */
export function defaultBundleStatus(view: CountyView): BundleStatus {
  return unsettledPrecincts(view).length === 0 ? 'unofficial-complete' : 'unofficial-partial';
}

/** A status the county's data can honestly carry, or why not. */
export function checkBundleStatus(
  status: BundleStatus,
  view: CountyView,
  previous: BundleExportRecord | null,
): Result<BundleStatus> {
  const unsettled = unsettledPrecincts(view);
  if ((status === 'unofficial-complete' || status === 'certified') && unsettled.length > 0) {
    const listed = unsettled.slice(0, 5).join(', ') + (unsettled.length > 5 ? ` and ${unsettled.length - 5} more` : '');
    return appError(
      'STATUS_NOT_ALLOWED',
      `The bundle cannot be marked ${status}: ${unsettled.length} precinct${unsettled.length === 1 ? ' has' : 's have'} no settled result yet (${listed}). Export it as unofficial-partial, or resolve them first.`,
    );
  }
  if ((status === 'correction' || status === 'recount') && previous === null) {
    return appError(
      'STATUS_NOT_ALLOWED',
      `A ${status} bundle replaces one sent before, but this county has not exported a bundle yet.`,
    );
  }
  return ok(status);
}

function unsettledPrecincts(view: CountyView): string[] {
  return view.precincts.filter((precinct) => !SETTLED.has(precinct.status)).map((precinct) => precinct.precinct.code);
}
