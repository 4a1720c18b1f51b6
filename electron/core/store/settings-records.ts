/**
 * SQL for the county's settings (migration 008). Append-only: saving a setting adds a row, and
 * the current value is the newest row for its name. Values are JSON checked by the caller's
 * schema when read back, so a row written by a newer version never crashes an older one.
 */
import type { CountyStore } from './county-store';
import { databaseOf } from './database-of';

export const SETTING_NAMES = ['mailbox', 'backup', 'teamHub'] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

export interface SettingRecord {
  readonly name: SettingName;
  readonly value: unknown;
  readonly changedAt: string;
  readonly operator: string;
}

export function currentSetting(store: CountyStore, name: SettingName): SettingRecord | null {
  const row = databaseOf(store)
    .prepare(
      'SELECT name, value, changed_at AS changedAt, operator FROM setting WHERE name = ? ORDER BY id DESC LIMIT 1',
    )
    .get(name) as { name: SettingName; value: string; changedAt: string; operator: string } | undefined;
  if (!row) return null;
  return { ...row, value: JSON.parse(row.value) as unknown };
}

/** Records a new value with its audit entry; the caller runs it inside a transaction. */
export function recordSetting(
  store: CountyStore,
  change: {
    readonly name: SettingName;
    readonly value: unknown;
    readonly at: string;
    readonly operator: string;
    /** Said in the audit entry beside the value, e.g. that the mailbox password was changed (never the password). */
    readonly note?: Readonly<Record<string, string | number | boolean>>;
  },
): void {
  const audit = store.appendAudit({
    at: change.at,
    operator: change.operator,
    action: 'settings.changed',
    payload: { setting: change.name, value: change.value, ...change.note },
  });
  databaseOf(store)
    .prepare('INSERT INTO setting (name, value, changed_at, operator, audit_seq) VALUES (?, ?, ?, ?, ?)')
    .run(change.name, JSON.stringify(change.value), change.at, change.operator, audit.seq);
}

/** The newest audit entry's number: a scheduled backup is skipped when nothing changed since the last one. */
export function latestAuditSeq(store: CountyStore): number {
  const row = databaseOf(store).prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number | null };
  return row.seq ?? 0;
}

/** The newest certification's audit entry (precinct or county): each new one is followed by a backup. */
export function latestCertificationSeq(store: CountyStore): number {
  const row = databaseOf(store)
    .prepare("SELECT max(seq) AS seq FROM audit_log WHERE action IN ('precinct.certified', 'county.certified')")
    .get() as { seq: number | null };
  return row.seq ?? 0;
}
