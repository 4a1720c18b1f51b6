import type { CountyCertificationView } from '../model/verification';
import type { CountyStore } from '../store/county-store';
import { listCountyCertifications, type PrecinctHistoryRecords } from '../store/verification-records';

/**
 * The chair's latest certification of the county. It no longer covers the county as it stands once
 * a precinct is recounted, corrected or certified again after it: then `changedSince` is true.
 */
export function countyCertificationOf(
  store: CountyStore,
  histories: ReadonlyMap<number, PrecinctHistoryRecords>,
): CountyCertificationView | null {
  const latest = listCountyCertifications(store).at(-1);
  if (!latest) return null;
  const changedSince = [...histories.values()].some(
    (history) =>
      history.certifications.some((certification) => certification.id > latest.id) ||
      history.changes.some((change) => change.reportId > (latest.throughReportId ?? 0)),
  );
  return { operator: latest.operator, certifiedAt: latest.certifiedAt, changedSince };
}
