/**
 * The county mailbox in the app: the chair enters the mailbox in Settings (password to
 * the SecretStore), the app checks it by itself (IMAP IDLE, and a schedule where IDLE is not
 * used), shows the last check, and says clearly when the password is wrong. Against a real
 * Dovecot on loopback (tests/helpers/dovecot.ts); the password never reaches the database file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, createApi } from '../../electron/core/api';
import { type BackgroundServices, createBackgroundServices } from '../../electron/core/background/background-services';
import { createMailboxMonitor, type MailboxMonitor, type MailCheck } from '../../electron/core/mail/mailbox-monitor';
import { memorySecretStore, type SecretStore } from '../../electron/core/secrets/secret-store';
import { listReportOrigins } from '../../electron/core/store/intake-records';
import { buildEmail } from '../fixtures/intake/build-email';
import { dovecotUnavailableReason, startDovecot, type TestMailServer } from '../helpers/dovecot';
import { caucusClock, INTAKE_FIXTURES, intakeCounty } from '../helpers/intake-county';
import { rawDatabase } from '../helpers/raw-database';
import { expectOk, RESOURCES_DIR, type TempCounty } from '../helpers/temp-county';

const COUNTY_MAILBOX = 'results@polk.example';
/** Distinctive, so a search of the database file for it cannot match anything else. */
const PASSWORD = 'Zq7-caucus-night-secret-91';
const unavailable = dovecotUnavailableReason();
if (unavailable && process.env.CI) {
  throw new Error(`The mail tests need Dovecot in CI and it is missing: ${unavailable}.`);
}
if (unavailable) console.warn(`Skipping the mailbox monitor tests: ${unavailable}.`);

let server: TestMailServer;
let county: TempCounty;
let secrets: SecretStore;
let background: BackgroundServices;
let api: Api;
let chair: string;

/** The next finished check that matches, however long the server takes (the test's timeout bounds it). */
function nextCheck(monitor: MailboxMonitor, matches: (check: MailCheck) => boolean): Promise<MailCheck> {
  return new Promise((resolve) => {
    const off = monitor.onCheck((check) => {
      if (!matches(check)) return;
      off();
      resolve(check);
    });
  });
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 25));
}

const settings = () => ({
  session: chair,
  host: server.host,
  port: server.port,
  security: 'starttls' as const,
  user: COUNTY_MAILBOX,
  folder: 'INBOX',
  pollMinutes: 60,
  automatic: true,
});

