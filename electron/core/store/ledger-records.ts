/**
 * The rows that hold the county's numbers, read exactly as stored, for the health check to hold
 * against the audit chain (docs/SECURITY.md, "Every number in the chain"): reports with their
 * counts and coin tosses, resolutions, certifications, recounts and corrections, and audit hand
 * tallies. Each record is the row's own columns plus its child rows, ordered, so the same rows
 * always give the same record; the domain hashes it (integrity/ledger-digest.ts).
 */
import type { CountyStore } from './county-store';
import { cachedStatement, databaseOf } from './database-of';

export const LEDGER_KINDS = ['report', 'resolution', 'certification', 'certified-change', 'hand-tally'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** One row and its children as stored; `values` is what the chain's digest covers. */
export interface LedgerRecord {
  readonly kind: LedgerKind;
  readonly id: number;
  readonly values: Readonly<Record<string, unknown>>;
}

/** A report's stored content: what the health check compares with its counts. */
export interface ReportContentRecord {
  readonly id: number;
  readonly precinct: string;
  readonly content: string;
  readonly sha256: string;
}

interface KindSql {
  readonly rows: string;
  readonly children: readonly { readonly name: string; readonly sql: string }[];
}

const SQL: Record<LedgerKind, KindSql> = {
  report: {
    rows: `SELECT id, precinct_id, source, operator, received_at, import_file_id, sha256, supersedes_id
             FROM report WHERE {id} ORDER BY id`,
    children: [
      {
        name: 'counts',
        sql: `SELECT report_id AS parent, candidate_id, first_alignment, final_alignment, delegates_awarded, sde
                FROM report_count WHERE {report_id} ORDER BY report_id, candidate_id`,
      },
      {
        name: 'coinTosses',
        sql: `SELECT report_id AS parent, toss_index, candidate_id, won
                FROM report_coin_toss WHERE {report_id} ORDER BY report_id, toss_index, candidate_id`,
      },
    ],
  },
  resolution: {
    rows: `SELECT id, precinct_id, chosen_report_id, reason, operator, resolved_at
             FROM resolution WHERE {id} ORDER BY id`,
    children: [
      {
        name: 'settles',
        sql: `SELECT resolution_id AS parent, report_id FROM resolution_settles
               WHERE {resolution_id} ORDER BY resolution_id, report_id`,
      },
    ],
  },
  certification: {
    rows: `SELECT id, precinct_id, report_id, through_report_id, operator, certified_at
             FROM certification WHERE {id} ORDER BY id`,
    children: [],
  },
  'certified-change': {
    rows: `SELECT id, precinct_id, certification_id, kind, report_id, operator, changed_at, reason
             FROM certified_change WHERE {id} ORDER BY id`,
    children: [],
  },
  'hand-tally': {
    rows: `SELECT id, audit_id, precinct_id, ballots, entered_by, entered_at, replaces_id, reason
             FROM rla_hand_tally WHERE {id} ORDER BY id`,
    children: [
      {
        name: 'counts',
        sql: `SELECT tally_id AS parent, candidate_id, count FROM rla_hand_tally_count
               WHERE {tally_id} ORDER BY tally_id, candidate_id`,
      },
    ],
  },
};

/** Every record of one kind (or the one with `id`), in id order. */
export function listLedgerRecords(store: CountyStore, kind: LedgerKind, id?: number): LedgerRecord[] {
  // Two statements, not one with "? IS NULL OR": SQLite would then scan the table for every write.
  const filtered = (sql: string) =>
    sql.replace(/\{(\w+)\}/g, (_, column: string) => (id === undefined ? '1' : `${column} = ?`));
  const args = id === undefined ? [] : [id];
  const { rows, children } = SQL[kind];
  const childRows = children.map((child) => ({
    name: child.name,
    byParent: groupByParent(
      cachedStatement(store, filtered(child.sql)).all(...args) as ({ parent: number } & Record<string, unknown>)[],
    ),
  }));
  return (cachedStatement(store, filtered(rows)).all(...args) as ({ id: number } & Record<string, unknown>)[]).map(
    (row) => {
      const values: Record<string, unknown> = { ...row };
      for (const child of childRows) values[child.name] = child.byParent.get(row.id) ?? [];
      return { kind, id: row.id, values };
    },
  );
}

/** Each report's content and sha256, with its precinct's code. */
export function listReportContents(store: CountyStore): ReportContentRecord[] {
  return databaseOf(store)
    .prepare(
      `SELECT r.id, p.code AS precinct, r.content, r.sha256 FROM report r JOIN precinct p ON p.id = r.precinct_id
        ORDER BY r.id`,
    )
    .all() as ReportContentRecord[];
}

function groupByParent<T extends { parent: number }>(rows: readonly T[]): Map<number, Omit<T, 'parent'>[]> {
  const groups = new Map<number, Omit<T, 'parent'>[]>();
  for (const { parent, ...rest } of rows) {
    const group = groups.get(parent);
    if (group) group.push(rest);
    else groups.set(parent, [rest]);
  }
  return groups;
}
