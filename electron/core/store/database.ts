import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

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

/** Applies the migrations a database has not had yet; returns the ones applied. */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const applied: Migration[] = [];
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration);
  }
  return applied;
}

/** Newest schema version this build knows. */
export const LATEST_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));
