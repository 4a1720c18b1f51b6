import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, openCountyStore, schemaVersion } from '../../electron/core/store';
import { MIGRATIONS } from '../../electron/core/store/migrations';
import { rawDatabase } from '../helpers/raw-database';
import { expectOk, SMALL_COUNTY, type TempCounty, tempCounty } from '../helpers/temp-county';

let county: TempCounty;
afterEach(() => county?.cleanup());

async function countyWithReport(): Promise<TempCounty> {
  const fresh = tempCounty();
  expectOk(await fresh.api.createCounty({ operator: 'Pat Chair', setup: SMALL_COUNTY }));
  expectOk(
    await fresh.api.submitWorksheet({
      precinct: 'AL-01',
      lines: [
        { candidate: 'Adams', firstAlignment: 9, finalAlignment: 11, delegatesAwarded: 1 },
        { candidate: 'Baker', firstAlignment: 7, finalAlignment: 5, delegatesAwarded: 0 },
        { candidate: 'Castillo', firstAlignment: 0, finalAlignment: 0, delegatesAwarded: 0 },
      ],
      coinTosses: [],
      operator: 'Jordan',
      source: 'manual',
    }),
  );
  return fresh;
}

describe('the county database file', () => {
  it('is WAL, with foreign keys on, STRICT tables, at the latest schema version', () => {
    county = tempCounty();
    const db = rawDatabase(county.store);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as {
      name: string;
      sql: string;
    }[];
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) expect(table.sql, table.name).toMatch(/\) STRICT$/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses to edit or delete a received report, even from SQL', async () => {
    county = await countyWithReport();
    const db = rawDatabase(county.store);
    expect(() => db.prepare('UPDATE report_count SET final_alignment = 99').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM report').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit_log SET operator = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() =>
      db.prepare('INSERT INTO report_count (report_id, candidate_id, final_alignment) VALUES (999, 1, -1)').run(),
    ).toThrow();
  });

  it('opens an existing file without re-running migrations and keeps everything', async () => {
    county = await countyWithReport();
    county = county.reopen();
    const log = expectOk(await county.api.getAuditLog({ limit: 100 }));
    expect(log.entries.map((entry) => entry.action).reverse()).toEqual([
      ...MIGRATIONS.map(() => 'database.migrated'),
      'county.created',
      'report.received',
    ]);
    expect(expectOk(await county.api.getPrecinct({ precinct: 'AL-01' })).reports).toHaveLength(1);
  });
});

describe('the hash-chained audit log', () => {
  it('records every change with operator and time, and verifies', async () => {
    county = await countyWithReport();
    const log = expectOk(await county.api.getAuditLog({ limit: 1 }));
    const entries = MIGRATIONS.length + 2;
    expect(log.total).toBe(entries);
    expect(log.entries[0]).toMatchObject({ seq: entries, action: 'report.received', operator: 'Jordan' });
    expect(log.entries[0]?.payload).toMatchObject({ precinct: 'AL-01', source: 'manual' });
    const verified = expectOk(await county.api.verifyAuditLog({}));
    expect(verified).toMatchObject({ valid: true, entries });
  });

  it('detects an edit made behind the app’s back, naming the entry', async () => {
    county = await countyWithReport();
    const path = county.dbPath;
    county.store.close();
    // An attacker with the file drops our triggers and rewrites history with plain SQLite.
    const raw = new Database(path);
    raw.exec('DROP TRIGGER audit_log_is_append_only_update');
    raw.prepare("UPDATE audit_log SET operator = 'Mallory' WHERE seq = 2").run();
    raw.close();
    const store = openCountyStore(path);
    try {
      const { verifyAuditChain } = await import('../../electron/core/audit-log/chain');
      expect(verifyAuditChain(store.iterateAudit())).toMatchObject({ valid: false, brokenAtSeq: 2 });
    } finally {
      store.close();
    }
  });

  it('detects a deleted entry', async () => {
    county = await countyWithReport();
    const path = county.dbPath;
    county.store.close();
    const raw = new Database(path);
    raw.exec('DROP TRIGGER audit_log_is_append_only_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    raw.close();
    const store = openCountyStore(path);
    try {
      const { verifyAuditChain } = await import('../../electron/core/audit-log/chain');
      const result = verifyAuditChain(store.iterateAudit());
      expect(result).toMatchObject({ valid: false, brokenAtSeq: 3 });
      expect(result.valid || result.reason).toMatch(/missing/);
    } finally {
      store.close();
    }
  });
});

describe('numbered migrations', () => {
  it('applies a migration numbered below one already applied (branches landing in either order)', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { appliedMigrations, migrate, openDatabase } = await import('../../electron/core/store/database');
    const dir = mkdtempSync(join(tmpdir(), 'tallyroom-migrate-'));
    const db = openDatabase(join(dir, 'county.db'));
    try {
      const one = { version: 1, name: 'one', sql: 'CREATE TABLE one (x INTEGER) STRICT;' };
      const two = { version: 2, name: 'two', sql: 'CREATE TABLE two (x INTEGER) STRICT;' };
      const four = { version: 4, name: 'four', sql: 'CREATE TABLE four (x INTEGER) STRICT;' };
      expect(migrate(db, [one, four]).map((m) => m.version)).toEqual([1, 4]);
      expect(migrate(db, [four, two, one]).map((m) => m.version)).toEqual([2]);
      expect(appliedMigrations(db)).toEqual([1, 2, 4]);
      expect(migrate(db, [one, two, four])).toEqual([]);
      expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'two'").get()).toEqual({ name: 'two' });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
