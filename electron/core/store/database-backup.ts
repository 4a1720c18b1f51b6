import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { CountyStore } from './county-store';
import { databaseOf } from './database-of';
import { keepForOwnerOnly } from './owner-only';

/**
 * Online backup with SQLite's backup API: consistent while the app keeps writing, written to a
 * temporary name, flushed to the device, then renamed, so a backup file is either whole or absent.
 */
export async function writeDatabaseBackup(store: CountyStore, destination: string): Promise<void> {
  const temporary = `${destination}.partial`;
  rmSync(temporary, { force: true });
  try {
    await databaseOf(store).backup(temporary);
    // The backup copy is a rollback-journal database: nothing left in a WAL beside it.
    const copy = new Database(temporary);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    keepForOwnerOnly(temporary);
    const handle = openSync(temporary, 'r+');
    try {
      fsyncSync(handle);
    } finally {
      closeSync(handle);
    }
    renameSync(temporary, destination);
  } finally {
    rmSync(temporary, { force: true });
  }
}

export interface DatabaseFileCheck {
  readonly integrity: string;
  readonly schemaVersion: number;
  readonly reports: number;
  readonly auditEntries: number;
}

/** Opens a database file read-only and reports what a restore needs to trust it. */
export function inspectDatabaseFile(path: string): DatabaseFileCheck {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const schemaVersion = Number(db.pragma('user_version', { simple: true }));
    const count = (table: string) => {
      const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table);
      return exists ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0;
    };
    return { integrity, schemaVersion, reports: count('report'), auditEntries: count('audit_log') };
  } finally {
    db.close();
  }
}
