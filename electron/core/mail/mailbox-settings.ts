import { z } from 'zod';
import type { CountyStore } from '../store/county-store';
import { currentSetting } from '../store/settings-records';
import type { ImapAccount } from './imap-url';

/**
 * The county mailbox as the chair sets it up in the app (the CLI takes the same as an imap URL).
 * The password is not part of it: it lives in the SecretStore ('imap-password'), never in the
 * database or the audit log.
 */
export const mailboxSettingsSchema = z.object({
  host: z
    .string()
    .trim()
    .min(1, 'Enter the mail server, e.g. imap.example.org.')
    .max(253)
    .regex(/^[A-Za-z0-9.:[\]-]+$/, 'Enter only the server name, e.g. imap.example.org (no imap:// or slashes).'),
  port: z.number().int().min(1).max(65_535),
  /** tls: encrypted from the first byte (usually port 993); starttls: plain, upgraded before login (143). */
  security: z.enum(['tls', 'starttls']),
  user: z.string().trim().min(1, 'Enter the mailbox user name.').max(320),
  folder: z.string().trim().min(1).max(200).default('INBOX'),
  /** Minutes between automatic checks while the app runs (IDLE also wakes a check when the server has it). */
  pollMinutes: z.number().int().min(1).max(240).default(5),
  /** Off: the mailbox is only read when someone clicks "Check now". */
  automatic: z.boolean().default(true),
});

export type MailboxSettings = z.output<typeof mailboxSettingsSchema>;

export function mailboxSettings(store: CountyStore): MailboxSettings | null {
  const current = currentSetting(store, 'mailbox');
  if (!current) return null;
  const parsed = mailboxSettingsSchema.safeParse(current.value);
  return parsed.success ? parsed.data : null;
}

export function imapAccountOf(settings: MailboxSettings): ImapAccount {
  const secure = settings.security === 'tls';
  const hostInUrl =
    settings.host.includes(':') && !settings.host.startsWith('[') ? `[${settings.host}]` : settings.host;
  const host = settings.host.replace(/^\[|\]$/g, '');
  return {
    secure,
    host,
    port: settings.port,
    user: settings.user,
    mailbox: settings.folder,
    display: `${secure ? 'imaps' : 'imap'}://${encodeURIComponent(settings.user)}@${hostInUrl}:${settings.port}/${settings.folder}`,
  };
}
