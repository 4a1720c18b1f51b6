/**
 * The county's settings and what runs by itself while the app is open: the mailbox (settings,
 * password in the SecretStore, check now, last check), drives with report files (their inbox,
 * one-click import, eject), automatic backups (folder, schedule, last backup), team mode on this
 * laptop, and the count of things waiting for a person, for the navigation badge.
 */
import { z } from 'zod';
import type { BackupStatus } from '../../backup/backup-scheduler';
import { type BackupSettings, backupSettings, backupSettingsSchema } from '../../backup/backup-settings';
import type { MailboxMonitorStatus } from '../../mail/mailbox-monitor';
import { type MailboxSettings, mailboxSettings, mailboxSettingsSchema } from '../../mail/mailbox-settings';
import { type AppError, ok } from '../../result';
import { listQuarantineItems, listScanQueue } from '../../store/intake-records';
import { recordSetting } from '../../store/settings-records';
import {
  saveTeamHubSetting,
  type TeamHubSetting,
  teamHubSetting,
  teamHubSettingSchema,
} from '../../team/team-hub-setting';
import { needs, open } from '../access';
import { type ApiServices, defineMethod } from '../define-method';
import { actorFields, noInput } from '../schema-parts';

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

const chair = needs('manage-operators');
const enterResults = needs('enter-results', { typedNameWithoutTeam: true });
const driveId = z.string().min(1).max(1000);

async function mailboxView({ background, store, secrets }: ApiServices): Promise<MailboxStatusView> {
  return {
    ...(await background.mailbox.status()),
    settings: mailboxSettings(store),
    passwordKeptBetweenRuns: secrets.isPersistent,
  };
}

function backupView({ background, store }: ApiServices): BackupStatusView {
  return { ...background.backups.status(), settings: backupSettings(store) };
}

function teamHubView({ store, team }: ApiServices): TeamHubSettingView {
  return { setting: teamHubSetting(store), hubRunning: team !== undefined };
}

export const settingsMethods = {
  getMailboxStatus: defineMethod({
    input: noInput,
    access: open,
    station: 'forward',
    handle: async (_input, services) => ok(await mailboxView(services)),
  }),

  saveMailboxSettings: defineMethod({
    input: mailboxSettingsSchema.extend({
      ...actorFields,
      /** Only when it is new or changed: left out, the saved one is kept. Goes to the SecretStore, never the database. */
      password: z.string().max(1000).optional(),
    }),
    access: chair,
    station: 'forward-change',
    handle: async (input, context) => {
      const { store, secrets, background, actor, at } = context;
      const { session: _session, operator: _operator, password, ...settings } = input;
      const passwordChanged = password !== undefined && password !== '';
      // The password goes to the SecretStore before the settings row, never into the database.
      if (passwordChanged) await secrets.set('imap-password', password);
      const saved = store.transaction<null, AppError>(() => {
        recordSetting(store, {
          name: 'mailbox',
          value: settings,
          at: at.toISOString(),
          operator: actor.name,
          note: { passwordChanged },
        });
        return ok(null);
      });
      if (!saved.ok) return saved;
      background.mailbox.settingsChanged();
      return ok(await mailboxView(context));
    },
  }),

  checkMailboxNow: defineMethod({
    input: z.object(actorFields),
    access: enterResults,
    station: 'forward-change',
    handle: async (_input, { background, actor }) => ok(await background.mailbox.checkNow('manual', actor.name)),
  }),

  getPendingCounts: defineMethod({
    input: noInput,
    access: open,
    station: 'forward',
    handle: (_input, { store, background }) => {
      const quarantinedMail = listQuarantineItems(store, true).length;
      const scansWaiting = listScanQueue(store).filter((scan) => scan.status === 'pending-ocr').length;
      const driveFilesWaiting = background.drives.waitingCount();
      return ok<PendingCounts>({
        quarantinedMail,
        scansWaiting,
        driveFilesWaiting,
        total: quarantinedMail + scansWaiting + driveFilesWaiting,
      });
    },
  }),

  listDriveInboxes: defineMethod({
    input: noInput,
    access: open,
    station: 'drive',
    handle: async (_input, { background }) => ok(await background.drives.drives()),
  }),

  importFromDrive: defineMethod({
    input: z.object({
      ...actorFields,
      driveId,
      /** Files of the drive to import, a few per call so the screen shows progress; all of them when left out. */
      paths: z.array(z.string().min(1).max(4000)).min(1).max(200).optional(),
    }),
    access: enterResults,
    station: 'drive',
    handle: (input, { background, actor, clock }) =>
      background.drives.importFrom(input.driveId, input.paths ?? null, actor.name, clock),
  }),

  ejectDrive: defineMethod({
    input: z.object({ driveId }),
    access: open,
    station: 'drive',
    handle: async (input, { background }) => {
      const ejected = await background.drives.eject(input.driveId);
      return ejected.ok ? ok(null) : ejected;
    },
  }),

  getBackupStatus: defineMethod({
    input: noInput,
    access: open,
    station: 'forward',
    handle: (_input, services) => ok(backupView(services)),
  }),

  saveBackupSettings: defineMethod({
    input: backupSettingsSchema.extend(actorFields),
    access: chair,
    station: 'forward-change',
    handle: (input, context) => {
      const { store, actor, at } = context;
      const { session: _session, operator: _operator, ...settings } = input;
      const saved = store.transaction<null, AppError>(() => {
        recordSetting(store, { name: 'backup', value: settings, at: at.toISOString(), operator: actor.name });
        return ok(null);
      });
      return saved.ok ? ok(backupView(context)) : saved;
    },
  }),

  backupNow: defineMethod({
    input: z.object(actorFields),
    access: enterResults,
    station: 'forward-change',
    handle: (_input, { background }) => background.backups.backupNow('manual'),
  }),

  getTeamHubSetting: defineMethod({
    input: noInput,
    access: open,
    station: 'forward',
    handle: (_input, services) => ok(teamHubView(services)),
  }),

  /** The chair turns team mode on or off for this laptop; it takes effect when Tallyroom next starts. */
  saveTeamHubSetting: defineMethod({
    input: teamHubSettingSchema.extend(actorFields),
    access: chair,
    station: 'forward-change',
    handle: (input, context) => {
      const { store, actor, at } = context;
      const { session: _session, operator: _operator, ...value } = input;
      saveTeamHubSetting(store, { value, at: at.toISOString(), operator: actor.name });
      return ok(teamHubView(context));
    },
  }),
};
