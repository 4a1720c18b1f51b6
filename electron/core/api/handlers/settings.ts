/**
 * The county's settings and what runs by itself while the app is open: the
 * mailbox (settings, password in the SecretStore, check now, last check), drives with report
 * files (their inbox, one-click import, eject), automatic backups (folder, schedule, last backup)
 * and the count of things waiting for a person, for the navigation badge.
 */

import type { BackupWritten } from '../../backup/backup-county';
import type { BackupStatus } from '../../backup/backup-scheduler';
import { type BackupSettings, backupSettings } from '../../backup/backup-settings';
import type { BackgroundServices } from '../../intake/background-services';
import type { ImportFilesResult } from '../../intake/file-result';
import type { MailboxMonitorStatus, MailCheck } from '../../mail/mailbox-monitor';
import { type MailboxSettings, mailboxSettings } from '../../mail/mailbox-settings';
import { type AppError, ok, type Result } from '../../result';
import type { SecretStore } from '../../secrets/secret-store';
import type { CountyStore } from '../../store/county-store';
import { listQuarantineItems, listScanQueue } from '../../store/intake-records';
import { recordSetting } from '../../store/settings-records';
import { saveTeamHubSetting, type TeamHubSetting, teamHubSetting } from '../../team/team-hub-setting';
import type { DriveView } from '../../usb/drive-service';
import type { ApiParsedInput } from '../schemas';
import { actorFor } from './operators';

export interface MailboxStatusView extends MailboxMonitorStatus {
  readonly settings: MailboxSettings | null;
  /** False where the OS offers no encryption: the password is then asked again after a restart. */
  readonly passwordKeptBetweenRuns: boolean;
}

/** Team mode on this laptop: what the chair chose, and whether the hub runs now (it starts with the app). */
export interface TeamHubSettingView {
  readonly setting: TeamHubSetting | null;
  readonly hubRunning: boolean;
}

export interface BackupStatusView extends BackupStatus {
  readonly settings: BackupSettings | null;
}

/** Things waiting for a person, shown as badges in the navigation. */
export interface PendingCounts {
  readonly quarantinedMail: number;
  readonly scansWaiting: number;
  readonly driveFilesWaiting: number;
  readonly total: number;
}

type SettingsMethod =
  | 'getMailboxStatus'
  | 'saveMailboxSettings'
  | 'checkMailboxNow'
  | 'getPendingCounts'
  | 'listDriveInboxes'
  | 'importFromDrive'
  | 'ejectDrive'
  | 'getBackupStatus'
  | 'saveBackupSettings'
  | 'backupNow'
  | 'getTeamHubSetting'
  | 'saveTeamHubSetting';

export interface SettingsOutputs {
  getMailboxStatus: MailboxStatusView;
  saveMailboxSettings: MailboxStatusView;
  checkMailboxNow: MailCheck;
  getPendingCounts: PendingCounts;
  listDriveInboxes: readonly DriveView[];
  importFromDrive: ImportFilesResult;
  ejectDrive: null;
  getBackupStatus: BackupStatusView;
  saveBackupSettings: BackupStatusView;
  backupNow: BackupWritten;
  getTeamHubSetting: TeamHubSettingView;
  saveTeamHubSetting: TeamHubSettingView;
}

type SettingsHandlers = {
  [M in SettingsMethod]: (
    input: ApiParsedInput<M>,
  ) => Result<SettingsOutputs[M], AppError> | Promise<Result<SettingsOutputs[M], AppError>>;
};

export function settingsHandlers(
  store: CountyStore,
  clock: () => Date,
  secrets: SecretStore,
  background: BackgroundServices,
  hubRunning = false,
): SettingsHandlers {
  const mailboxView = async (): Promise<MailboxStatusView> => ({
    ...(await background.mailbox.status()),
    settings: mailboxSettings(store),
    passwordKeptBetweenRuns: secrets.isPersistent,
  });
  const backupView = (): BackupStatusView => ({ ...background.backups.status(), settings: backupSettings(store) });

  return {
    getMailboxStatus: async () => ok(await mailboxView()),
    saveMailboxSettings: async (input) => {
      const at = clock();
      const who = actorFor(store, input, 'manage-operators', at);
      if (!who.ok) return who;
      const { session: _session, operator: _operator, password, ...settings } = input;
      const passwordChanged = password !== undefined && password !== '';
      // The password goes to the SecretStore before the settings row, never into the database.
      if (passwordChanged) await secrets.set('imap-password', password);
      const saved = store.transaction<null, AppError>(() => {
        recordSetting(store, {
          name: 'mailbox',
          value: settings,
          at: at.toISOString(),
          operator: who.value.name,
          note: { passwordChanged },
        });
        return ok(null);
      });
      if (!saved.ok) return saved;
      background.mailbox.settingsChanged();
      return ok(await mailboxView());
    },
    checkMailboxNow: async (input) => {
      const who = actorFor(store, input, 'enter-results', clock());
      if (!who.ok) return who;
      return ok(await background.mailbox.checkNow('manual', who.value.name));
    },
    getPendingCounts: () => {
      const quarantinedMail = listQuarantineItems(store, true).length;
      const scansWaiting = listScanQueue(store).filter((scan) => scan.status === 'pending-ocr').length;
      const driveFilesWaiting = background.drives.waitingCount();
      return ok({
        quarantinedMail,
        scansWaiting,
        driveFilesWaiting,
        total: quarantinedMail + scansWaiting + driveFilesWaiting,
      });
    },
    listDriveInboxes: async () => ok(await background.drives.drives()),
    importFromDrive: async (input) => {
      const who = actorFor(store, input, 'enter-results', clock());
      if (!who.ok) return who;
      return background.drives.importFrom(input.driveId, input.paths ?? null, who.value.name, clock);
    },
    ejectDrive: async (input) => {
      const ejected = await background.drives.eject(input.driveId);
      return ejected.ok ? ok(null) : ejected;
    },
    getBackupStatus: () => ok(backupView()),
    saveBackupSettings: (input) => {
      const at = clock();
      const who = actorFor(store, input, 'manage-operators', at);
      if (!who.ok) return who;
      const { session: _session, operator: _operator, ...settings } = input;
      const saved = store.transaction<null, AppError>(() => {
        recordSetting(store, { name: 'backup', value: settings, at: at.toISOString(), operator: who.value.name });
        return ok(null);
      });
      return saved.ok ? ok(backupView()) : saved;
    },
    getTeamHubSetting: () => ok({ setting: teamHubSetting(store), hubRunning }),
    saveTeamHubSetting: (input) => {
      const at = clock();
      const who = actorFor(store, input, 'manage-operators', at);
      if (!who.ok) return who;
      const { session: _session, operator: _operator, ...value } = input;
      const setting = saveTeamHubSetting(store, { value, at: at.toISOString(), operator: who.value.name });
      return ok({ setting, hubRunning });
    },
    backupNow: async (input) => {
      const who = actorFor(store, input, 'enter-results', clock());
      if (!who.ok) return who;
      return background.backups.backupNow('manual');
    },
  };
}
