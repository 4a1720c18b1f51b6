/** SQL for resolutions, certifications, recounts and corrections (migration 002). */
import type { CountyStore } from './county-store';
import { cachedStatement, databaseOf } from './database-of';

export interface ResolutionRecord {
  readonly id: number;
  readonly precinctId: number;
  readonly chosenReportId: number;
  readonly reason: string;
  readonly operator: string;
  readonly resolvedAt: string;
  /** Every report the resolution decided between (all the precinct's reports at the time). */
  readonly settles: readonly number[];
}

export interface CertificationRecord {
  readonly id: number;
  /** Null: the county as a whole. */
  readonly precinctId: number | null;
  readonly reportId: number | null;
  readonly throughReportId: number | null;
  readonly operator: string;
  readonly certifiedAt: string;
}

export const CERTIFIED_CHANGE_KINDS = ['recount', 'correction'] as const;
export type CertifiedChangeKind = (typeof CERTIFIED_CHANGE_KINDS)[number];

export interface CertifiedChangeRecord {
  readonly id: number;
  readonly precinctId: number;
  readonly certificationId: number;
  readonly kind: CertifiedChangeKind;
  readonly reportId: number;
  readonly operator: string;
  readonly changedAt: string;
  readonly reason: string;
}

/** What the status derivation needs about one precinct besides its reports. */
export interface PrecinctHistoryRecords {
  readonly resolutions: readonly ResolutionRecord[];
  readonly certifications: readonly CertificationRecord[];
  readonly changes: readonly CertifiedChangeRecord[];
}

export function insertResolution(store: CountyStore, resolution: Omit<ResolutionRecord, 'id'>): number {
  const info = databaseOf(store)
    .prepare(
      'INSERT INTO resolution (precinct_id, chosen_report_id, reason, operator, resolved_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(
      resolution.precinctId,
      resolution.chosenReportId,
      resolution.reason,
      resolution.operator,
      resolution.resolvedAt,
    );
  const id = Number(info.lastInsertRowid);
  const settle = databaseOf(store).prepare('INSERT INTO resolution_settles (resolution_id, report_id) VALUES (?, ?)');
  for (const reportId of resolution.settles) settle.run(id, reportId);
  return id;
}

export function insertCertification(store: CountyStore, certification: Omit<CertificationRecord, 'id'>): number {
  const info = databaseOf(store)
    .prepare(
      `INSERT INTO certification (precinct_id, report_id, through_report_id, operator, certified_at)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .run(
      certification.precinctId,
      certification.reportId,
      certification.throughReportId,
      certification.operator,
      certification.certifiedAt,
    );
  return Number(info.lastInsertRowid);
}

export function insertCertifiedChange(store: CountyStore, change: Omit<CertifiedChangeRecord, 'id'>): number {
  const info = databaseOf(store)
    .prepare(
      `INSERT INTO certified_change (precinct_id, certification_id, kind, report_id, operator, changed_at, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      change.precinctId,
      change.certificationId,
      change.kind,
      change.reportId,
      change.operator,
      change.changedAt,
      change.reason,
    );
  return Number(info.lastInsertRowid);
}

/** Resolutions, certifications and changes per precinct, oldest first; one precinct or all. */
export function listPrecinctHistories(store: CountyStore, precinctId?: number): Map<number, PrecinctHistoryRecords> {
  const where = precinctId === undefined ? '' : 'WHERE precinct_id = ?';
  const args = precinctId === undefined ? [] : [precinctId];
  const resolutions = cachedStatement(
    store,
    `SELECT id, precinct_id AS precinctId, chosen_report_id AS chosenReportId, reason, operator,
              resolved_at AS resolvedAt
         FROM resolution ${where} ORDER BY id`,
  ).all(...args) as Omit<ResolutionRecord, 'settles'>[];
  const settles = cachedStatement(
    store,
    `SELECT s.resolution_id AS resolutionId, s.report_id AS reportId
         FROM resolution_settles s JOIN resolution r ON r.id = s.resolution_id ${where ? 'WHERE r.precinct_id = ?' : ''}
         ORDER BY s.resolution_id, s.report_id`,
  ).all(...args) as { resolutionId: number; reportId: number }[];
  const certifications = cachedStatement(
    store,
    `SELECT ${CERTIFICATION_COLUMNS} FROM certification
         ${where ? 'WHERE precinct_id = ?' : 'WHERE precinct_id IS NOT NULL'} ORDER BY id`,
  ).all(...args) as CertificationRecord[];
  const changes = cachedStatement(
    store,
    `SELECT id, precinct_id AS precinctId, certification_id AS certificationId, kind, report_id AS reportId,
              operator, changed_at AS changedAt, reason
         FROM certified_change ${where} ORDER BY id`,
  ).all(...args) as CertifiedChangeRecord[];

  const histories = new Map<
    number,
    { resolutions: ResolutionRecord[]; certifications: CertificationRecord[]; changes: CertifiedChangeRecord[] }
  >();
  const historyOf = (id: number) => {
    let history = histories.get(id);
    if (!history) {
      history = { resolutions: [], certifications: [], changes: [] };
      histories.set(id, history);
    }
    return history;
  };
  for (const resolution of resolutions) {
    historyOf(resolution.precinctId).resolutions.push({
      ...resolution,
      settles: settles.filter((row) => row.resolutionId === resolution.id).map((row) => row.reportId),
    });
  }
  for (const certification of certifications) {
    if (certification.precinctId !== null) historyOf(certification.precinctId).certifications.push(certification);
  }
  for (const change of changes) historyOf(change.precinctId).changes.push(change);
  return histories;
}

const CERTIFICATION_COLUMNS = `id, precinct_id AS precinctId, report_id AS reportId, through_report_id AS throughReportId,
  operator, certified_at AS certifiedAt`;

/** The county's certifications (not a precinct's), oldest first. */
export function listCountyCertifications(store: CountyStore): CertificationRecord[] {
  return cachedStatement(
    store,
    `SELECT ${CERTIFICATION_COLUMNS} FROM certification WHERE precinct_id IS NULL ORDER BY id`,
  ).all() as CertificationRecord[];
}

/** Newest report id in the database, 0 when none: what a certification "saw". */
export function latestReportId(store: CountyStore): number {
  return (databaseOf(store).prepare('SELECT coalesce(max(id), 0) AS id FROM report').get() as { id: number }).id;
}
