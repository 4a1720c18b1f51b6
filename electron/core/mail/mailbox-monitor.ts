import type { IntakeSummary } from '../intake/intake-summary';
import type { AppError, Result } from '../result';
import type { SecretStore } from '../secrets/secret-store';
import type { CountyStore } from '../store/county-store';
import { fetchMail } from './fetch-mail';
import { type MailWatch, watchMailbox } from './imap-idle';
import { imapMailbox } from './imap-mailbox';
import type { ImapAccount } from './imap-url';
import type { Mailbox } from './mailbox';
import { imapAccountOf, type MailboxSettings, mailboxSettings } from './mailbox-settings';

export type MailCheckTrigger = 'manual' | 'schedule' | 'new-mail' | 'start';

/** One look at the mailbox, as the app shows it ("Last checked 21:04: 3 reports imported"). */
export interface MailCheck {
  readonly at: string;
  readonly trigger: MailCheckTrigger;
  readonly ok: boolean;
  /** What the fetch did; null when it failed. */
  readonly summary: IntakeSummary | null;
  /** The error's code and sentence when it failed. */
  readonly error: AppError | null;
}

export interface MailboxMonitorStatus {
  readonly configured: boolean;
  readonly passwordSaved: boolean;
  readonly automatic: boolean;
  readonly checking: boolean;
  readonly lastCheck: MailCheck | null;
  /** When the next scheduled check is due (null when none is scheduled). */
  readonly nextCheckAt: string | null;
  /** 'idle': the server tells us at once; 'noop': it is asked every few minutes; 'off': no open connection. */
  readonly listening: 'idle' | 'noop' | 'off';
}

export interface MailboxMonitor {
  status(): Promise<MailboxMonitorStatus>;
  /** Checks now (joining a check already running); `operator` is recorded on any mail stored. */
  checkNow(trigger: MailCheckTrigger, operator: string): Promise<MailCheck>;
  /** Starts automatic checks (and a first check now). */
  start(): void;
  /** The settings or the password changed: reconnect and reschedule, if started. */
  settingsChanged(): void;
  stop(): Promise<void>;
  /** Each finished check, for tests and the shell's log. */
  onCheck(listener: (check: MailCheck) => void): () => void;
}

export interface MailboxMonitorOptions {
  readonly store: CountyStore;
  readonly secrets: SecretStore;
  readonly clock?: () => Date;
  /** Who automatic checks are recorded under in the audit log. */
  readonly automaticOperator?: string;
  /** Overrides the settings' minutes (tests); the app always uses the chair's setting. */
  readonly pollIntervalMs?: number;
  /** Whether to keep a connection open for IDLE (tests of plain polling turn it off). */
  readonly listen?: boolean;
  readonly makeMailbox?: (account: ImapAccount, password: string) => Mailbox;
}

export const PASSWORD_HINT = 'check the password in Settings › County mailbox';
export const AUTOMATIC_OPERATOR = 'County mailbox (automatic check)';

/**
 * The county mailbox while the app runs (docs/INTAKE.md): a check every few minutes, and one as soon as
 * the server says mail arrived (IMAP IDLE, or NOOP where the server has no IDLE), each the same
 * one-shot fetch as "Check now" and `tallyroom mail`. Checks never overlap. The last check's time
 * and result are kept for the screen; nothing here retries faster than the schedule, so a wrong
 * password is not hammered at the server.
 */
