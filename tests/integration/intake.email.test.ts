/**
 * Email through intake (`.eml` files dropped or on a drive; the mailbox path shares this
 * code): chairs' reports imported with sender and Message-ID recorded, everyone else quarantined
 * for a person, deduplicated by Message-ID and by attachment hash.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../electron/core/intake/import-paths';
import { acceptQuarantined, listQuarantine, rejectQuarantined } from '../../electron/core/intake/quarantine';
import { countIntakeRows, listReportOrigins } from '../../electron/core/store/intake-records';
import { buildEmail } from '../fixtures/intake/build-email';
import { caucusClock, INTAKE_FIXTURES, intakeCounty } from '../helpers/intake-county';
import { expectOk, type TempCounty } from '../helpers/temp-county';

const MAIL = join(INTAKE_FIXTURES, 'mail');
let county: TempCounty;
let work: string;
beforeEach(async () => {
  county = await intakeCounty();
  work = mkdtempSync(join(tmpdir(), 'tallyroom-email-'));
});
afterEach(() => {
  county.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const importAs = (...paths: string[]) =>
  importPaths(county.store, paths, { source: 'usb', operator: 'Mail desk', clock: caucusClock() });

function writeEmail(name: string, email: Parameters<typeof buildEmail>[0]): string {
  const path = join(work, name);
  writeFileSync(path, buildEmail(email));
  return path;
}

describe('.eml files', () => {
  it("imports the registered chair's report, recording sender and Message-ID; the same message again is a duplicate", async () => {
    const summary = await importAs(join(MAIL, 'from-chair-DM-02.eml'));
    expect(summary).toEqual({ imported: 1, duplicates: 0, conflicts: 0, rejected: [], pendingReview: 0 });
    expect(listReportOrigins(county.store)).toEqual([
      expect.objectContaining({
        precinct: 'DM-02',
        source: 'email',
        operator: 'Mail desk',
        fileName: 'DM-02.json',
        sender: 'lee@dm02.example',
        messageId: 'dm02-results@dm02.example',
      }),
    ]);
    const before = countIntakeRows(county.store);
    expect(await importAs(join(MAIL, 'from-chair-DM-02.eml'))).toEqual({
      imported: 0,
      duplicates: 1,
      conflicts: 0,
      rejected: [],
      pendingReview: 0,
    });
    expect(countIntakeRows(county.store)).toEqual(before);
  });

  it('deduplicates by attachment hash: the same report in a new message is a duplicate', async () => {
    await importAs(join(MAIL, 'from-chair-DM-02.eml'));
    const resent = writeEmail('resent.eml', {
      from: 'lee@dm02.example',
      subject: 'Fwd: DM-02 results',
      messageId: 'resent@dm02.example',
      attachments: [{ fileName: 'DM-02.json', bytes: readFileSync(join(INTAKE_FIXTURES, 'good', 'DM-02.json')) }],
    });
    expect(await importAs(resent)).toEqual({
      imported: 0,
      duplicates: 1,
      conflicts: 0,
      rejected: [],
      pendingReview: 0,
    });
    expect(countIntakeRows(county.store).mail_message).toBe(2);
  });

  it('quarantines mail from an unknown sender, out of the results, until a person accepts it', async () => {
    const summary = await importAs(join(MAIL, 'from-stranger.eml'));
    expect(summary).toEqual({ imported: 0, duplicates: 0, conflicts: 0, rejected: [], pendingReview: 1 });
    expect(county.store.countReports()).toBe(0);
    const [held] = listQuarantine(county.store);
    expect(held).toMatchObject({
      sender: 'someone@elsewhere.example',
      subject: 'DM-01 results (trust me)',
      messageId: 'stranger@elsewhere.example',
      attachmentName: null,
      reasonCode: 'UNKNOWN_SENDER',
      decision: null,
    });
    const accepted = expectOk(
      await acceptQuarantined(county.store, {
        id: held!.id,
        operator: 'County Chair',
        at: '2026-02-03T03:00:00Z',
        note: 'Called the chair: her phone sent it from a personal address.',
      }),
    );
    expect(accepted).toEqual({ imported: 1, duplicates: 0, conflicts: 0, rejected: [], pendingReview: 0 });
    expect(listReportOrigins(county.store)[0]).toMatchObject({
      precinct: 'DM-01',
      source: 'email',
      sender: 'someone@elsewhere.example',
    });
    expect(listQuarantine(county.store)).toEqual([]);
    const again = await acceptQuarantined(county.store, {
      id: held!.id,
      operator: 'County Chair',
      at: '2026-02-03T03:01:00Z',
    });
    expect(again.ok ? null : again.error.code).toBe('ALREADY_DECIDED');
    const audit = county.store.listAudit(100, 0).map((entry) => entry.action);
    expect(audit).toEqual(expect.arrayContaining(['mail.received', 'mail.quarantined', 'quarantine.accepted']));
  });

  it('a rejected quarantined email stays stored and never reaches the results', async () => {
    await importAs(join(MAIL, 'from-stranger.eml'));
    const [held] = listQuarantine(county.store);
    const decided = expectOk(
      rejectQuarantined(county.store, {
        id: held!.id,
        operator: 'County Chair',
        at: '2026-02-03T03:00:00Z',
        note: 'Not a chair.',
      }),
    );
    expect(decided).toMatchObject({ decision: 'rejected', decidedBy: 'County Chair', note: 'Not a chair.' });
    expect(county.store.countReports()).toBe(0);
    expect(countIntakeRows(county.store)).toMatchObject({
      mail_message: 1,
      quarantine_item: 1,
      quarantine_decision: 1,
    });
    expect(listQuarantine(county.store, { pendingOnly: false })).toHaveLength(1);
    expect(county.store.listAudit(1, 0)[0]).toMatchObject({ action: 'quarantine.rejected', operator: 'County Chair' });
  });

  it("quarantines a chair's attachment for another precinct, and imports the rest of the message", async () => {
    const mixed = writeEmail('mixed.eml', {
      from: 'Dana <dana@dm01.example>',
      subject: 'DM-01 and my neighbours',
      messageId: 'mixed@dm01.example',
      attachments: [
        { fileName: 'DM-01.csv', bytes: readFileSync(join(INTAKE_FIXTURES, 'good', 'DM-01.csv')) },
        { fileName: 'DM-02.json', bytes: readFileSync(join(INTAKE_FIXTURES, 'good', 'DM-02.json')) },
        { fileName: 'worksheet.png', bytes: readFileSync(join(INTAKE_FIXTURES, 'good', 'DM-01-worksheet.png')) },
        { fileName: 'broken.csv', bytes: readFileSync(join(INTAKE_FIXTURES, 'malformed', 'text-in-number.csv')) },
      ],
    });
    const summary = await importAs(mixed);
    expect(summary).toMatchObject({ imported: 1, duplicates: 0, conflicts: 0, pendingReview: 2 });
    expect(summary.rejected).toEqual([
      {
        path: `${mixed} › broken.csv`,
        code: 'FILE_HAS_PROBLEMS',
        message: expect.stringMatching(/^broken\.csv has a problem/),
        problems: [expect.objectContaining({ row: expect.any(Number), column: 'first_alignment' })],
      },
    ]);
    expect(listQuarantine(county.store)).toEqual([
      expect.objectContaining({ attachmentName: 'DM-02.json', reasonCode: 'NOT_FROM_PRECINCT_CHAIR' }),
    ]);
    expect(listReportOrigins(county.store).map((origin) => origin.precinct)).toEqual(['DM-01']);
  });

  it('rejects a chair email with no attachment and an email that is not one, naming them', async () => {
    const bare = writeEmail('bare.eml', {
      from: 'dana@dm01.example',
      subject: 'numbers soon',
      messageId: 'bare@dm01.example',
      attachments: [],
    });
    const summary = await importAs(bare);
    expect(summary.rejected).toEqual([
      {
        path: bare,
        code: 'NO_ATTACHMENT',
        message: expect.stringMatching(/"numbers soon" from dana@dm01\.example has no file attached/),
      },
    ]);
  });
});