describe.skipIf(unavailable !== null)('the county mailbox while the app runs (real Dovecot)', () => {
  beforeAll(async () => {
    server = await startDovecot([COUNTY_MAILBOX], PASSWORD);
    county = await intakeCounty();
    secrets = memorySecretStore();
    const clock = caucusClock();
    background = createBackgroundServices({ store: county.store, secrets, clock, mountRoots: [] });
    api = createApi({ store: county.store, resourcesDir: RESOURCES_DIR, clock, secrets, background });
    chair = expectOk(await api.signUpChair({ name: 'County Chair', pin: '654321' })).session;
  }, 60_000);
  afterAll(async () => {
    await background?.stop();
    server?.stop();
    county?.cleanup();
  });

  it('says plainly when no mailbox is set up, and only the chair may set one up', async () => {
    const check = expectOk(await api.checkMailboxNow({ session: chair }));
    expect(check).toMatchObject({ ok: false, error: { code: 'MAILBOX_NOT_SET_UP' } });
    expect(check.error?.message).toMatch(/Settings › County mailbox/);
    const status = expectOk(await api.getMailboxStatus({}));
    expect(status).toMatchObject({ configured: false, passwordSaved: false, settings: null, lastCheck: check });

    const desk = expectOk(await api.addOperator({ session: chair, name: 'Desk', role: 'entry', pin: '1111' }));
    const deskSession = expectOk(await api.signIn({ name: desk.name, pin: '1111' })).session;
    const refused = await api.saveMailboxSettings({ ...settings(), session: deskSession, password: PASSWORD });
    expect(refused.ok).toBe(false);
    expect(await secrets.get('imap-password')).toBeNull();
  });

  it('a wrong password gives a clear message naming where to fix it, and is shown as the last check', async () => {
    expectOk(await api.saveMailboxSettings({ ...settings(), password: 'not-the-password' }));
    const check = expectOk(await api.checkMailboxNow({ session: chair }));
    expect(check).toMatchObject({
      ok: false,
      trigger: 'manual',
      summary: null,
      error: { code: 'MAILBOX_LOGIN_FAILED' },
    });
    expect(check.error?.message).toBe(
      'The mailbox at 127.0.0.1 refused the user name or password for results@polk.example; check the password in Settings › County mailbox.',
    );
    expect(expectOk(await api.getMailboxStatus({})).lastCheck).toEqual(check);
  });

  it('picks up new mail by itself, without a click: IDLE wakes a check as the message arrives', async () => {
    const status = expectOk(await api.saveMailboxSettings({ ...settings(), password: PASSWORD }));
    expect(status).toMatchObject({ configured: true, passwordSaved: true, settings: { user: COUNTY_MAILBOX } });
    const firstCheck = nextCheck(background.mailbox, (check) => check.trigger === 'start');
    background.start();
    expect(await firstCheck).toMatchObject({ ok: true, summary: { imported: 0 } });
    await until(async () => (await background.mailbox.status()).listening !== 'off');
    expect((await background.mailbox.status()).listening).toBe('idle');

    const arrived = nextCheck(background.mailbox, (check) => check.trigger === 'new-mail' && check.ok);
    await server.deliver(COUNTY_MAILBOX, readFileSync(join(INTAKE_FIXTURES, 'mail', 'from-chair-DM-02.eml')));
    const check = await arrived;
    expect(check.summary).toMatchObject({ imported: 1, conflicts: 0, rejected: [] });
    expect(listReportOrigins(county.store)).toEqual([
      expect.objectContaining({
        precinct: 'DM-02',
        source: 'email',
        operator: 'County mailbox (automatic check)',
        sender: 'lee@dm02.example',
      }),
    ]);
    const after = expectOk(await api.getMailboxStatus({}));
    expect(after.lastCheck).toEqual(check);
    expect(after.nextCheckAt).not.toBeNull();

    // Mail from a stranger is held, and counted in the navigation badge.
    const held = nextCheck(
      background.mailbox,
      (next) => next.trigger === 'new-mail' && (next.summary?.pendingReview ?? 0) > 0,
    );
    await server.deliver(COUNTY_MAILBOX, readFileSync(join(INTAKE_FIXTURES, 'mail', 'from-stranger.eml')));
    await held;
    expect(expectOk(await api.getPendingCounts({}))).toEqual({
      quarantinedMail: 1,
      scansWaiting: 0,
      driveFilesWaiting: 0,
      total: 1,
    });
    await background.stop();
    expect((await background.mailbox.status()).listening).toBe('off');
  }, 60_000);

  it('without IDLE, the schedule picks up new mail by itself', async () => {
    const monitor = createMailboxMonitor({ store: county.store, secrets, listen: false, pollIntervalMs: 100 });
    try {
      monitor.start();
      await nextCheck(monitor, (check) => check.ok);
      const scheduled = nextCheck(
        monitor,
        (check) => check.trigger === 'schedule' && (check.summary?.imported ?? 0) > 0,
      );
      await server.deliver(
        COUNTY_MAILBOX,
        buildEmail({
          from: 'dana@dm01.example',
          subject: 'DM-01 results',
          messageId: 'dm01-scheduled@dm01.example',
          attachments: [{ fileName: 'DM-01.csv', bytes: readFileSync(join(INTAKE_FIXTURES, 'good', 'DM-01.csv')) }],
        }),
      );
      expect((await scheduled).summary).toMatchObject({ imported: 1 });
      expect((await monitor.status()).listening).toBe('off');
    } finally {
      await monitor.stop();
    }
  }, 60_000);

  it('never writes the password to the database file or the audit log; the change of password is recorded', async () => {
    const audit = expectOk(await api.getAuditLog({ limit: 1000, offset: 0 })).entries;
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
    const changes = audit.filter((entry) => entry.action === 'settings.changed');
    expect(changes.length).toBeGreaterThanOrEqual(2);
    expect(changes.at(-1)?.payload).toMatchObject({
      setting: 'mailbox',
      passwordChanged: true,
      value: { user: COUNTY_MAILBOX },
    });
    expect(await secrets.get('imap-password')).toBe(PASSWORD);

    // Everything on disk: checkpoint the WAL into the file, then search the raw bytes (and any WAL left).
    rawDatabase(county.store).pragma('wal_checkpoint(TRUNCATE)');
    for (const file of [county.dbPath, `${county.dbPath}-wal`]) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        continue;
      }
      expect(bytes.includes(Buffer.from(PASSWORD)), file).toBe(false);
      expect(bytes.includes(Buffer.from(PASSWORD, 'utf16le')), file).toBe(false);
    }
  });
});
