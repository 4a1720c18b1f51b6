/**
 * The county's settings and what runs by itself while the app is open: the mailbox (settings,
 * password in the SecretStore, check now, last check), drives with report files (their inbox,
 * one-click import, eject), automatic backups (folder, schedule, last backup), team mode on this
 * laptop, and the count of things waiting for a person, for the navigation badge.
 */
import { z } from 'zod';
import { backupSettingsSchema } from '../../backup/backup-settings';
import { mailboxSettingsSchema } from '../../mail/mailbox-settings';
import { ok } from '../../result';
import { backupStatus, saveBackupSettings } from '../../settings/backup-status';
import { mailboxStatus, saveMailboxSettings } from '../../settings/mailbox-status';
import { pendingCounts } from '../../settings/pending-counts';
import { chooseTeamHub, teamHubStatus } from '../../settings/team-hub-status';
import { teamHubSettingSchema } from '../../team/team-hub-setting';
import { needs, open } from '../access';
import { defineMethod } from '../define-method';
import { actorFields, noInput } from '../schema-parts';

const chair = needs('manage-operators');
const enterResults = needs('enter-results', { typedNameWithoutTeam: true });
const driveId = z.string().min(1).max(1000);

export const settingsMethods = {
  getMailboxStatus: defineMethod({
    input: noInput,
    access: open,
    station: 'forward',
    handle: async (_input, services) => ok(await mailboxStatus(services)),
  }),

  saveMailboxSettings: defineMethod({
    input: mailboxSettingsSchema.extend({
      ...actorFields,
      /** Only when it is new or changed: left out, the saved one is kept. Goes to the SecretStore, never the database. */
      password: z.string().max(1000).optional(),
    }),
    access: chair,
    station: 'forward-change',
    handle: (input, context) => {
      const { session: _session, operator: _operator, password, ...settings } = input;
      return saveMailboxSettings(context, context.actor, { settings, password }, context.at);
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
    handle: (_input, { store, background }) => ok(pendingCounts(store, background)),
  }),

  /** The drives plugged into this laptop: only for a person signed in here (docs/SECURITY.md). */
  listDriveInboxes: defineMethod({
    input: z.object({ ...actorFields }),
    access: enterResults,
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
    input: z.object({ driveId, ...actorFields }),
    access: enterResults,
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
    handle: (_input, services) => ok(backupStatus(services)),
  }),

  saveBackupSettings: defineMethod({
    input: backupSettingsSchema.extend(actorFields),
    access: chair,
    station: 'forward-change',
    handle: (input, context) => {
      const { session: _session, operator: _operator, ...settings } = input;
      return saveBackupSettings(context, context.actor, settings, context.at);
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
    handle: (_input, { store, team }) => ok(teamHubStatus(store, team !== undefined)),
  }),

  /** The chair turns team mode on or off for this laptop; it takes effect when Tallyroom next starts. */
  saveTeamHubSetting: defineMethod({
    input: teamHubSettingSchema.extend(actorFields),
    access: chair,
    station: 'forward-change',
    handle: (input, { store, team, actor, at }) => {
      const { session: _session, operator: _operator, ...value } = input;
      return ok(chooseTeamHub(store, actor, value, at, team !== undefined));
    },
  }),
};
