import { z } from 'zod';
import type { CountyStore } from '../store/county-store';
import { currentSetting } from '../store/settings-records';
import { DEFAULT_BACKUPS_KEPT } from './backup-county';

/** Where and how often the app backs the county database up by itself. */
export const backupSettingsSchema = z.object({
  /** A second folder the chair picked, e.g. on a USB stick; absolute. */
  folder: z
    .string()
    .trim()
    .min(1, 'Choose the folder backups go to.')
    .max(1000)
    .refine((path) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path), 'Give the full path of the backup folder.'),
  /** Minutes between scheduled backups; a backup is also taken after every certification. */
  everyMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(5),
  /** Scheduled backups kept in rotation (certification backups are always kept). */
  keep: z.number().int().min(1).max(1000).default(DEFAULT_BACKUPS_KEPT),
});

export type BackupSettings = z.output<typeof backupSettingsSchema>;

export function backupSettings(store: CountyStore): BackupSettings | null {
  const current = currentSetting(store, 'backup');
  if (!current) return null;
  const parsed = backupSettingsSchema.safeParse(current.value);
  return parsed.success ? parsed.data : null;
}
