/**
 * The county store's SQLite connection, for the store's own modules only: CountyStore keeps it
 * private, so no SQL runs outside electron/core/store (.dependency-cruiser.cjs forbids importing
 * this file from anywhere else; tests that tamper with a database open the file themselves).
 */
import type Database from 'better-sqlite3';
import type { SqliteDatabase } from './database';

interface Connection {
  readonly db: SqliteDatabase;
  /** Prepared once per SQL text: preparing is a real share of an import's time (npm run bench). */
  readonly statements: Map<string, Database.Statement>;
}

const connections = new WeakMap<object, Connection>();

export function keepDatabase(owner: object, db: SqliteDatabase): void {
  connections.set(owner, { db, statements: new Map() });
}

function connectionOf(owner: object): Connection {
  const connection = connections.get(owner);
  if (!connection) throw new Error('This store has no database: open it with CountyStore.open.');
  return connection;
}

export function databaseOf(owner: object): SqliteDatabase {
  return connectionOf(owner).db;
}

/** A statement prepared once per SQL text; it must not be iterated (it stays busy meanwhile). */
export function cachedStatement(owner: object, sql: string): Database.Statement {
  const { db, statements } = connectionOf(owner);
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared;
}