export function createMailboxMonitor(options: MailboxMonitorOptions): MailboxMonitor {
  const { store, secrets } = options;
  const clock = options.clock ?? (() => new Date());
  const automaticOperator = options.automaticOperator ?? AUTOMATIC_OPERATOR;
  const makeMailbox =
    options.makeMailbox ??
    ((account: ImapAccount, password: string) => imapMailbox(account, password, { passwordHint: PASSWORD_HINT }));
  const listeners = new Set<(check: MailCheck) => void>();
  let running: Promise<MailCheck> | null = null;
  let lastCheck: MailCheck | null = null;
  let timer: NodeJS.Timeout | null = null;
  let nextCheckAt: Date | null = null;
  let watch: MailWatch | null = null;
  let watchKey: string | null = null;
  let generation = 0;
  let started = false;

  const finish = (check: MailCheck): MailCheck => {
    lastCheck = check;
    for (const listener of listeners) listener(check);
    return check;
  };

  const failed = (trigger: MailCheckTrigger, error: AppError): MailCheck =>
    finish({ at: clock().toISOString(), trigger, ok: false, summary: null, error });

  const runCheck = async (trigger: MailCheckTrigger, operator: string): Promise<MailCheck> => {
    const settings = mailboxSettings(store);
    if (!settings) {
      return failed(trigger, {
        code: 'MAILBOX_NOT_SET_UP',
        message: 'No county mailbox is set up yet; enter it in Settings › County mailbox.',
      });
    }
    if (!store.getElection()) {
      return failed(trigger, { code: 'NO_COUNTY', message: 'Set up the county before reading its mailbox.' });
    }
    const password = await secrets.get('imap-password');
    if (password === null) {
      return failed(trigger, {
        code: 'MAILBOX_PASSWORD_MISSING',
        message: secrets.isPersistent
          ? 'The mailbox password is not saved; enter it in Settings › County mailbox.'
          : 'This computer cannot keep the mailbox password between runs; enter it again in Settings › County mailbox.',
      });
    }
    let fetched: Result<IntakeSummary, AppError>;
    try {
      fetched = await fetchMail(store, makeMailbox(imapAccountOf(settings), password), { operator, clock });
    } catch (error) {
      fetched = {
        ok: false,
        error: {
          code: 'MAILBOX_CHECK_FAILED',
          message: `Reading the mailbox failed (${(error as Error).message}); it will be tried again at the next check.`,
        },
      };
    }
    const at = clock().toISOString();
    if (!fetched.ok) return finish({ at, trigger, ok: false, summary: null, error: fetched.error });
    void ensureWatch(settings, password);
    return finish({ at, trigger, ok: true, summary: fetched.value, error: null });
  };

  const checkNow = (trigger: MailCheckTrigger, operator: string): Promise<MailCheck> => {
    if (running) return running;
    running = runCheck(trigger, operator).finally(() => {
      running = null;
    });
    return running;
  };

  /** One open connection per (account, password); a changed setting closes the old one. */
  const ensureWatch = async (settings: MailboxSettings, password: string): Promise<void> => {
    if (!started || options.listen === false || !settings.automatic) return;
    const key = JSON.stringify([
      settings.host,
      settings.port,
      settings.security,
      settings.user,
      settings.folder,
      password,
    ]);
    if (watch && watchKey === key) return;
    await closeWatch();
    const mine = generation;
    watchKey = key;
    const opened = await watchMailbox(imapAccountOf(settings), password, {
      passwordHint: PASSWORD_HINT,
      onNewMail: () => void checkNow('new-mail', automaticOperator),
      onClosed: () => {
        if (watchKey === key) {
          watch = null;
          watchKey = null;
        }
      },
    });
    if (!opened.ok) {
      watchKey = null;
      return;
    }
    if (mine !== generation || !started) {
      await opened.value.close();
      return;
    }
    watch = opened.value;
  };

  const closeWatch = async (): Promise<void> => {
    const open = watch;
    watch = null;
    watchKey = null;
    await open?.close();
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    nextCheckAt = null;
    if (!started) return;
    const settings = mailboxSettings(store);
    if (!settings?.automatic) return;
    const delay = options.pollIntervalMs ?? settings.pollMinutes * 60_000;
    nextCheckAt = new Date(clock().getTime() + delay);
    timer = setTimeout(() => {
      void checkNow('schedule', automaticOperator).finally(schedule);
    }, delay);
    timer.unref();
  };

  return {
    async status() {
      const settings = mailboxSettings(store);
      return {
        configured: settings !== null,
        passwordSaved: (await secrets.get('imap-password')) !== null,
        automatic: settings?.automatic ?? false,
        checking: running !== null,
        lastCheck,
        nextCheckAt: nextCheckAt?.toISOString() ?? null,
        listening: watch ? (watch.idle ? 'idle' : 'noop') : 'off',
      };
    },
    checkNow,
    start() {
      started = true;
      generation++;
      void closeWatch().then(() => {
        const settings = mailboxSettings(store);
        if (settings?.automatic) void checkNow('start', automaticOperator);
      });
      schedule();
    },
    settingsChanged() {
      if (started) this.start();
    },
    async stop() {
      started = false;
      generation++;
      if (timer) clearTimeout(timer);
      timer = null;
      nextCheckAt = null;
      await closeWatch();
      await running?.catch(() => undefined);
    },
    onCheck(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
