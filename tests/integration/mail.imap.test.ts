/**
 * The county mailbox: `tallyroom mail` against a real Dovecot IMAP server on loopback
 * that this suite starts (tests/helpers/dovecot.ts). In CI a missing Dovecot fails the run
 * (.ci/run installs dovecot-imapd); elsewhere the suite is skipped with the reason printed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCountyStore } from '../../electron/core/store';
import { listQuarantineItems, listReportOrigins } from '../../electron/core/store/intake-records';
import { buildEmail } from '../fixtures/intake/build-email';
import { dovecotUnavailableReason, startDovecot, type TestMailServer } from '../helpers/dovecot';
import { INTAKE_FIXTURES } from '../helpers/intake-county';
import { testProgram } from '../helpers/test-programs';

const BIN = testProgram('tallyroom');
const COUNTY_MAILBOX = 'results@polk.example';
const unavailable = dovecotUnavailableReason();
if (unavailable && process.env.CI) {
  throw new Error(
    `The mail tests need Dovecot in CI and it is missing: ${unavailable}. .ci/run installs dovecot-imapd.`,
  );
}
if (unavailable) console.warn(`Skipping the IMAP mail tests: ${unavailable}.`);

/** The real `tallyroom` command in a subprocess (async: the test process also hosts nothing the server needs, but stays responsive). */
function tallyroom(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: work, env: { ...process.env, CI: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

let server: TestMailServer;
let work: string;

describe.skipIf(unavailable !== null)('tallyroom mail against a real IMAP server', () => {
  beforeAll(async () => {
    server = await startDovecot([COUNTY_MAILBOX]);
    work = mkdtempSync(join(tmpdir(), 'tallyroom-mail-'));
    const init = await tallyroom(['init', '--db', 'county.db', '--county', join(INTAKE_FIXTURES, 'county.csv')]);
    expect(init.code).toBe(0);
  }, 60_000);
  afterAll(() => {
    server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const mail = (...extra: string[]) =>
    tallyroom(
      [
        'mail',
        '--db',
        'county.db',
        '--imap',
        server.urlFor(COUNTY_MAILBOX),
        '--operator',
        'Mail desk',
        '--json',
        ...extra,
      ],
      {
        TALLYROOM_IMAP_PASSWORD: server.password,
      },
    );

  it('fetches new mail once: chairs imported, strangers quarantined, bad attachments rejected by name', async () => {
    await server.deliver(COUNTY_MAILBOX, readFileSync(join(INTAKE_FIXTURES, 'mail', 'from-chair-DM-02.eml')));
    await server.deliver(COUNTY_MAILBOX, readFileSync(join(INTAKE_FIXTURES, 'mail', 'from-stranger.eml')));
    await server.deliver(
      COUNTY_MAILBOX,
      buildEmail({
        from: 'dana@dm01.example',
        subject: 'DM-01 (spreadsheet)',
        messageId: 'dm01-bomb@dm01.example',
        attachments: [
          { fileName: 'DM-01.xlsx', bytes: readFileSync(join(INTAKE_FIXTURES, 'malformed', 'zip-bomb.xlsx')) },
        ],
      }),
    );
    const run = await mail();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout);
    expect(summary).toEqual({
      imported: 1,
      duplicates: 0,
      conflicts: 0,
      rejected: [
        {
          path: expect.stringMatching(/^imap:\/\/results%40polk\.example@127\.0\.0\.1:\d+\/INBOX uid 3 › DM-01\.xlsx$/),
          code: 'ZIP_BOMB',
          message: expect.stringMatching(/^DM-01\.xlsx is not a normal spreadsheet/),
        },
      ],
      pendingReview: 1,
    });
    const store = openCountyStore(join(work, 'county.db'));
    try {
      expect(listReportOrigins(store)).toEqual([
        expect.objectContaining({
          precinct: 'DM-02',
          source: 'email',
          operator: 'Mail desk',
          fileName: 'DM-02.json',
          sender: 'lee@dm02.example',
          messageId: 'dm02-results@dm02.example',
        }),
      ]);
      expect(listQuarantineItems(store, true)).toEqual([
        expect.objectContaining({ sender: 'someone@elsewhere.example', reasonCode: 'UNKNOWN_SENDER' }),
      ]);
    } finally {
      store.close();
    }
  });

  it('fetching again finds nothing new; a resent Message-ID is skipped; the same attachment in new mail is a duplicate; a conflict is kept', async () => {
    expect(JSON.parse((await mail()).stdout)).toEqual({
      imported: 0,
      duplicates: 0,
      conflicts: 0,
      rejected: [],
      pendingReview: 0,
    });

    await server.deliver(COUNTY_MAILBOX, readFileSync(join(INTAKE_FIXTURES, 'mail', 'from-chair-DM-02.eml')));
    await server.deliver(
      COUNTY_MAILBOX,
      buildEmail({
        from: 'lee@dm02.example',
        subject: 'again, in case',
        messageId: 'dm02-again@dm02.example',
        attachments: [{ fileName: 'DM-02.json', bytes: readFileSync(join(INTAKE_FIXTURES, 'good', 'DM-02.json')) }],
      }),
    );
    await server.deliver(
      COUNTY_MAILBOX,
      buildEmail({
        from: 'Dana <DANA@dm01.example>',
        subject: 'DM-01 final',
        messageId: 'dm01-final@dm01.example',
        attachments: [
          { fileName: 'DM-01.csv', bytes: readFileSync(join(INTAKE_FIXTURES, 'good', 'DM-01.csv')) },
          {
            fileName: 'DM-01-recount.json',
            bytes: readFileSync(join(INTAKE_FIXTURES, 'conflict', 'DM-01-recount.json')),
          },
        ],
      }),
    );
    const run = await mail();
    expect(JSON.parse(run.stdout)).toEqual({
      imported: 2,
      duplicates: 1,
      conflicts: 1,
      rejected: [],
      pendingReview: 0,
    });
    expect(run.code).toBe(1);
  });

  it('refuses a wrong password, a missing password and a password in the address, with one sentence, exit 2', async () => {
    const wrong = await tallyroom(['mail', '--db', 'county.db', '--imap', server.urlFor(COUNTY_MAILBOX), '--json'], {
      TALLYROOM_IMAP_PASSWORD: 'not-it',
    });
    expect(wrong).toMatchObject({ code: 2, stdout: '' });
    expect(wrong.stderr.trim()).toMatch(
      /^The mailbox at 127\.0\.0\.1 refused the user name or password for results@polk\.example; check TALLYROOM_IMAP_PASSWORD\.$/,
    );

    const missing = await tallyroom(['mail', '--db', 'county.db', '--imap', server.urlFor(COUNTY_MAILBOX)], {
      TALLYROOM_IMAP_PASSWORD: '',
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/TALLYROOM_IMAP_PASSWORD/);

    const inUrl = await tallyroom(
      ['mail', '--db', 'county.db', '--imap', `imap://u:secret@127.0.0.1:${server.port}/INBOX`],
      {
        TALLYROOM_IMAP_PASSWORD: 'x',
      },
    );
    expect(inUrl.code).toBe(2);
    expect(inUrl.stderr).toMatch(/Do not put the mailbox password in the address/);

    const noFolder = await tallyroom(['mail', '--db', 'county.db', '--imap', server.urlFor(COUNTY_MAILBOX, 'Nope')], {
      TALLYROOM_IMAP_PASSWORD: server.password,
    });
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toMatch(/has no folder "Nope"/);
  });
});
