import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { chainHeadPathOf, writeChainHead } from '../integrity/chain-head-file';
import { type AppError, ok, type Result } from '../result';
import { CountyStore } from '../store/county-store';
import { verifyBackupFile } from './backup-county';
import { parseBackupFileName } from './rotation';

export interface RestoreDone {
  readonly restoredTo: string;
  /** Where the database that was there before now is (never deleted), or null. */
  readonly previousKeptAt: string | null;
  readonly reports: number;
}

/**
 * Restores a backup onto `target` (a fresh laptop, or after a failure). The backup is verified
 * first; a database already at `target` is moved aside, never deleted; the copy is written under
 * a temporary name and renamed; the restore itself is the first new entry of the audit log.
 */
export function restoreCounty(
  backupPath: string,
  target: string,
  operator: string,
  now: Date,
): Result<RestoreDone, AppError> {
  const verified = verifyBackupFile(backupPath);
  if (!verified.ok) return verified;
  let previousKeptAt: string | null = null;
  if (existsSync(target)) {
    previousKeptAt = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, previousKeptAt);
    for (const suffix of ['-wal', '-shm', '.head']) {
      if (existsSync(`${target}${suffix}`)) renameSync(`${target}${suffix}`, `${previousKeptAt}${suffix}`);
    }
  }
  const temporary = `${target}.restoring`;
  rmSync(temporary, { force: true });
  copyFileSync(backupPath, temporary);
  renameSync(temporary, target);
  const store = CountyStore.open(target);
  try {
    store.appendAudit({
      at: now.toISOString(),
      operator,
      action: 'database.restored',
      payload: {
        backup: basename(backupPath),
        backupTakenAt: parseBackupFileName(basename(backupPath))?.takenAt ?? null,
        previousKeptAt,
      },
    });
    // The restored file's head, written without the app's key (the command line has none): the app
    // says so once at its next start, so a restore nobody asked for does not pass unseen.
    const head = store.chainHead();
    if (head) writeChainHead(chainHeadPathOf(target), head, null, now);
  } finally {
    store.close();
  }
  return ok({ restoredTo: target, previousKeptAt, reports: verified.value.reports });
}
