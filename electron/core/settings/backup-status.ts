/** Automatic backups as the settings screen shows them, and the chair saving their settings. */

import type { BackgroundServices } from '../background/background-services';
import type { BackupStatus } from '../backup/backup-scheduler';
import { type BackupSettings, backupSettings } from '../backup/backup-settings';
import type { SignedIn } from '../operators/sessions';
import { type AppError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { recordSetting } from '../store/settings-records';

export interface BackupStatusView extends BackupStatus {
  readonly settings: BackupSettings | null;
}

interface BackupPlace {
  readonly store: CountyStore;
  readonly background: BackgroundServices;
}

export function backupStatus({ store, background }: BackupPlace): BackupStatusView {
  return { ...background.backups.status(), settings: backupSettings(store) };
}

export function saveBackupSettings(
  place: BackupPlace,
  chair: SignedIn,
  settings: BackupSettings,
  at: Date,
): Result<BackupStatusView, AppError> {
  const { store } = place;
  const saved = store.transaction<null, AppError>(() => {
    recordSetting(store, { name: 'backup', value: settings, at: at.toISOString(), operator: chair.name });
    return ok(null);
  });
  return saved.ok ? ok(backupStatus(place)) : saved;
}
