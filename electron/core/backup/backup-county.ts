import { accessSync, constants, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chainHeadPathOf, checkChainHead, readChainHead, writeChainHead } from '../integrity/chain-head-file';
import { checkDatabaseHealth, requireHealthyCounty } from '../integrity/database-health';
import { type AppError, appError, ok, type Result } from '../result';
import { CountyStore } from '../store/county-store';
import { inspectDatabaseFile, writeDatabaseBackup } from '../store/database-backup';
import { type BackupReason, backupFileName, backupsToRemove, parseBackupFileName } from './rotation';

export interface BackupWritten {
  readonly path: string;
  readonly takenAt: string;
  readonly reason: BackupReason;
  readonly reports: number;
  readonly auditEntries: number;
  /** Older backups removed by the rotation. */
  readonly removed: readonly string[];
}

/** Backups kept in rotation; certification backups are kept besides these. */
export const DEFAULT_BACKUPS_KEPT = 24;

/**
 * Writes a verified backup of the county database into `folder` (e.g. a USB stick the chair chose):
 * online, atomic, then reopened and checked — SQLite integrity and the whole audit chain — before
 * it counts. Old scheduled backups beyond `keep` are removed; certification backups never are.
 */
export async function backupCounty(
  store: CountyStore,
  folder: string,
  reason: BackupReason,
  now: Date,
  keep = DEFAULT_BACKUPS_KEPT,
): Promise<Result<BackupWritten, AppError>> {
  const usable = checkFolder(folder);
  if (!usable.ok) return usable;
  // A copy of a tampered county would carry the tampering onto the stick as if it were good.
  const healthy = requireHealthyCounty(store, 'back up the county');
  if (!healthy.ok) return healthy;
  const name = backupFileName(now, reason);
  const path = join(folder, name);
  try {
    await writeDatabaseBackup(store, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return appError(
      'BACKUP_FAILED',
      code === 'ENOSPC'
        ? `The backup folder ${folder} is full; free some space or choose another folder.`
        : `The backup could not be written to ${folder} (${code ?? 'write error'}); check the drive and try again.`,
    );
  }
  const verified = verifyBackupFile(path);
  if (!verified.ok) {
    rmSync(path, { force: true });
    return verified;
  }
  const head = store.chainHead();
  if (head) writeChainHead(chainHeadPathOf(path), head, null, now);
  const removed = backupsToRemove(listBackups(folder), keep);
  for (const old of removed) {
    rmSync(join(folder, old), { force: true });
    rmSync(chainHeadPathOf(join(folder, old)), { force: true });
  }
  return ok({ path, takenAt: now.toISOString(), reason, ...verified.value, removed });
}

/** A backup is trusted only when SQLite finds it intact and its audit chain verifies end to end. */
export function verifyBackupFile(path: string): Result<{ reports: number; auditEntries: number }, AppError> {
  let check: ReturnType<typeof inspectDatabaseFile>;
  try {
    check = inspectDatabaseFile(path);
  } catch {
    return appError('BACKUP_UNREADABLE', `${path} is not a Tallyroom database, or it is damaged.`);
  }
  if (check.integrity !== 'ok') {
    return appError('BACKUP_DAMAGED', `${path} is damaged (SQLite integrity check: ${check.integrity}).`);
  }
  const store = CountyStore.open(path, { readonly: true });
  try {
    const health = checkDatabaseHealth(store);
    if (!health.ok) return appError('BACKUP_TAMPERED', `${path} does not pass the health check: ${health.problem}`);
    // The head recorded beside the backup when it was written: a backup cut short since fails it.
    const anchor = checkChainHead([...store.iterateAudit()], readChainHead(chainHeadPathOf(path)), null, false);
    if (anchor) return appError('BACKUP_TAMPERED', `${path} does not match the record written beside it: ${anchor}`);
  } finally {
    store.close();
  }
  return ok({ reports: check.reports, auditEntries: check.auditEntries });
}

export function listBackups(folder: string) {
  return readdirSync(folder)
    .map((name) => parseBackupFileName(name))
    .filter((entry) => entry !== null);
}

function checkFolder(folder: string): Result<void, AppError> {
  try {
    if (!statSync(folder).isDirectory()) {
      return appError('BACKUP_FOLDER_UNAVAILABLE', `${folder} is a file, not a folder; choose a folder for backups.`);
    }
    accessSync(folder, constants.W_OK);
    return ok(undefined);
  } catch {
    return appError(
      'BACKUP_FOLDER_UNAVAILABLE',
      `The backup folder ${folder} is not available (is the USB stick plugged in?); choose it again or plug it in.`,
    );
  }
}
