/** The county mailbox as the settings screen shows it, and the chair saving its settings. */
import type { BackgroundServices } from '../background/background-services';
import type { MailboxMonitorStatus } from '../mail/mailbox-monitor';
import { type MailboxSettings, mailboxSettings } from '../mail/mailbox-settings';
import type { SignedIn } from '../operators/sessions';
import { type AppError, ok, type Result } from '../result';
import type { SecretStore } from '../secrets/secret-store';
import type { CountyStore } from '../store/county-store';
import { recordSetting } from '../store/settings-records';

export interface MailboxStatusView extends MailboxMonitorStatus {
  readonly settings: MailboxSettings | null;
  /** False where the OS offers no encryption: the password is then asked again after a restart. */
  readonly passwordKeptBetweenRuns: boolean;
}

interface MailboxPlace {
  readonly store: CountyStore;
  readonly secrets: SecretStore;
  readonly background: BackgroundServices;
}

export async function mailboxStatus({ store, secrets, background }: MailboxPlace): Promise<MailboxStatusView> {
  return {
    ...(await background.mailbox.status()),
    settings: mailboxSettings(store),
    passwordKeptBetweenRuns: secrets.isPersistent,
  };
}

/**
 * The password, only when it is new or changed, goes to the SecretStore before the settings row, never
 * into the database; the monitor picks the new settings up at once.
 */
export async function saveMailboxSettings(
  place: MailboxPlace,
  chair: SignedIn,
  input: { readonly settings: MailboxSettings; readonly password?: string | undefined },
  at: Date,
): Promise<Result<MailboxStatusView, AppError>> {
  const { store, secrets, background } = place;
  const passwordChanged = input.password !== undefined && input.password !== '';
  if (passwordChanged) await secrets.set('imap-password', input.password as string);
  const saved = store.transaction<null, AppError>(() => {
    recordSetting(store, {
      name: 'mailbox',
      value: input.settings,
      at: at.toISOString(),
      operator: chair.name,
      note: { passwordChanged },
    });
    return ok(null);
  });
  if (!saved.ok) return saved;
  background.mailbox.settingsChanged();
  return ok(await mailboxStatus(place));
}
