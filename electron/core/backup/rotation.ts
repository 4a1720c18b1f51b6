/**
 * Which old backups to remove: keep the newest `keep`, and never a backup taken right after a
 * certification (those are the ones a recount or a challenge may need).
 * Pure: names in, names out.
 */
export interface BackupFileName {
  readonly name: string;
  /** ISO time the backup was taken, from its name. */
  readonly takenAt: string;
  readonly reason: BackupReason;
}

export type BackupReason = 'scheduled' | 'manual' | 'certification';

export function backupsToRemove(existing: readonly BackupFileName[], keep: number): string[] {
  const rotating = existing
    .filter((backup) => backup.reason !== 'certification')
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  return rotating.slice(Math.max(keep, 1)).map((backup) => backup.name);
}

const NAME = /^tallyroom-backup-(\d{8}T\d{6}Z)-(scheduled|manual|certification)\.db$/;

/** tallyroom-backup-20260203T013000Z-scheduled.db: sortable, readable, says why it was taken. */
export function backupFileName(takenAt: Date, reason: BackupReason): string {
  const stamp = takenAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `tallyroom-backup-${stamp}-${reason}.db`;
}

export function parseBackupFileName(name: string): BackupFileName | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const stamp = match[1] as string;
  const takenAt = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
  return { name, takenAt, reason: match[2] as BackupReason };
}
