import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';
import { prepareOwnerOnlyDatabaseFile } from './owner-only';

export type SqliteDatabase = Database.Database;

export interface OpenDatabaseOptions {
  /** Path of a better_sqlite3.node built for another ABI (the Electron app passes its own). */
  readonly nativeBinding?: string;
  readonly readonly?: boolean;
}

/**
 * Opens (creating if needed) a county database: WAL for concurrent readers, synchronous=FULL
 * because a laptop losing power must not lose a committed report, foreign keys enforced.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): SqliteDatabase {
  if (!options.readonly && path !== ':memory:') prepareOwnerOnlyDatabaseFile(path);
  const db = new Database(path, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true, fileMustExist: true } : {}),
  });
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  return db;
}

/** The schema version a database is at (0 for a new file). */
export function schemaVersion(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration a database has not had, in version order, each in its own transaction,
 * and records it in schema_migration. Which migrations ran is a set, not a high-water mark: a
 * migration numbered below one already applied (two branches landing in either order) still runs.
 */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const done = new Set(
    (db.prepare('SELECT version FROM schema_migration').all() as { version: number }[]).map((row) => row.version),
  );
  const applied: Migration[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${Math.max(schemaVersion(db), migration.version)}`);
    })();
    applied.push(migration);
  }
  return applied;
}

/** Versions recorded as applied, in order. */
export function appliedMigrations(db: SqliteDatabase): number[] {
  return (db.prepare('SELECT version FROM schema_migration ORDER BY version').all() as { version: number }[]).map(
    (row) => row.version,
  );
}

/** Newest schema version this build knows. */
export const LATEST_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));
