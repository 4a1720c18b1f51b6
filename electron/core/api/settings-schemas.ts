/** Input schemas of the settings, mailbox, drive and backup methods, spread into inputSchemas. */
import { z } from 'zod';
import { backupSettingsSchema } from '../backup/backup-settings';
import { mailboxSettingsSchema } from '../mail/mailbox-settings';
import { teamHubSettingSchema } from '../team/team-hub-setting';

const sessionToken = z.string().min(16, 'Sign in first.').max(200);
const operatorName = z.string().trim().min(1, 'Enter the name of the person at the keyboard.').max(80);
const actor = { session: sessionToken.optional(), operator: operatorName.optional() };
const driveId = z.string().min(1).max(1000);

export const settingsInputSchemas = {
  getMailboxStatus: z.object({}).strict(),
  saveMailboxSettings: mailboxSettingsSchema.extend({
    ...actor,
    /** Only when it is new or changed: left out, the saved one is kept. Goes to the SecretStore, never the database. */
    password: z.string().max(1000).optional(),
  }),
  checkMailboxNow: z.object(actor),
  getPendingCounts: z.object({}).strict(),
  listDriveInboxes: z.object({}).strict(),
  importFromDrive: z.object({
    ...actor,
    driveId,
    /** Files of the drive to import, a few per call so the screen shows progress; all of them when left out. */
    paths: z.array(z.string().min(1).max(4000)).min(1).max(200).optional(),
  }),
  ejectDrive: z.object({ driveId }),
  getBackupStatus: z.object({}).strict(),
  saveBackupSettings: backupSettingsSchema.extend(actor),
  backupNow: z.object(actor),
  getTeamHubSetting: z.object({}).strict(),
  /** The chair turns team mode on or off for this laptop; it takes effect when Tallyroom next starts. */
  saveTeamHubSetting: teamHubSettingSchema.extend(actor),
} as const;
