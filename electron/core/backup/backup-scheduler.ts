import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppError, Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { latestAuditSeq, latestCertificationSeq } from '../store/settings-records';
import { type BackupWritten, backupCounty, listBackups } from './backup-county';
import { backupSettings } from './backup-settings';
import type { BackupReason } from './rotation';

/** The last backup attempt, as the app shows it. */
export interface BackupAttempt {
  readonly at: string;
  readonly reason: BackupReason;
  readonly ok: boolean;
  /** The verified backup's file; null when it failed. */
  readonly path: string | null;
  readonly error: AppError | null;
}

export interface BackupStatus {
  readonly configured: boolean;
  readonly folder: string | null;
  readonly everyMinutes: number | null;
  /** The newest verified backup in the folder (from this run or an earlier one). */
  readonly lastBackupAt: string | null;
  readonly lastAttempt: BackupAttempt | null;
  /** When the next scheduled backup is due (skipped if nothing changed by then). */
  readonly nextDueAt: string | null;
  readonly running: boolean;
}

export interface BackupScheduler {
  status(): BackupStatus;
  backupNow(reason: BackupReason): Promise<Result<BackupWritten, AppError>>;
  /** One look: a certification since the last look, or the schedule due, takes a backup. */
  tick(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
  onBackup(listener: (attempt: BackupAttempt) => void): () => void;
}

/**
 * Automatic online backups while the app runs: every few minutes when something
 * changed since the last one, and after every certification (noticed in the audit log, so a
 * certification from any screen or station counts). Each backup is the verified, rotated one of
 * `tallyroom backup`. Backups never overlap; a failure is shown and tried again at the next look.
 */
export function createBackupScheduler(options: {
  readonly store: CountyStore;
  readonly clock?: () => Date;
  /** How often it looks (the schedule itself is the chair's minutes). */
  readonly tickMs?: number;
}): BackupScheduler {
  const { store } = options;
  const clock = options.clock ?? (() => new Date());
  const listeners = new Set<(attempt: BackupAttempt) => void>();
  let lastAttempt: BackupAttempt | null = null;
  let lastSuccess: { at: Date; auditSeq: number; folder: string } | null = null;
  let certificationsSeen = latestCertificationSeq(store);
  let running: Promise<Result<BackupWritten, AppError>> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<void> | null = null;

  /** The newest backup already in the folder: a restart does not take one at once. */
  const newestInFolder = (folder: string): Date | null => {
    if (!existsSync(folder)) return null;
    try {
      const newest = listBackups(folder).sort((a, b) => b.takenAt.localeCompare(a.takenAt))[0];
      return newest && existsSync(join(folder, newest.name)) ? new Date(newest.takenAt) : null;
    } catch {
      return null;
    }
  };

  const backupNow = (reason: BackupReason): Promise<Result<BackupWritten, AppError>> => {
    if (running) return running;
    running = (async (): Promise<Result<BackupWritten, AppError>> => {
      const settings = backupSettings(store);
      if (!settings) {
        return {
          ok: false,
          error: { code: 'BACKUP_NOT_SET_UP', message: 'Choose a backup folder in Settings › Backups first.' },
        };
      }
      const auditSeq = latestAuditSeq(store);
      const now = clock();
      const written = await backupCounty(store, settings.folder, reason, now, settings.keep);
      const attempt: BackupAttempt = written.ok
        ? { at: written.value.takenAt, reason, ok: true, path: written.value.path, error: null }
        : { at: now.toISOString(), reason, ok: false, path: null, error: written.error };
      if (written.ok) lastSuccess = { at: now, auditSeq, folder: settings.folder };
      lastAttempt = attempt;
      for (const listener of listeners) listener(attempt);
      return written;
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const lastBackupAt = (folder: string): Date | null =>
    lastSuccess && lastSuccess.folder === folder ? lastSuccess.at : newestInFolder(folder);

  const tick = async (): Promise<void> => {
    const settings = backupSettings(store);
    if (!settings) return;
    const certified = latestCertificationSeq(store);
    if (certified > certificationsSeen) {
      const written = await backupNow('certification');
      if (written.ok) certificationsSeen = certified;
      return;
    }
    const last = lastBackupAt(settings.folder);
    const due = last === null || clock().getTime() - last.getTime() >= settings.everyMinutes * 60_000;
    if (!due) return;
    // Nothing new since the last backup into this folder: another copy would only push older ones out of the rotation.
    if (lastSuccess && lastSuccess.folder === settings.folder && latestAuditSeq(store) === lastSuccess.auditSeq) return;
    await backupNow('scheduled');
  };

  const loop = () => {
    timer = setTimeout(() => {
      ticking = tick()
        .catch(() => undefined)
        .finally(() => {
          ticking = null;
          if (timer) loop();
        });
    }, options.tickMs ?? 15_000);
    timer.unref();
  };

  return {
    status() {
      const settings = backupSettings(store);
      const last = settings ? lastBackupAt(settings.folder) : null;
      return {
        configured: settings !== null,
        folder: settings?.folder ?? null,
        everyMinutes: settings?.everyMinutes ?? null,
        lastBackupAt: last?.toISOString() ?? null,
        lastAttempt,
        nextDueAt: settings && last ? new Date(last.getTime() + settings.everyMinutes * 60_000).toISOString() : null,
        running: running !== null,
      };
    },
    backupNow,
    tick,
    start() {
      if (timer) return;
      certificationsSeen = latestCertificationSeq(store);
      loop();
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      await ticking;
      await running;
    },
    onBackup(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
