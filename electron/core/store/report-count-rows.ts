import type { CountyStore } from './county-store';
import { databaseOf } from './database-of';

/**
 * Reads every report with its counts in one SELECT and says how many rows came back: the floor
 * that rebuilding the county's view from its reports is measured against (scripts/bench/recompute.ts).
 */
export function readReportCountRows(store: CountyStore): number {
  const rows = databaseOf(store)
    .prepare(
      `SELECT r.id, r.precinct_id, r.source, r.operator, r.received_at, r.sha256, c.candidate_id,
              c.first_alignment, c.final_alignment, c.delegates_awarded, c.sde
         FROM report r JOIN report_count c ON c.report_id = r.id ORDER BY r.precinct_id, r.id`,
    )
    .all();
  return rows.length;
}
