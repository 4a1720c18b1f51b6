/**
 * Verification: "verified" means two independent entries agree, one from the paper; the chair resolves
 * conflicts, certifies with a PIN, and a certified result changes only by a recount or correction.
 * The story of one county night, status transition by transition, on a real SQLite file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importResultsFile } from '../../electron/core/intake/import-results-file';
import { CHAIR, countyWithTeam, lines, type Team } from '../helpers/county-team';
import { expectReadablePdf } from '../helpers/pdf-accessibility';
import { rawDatabase } from '../helpers/raw-database';
import { expectOk, SMALL_COUNTY, type TempCounty, tempCounty } from '../helpers/temp-county';

let county: TempCounty;
let team: Team;
beforeEach(async () => {
  county = tempCounty();
  team = await countyWithTeam(county);
});
afterEach(() => county.cleanup());

/** DM-01 (D = 7): 20 / 10 / 7 gives 4 / 2 / 1; `baker` changes one number to make a disagreement. */
const dm01 = (baker = 10) =>
  lines([
    [20, 20, null],
    [10, baker, null],
    [7, 7, null],
  ]);

const key = (session: string, worksheet = dm01(), source: 'manual' | 'phone' | 'recount' = 'manual') =>
  county.api.submitWorksheet({ session, precinct: 'DM-01', lines: worksheet, coinTosses: [], source });

const precinct = async (code = 'DM-01') => expectOk(await county.api.getPrecinct({ precinct: code }));

function importFile(fileName: string, source: 'usb' | 'email') {
  const rows = [
    'county,precinct,precinct_delegates,sde_per_delegate,candidate,first_alignment,final_alignment,delegates_awarded,sde',
    'Polk County,DM-01,7,0.25,Adams,20,20,,',
    'Polk County,DM-01,7,0.25,Baker,10,10,,',
    'Polk County,DM-01,7,0.25,Castillo,7,7,,',
  ];
  return importResultsFile(county.store, {
    fileName,
    // The precinct's file by email is not byte for byte its USB file (else "already imported").
    bytes: new TextEncoder().encode(rows.join(source === 'usb' ? '\n' : '\r\n')),
    source,
    operator: 'Jordan Lee',
    at: '2026-02-03T02:00:00.000Z',
  });
}

describe('operators sign in with name and PIN', () => {
  it('makes the person who set up the county its chair, and keeps PINs only as salted hashes', async () => {
    const roster = expectOk(await county.api.getTeam({}));
    expect(roster.operators).toEqual([
      { name: 'Pat Chair', role: 'chair' },
      { name: 'Jordan Lee', role: 'entry' },
      { name: 'Sam Ortiz', role: 'entry' },
      { name: 'Riley Park', role: 'verifier' },
    ]);
    const stored = rawDatabase(county.store)
      .prepare('SELECT pin_salt AS salt, pin_hash AS hash FROM operator')
      .all() as {
      salt: string;
      hash: string;
    }[];
    expect(stored.every((row) => row.hash !== CHAIR.pin && !row.hash.includes('654321'))).toBe(true);
    expect(new Set(stored.map((row) => row.salt)).size).toBe(stored.length);
    // What the log says, without its sha256 chain (random hex can hold "2222" by chance).
    const said = expectOk(await county.api.getAuditLog({ limit: 100 })).entries.map(
      ({ hash: _hash, prevHash: _prevHash, ...entry }) => entry,
    );
    expect(JSON.stringify(said)).not.toMatch(/654321|1111|2222|3333/);
    expect(expectOk(await county.api.getSession({ session: team.chair }))).toEqual({
      name: 'Pat Chair',
      role: 'chair',
    });
  });

  it('refuses a wrong PIN and an unknown name with the same sentence, and ends a session on sign-out', async () => {
    const wrongPin = await county.api.signIn({ name: 'Pat Chair', pin: '0000' });
    const nobody = await county.api.signIn({ name: 'Mallory', pin: '654321' });
    expect(wrongPin.ok || wrongPin.error.code).toBe('SIGN_IN_REFUSED');
    expect(nobody.ok || nobody.error.message).toBe(wrongPin.ok || wrongPin.error.message);
    expectOk(await county.api.signOut({ session: team.sam }));
    const after = await key(team.sam);
    expect(after.ok || after.error.code).toBe('NOT_SIGNED_IN');
  });

  it('records each change under the signed-in person; a typed name is refused once the county has a team', async () => {
    const typed = await county.api.submitWorksheet({
      operator: 'Somebody Else',
      precinct: 'DM-01',
      lines: dm01(),
      coinTosses: [],
      source: 'manual',
    });
    expect(typed.ok || typed.error.code).toBe('NOT_SIGNED_IN');
    expectOk(await key(team.jordan));
    expect((await precinct()).reports[0]).toMatchObject({ operator: 'Jordan Lee', source: 'manual' });
  });

  it('lets only the chair add people, and each name once', async () => {
    const byEntry = await county.api.addOperator({ session: team.jordan, name: 'Lee Kim', role: 'entry', pin: '5555' });
    expect(byEntry.ok || byEntry.error.code).toBe('NOT_ALLOWED');
    expect(byEntry.ok || byEntry.error.message).toMatch(/only the county chair may add people/);
    const again = await county.api.addOperator({ session: team.chair, name: 'jordan lee', role: 'entry', pin: '5555' });
    expect(again.ok || again.error.code).toBe('OPERATOR_EXISTS');
  });
});

describe('verification policy: two independent entries agree, one from the paper', () => {
  it('received, then verified when a second person keys the same worksheet', async () => {
    expect(expectOk(await key(team.jordan)).status).toBe('received');
    expect(expectOk(await key(team.sam)).status).toBe('verified');
    const detail = await precinct();
    expect(detail.verification.verifiedBy).toEqual(['report 1', 'report 2']);
    expect(detail.statusReason).toMatch(/two independent entries, one from the paper/);
    const policy = expectOk(await county.api.getVerificationPolicy({}));
    expect(policy.id).toBe('tallyroom.verification.two-independent-one-paper');
    expect(policy.text).toMatch(/One person’s two entries never count as independent/);
  });

  it('never counts the same person twice as independent, whatever the source', async () => {
    expect(expectOk(await key(team.jordan)).status).toBe('received');
    expect(expectOk(await key(team.jordan)).status).toBe('received');
    expect(expectOk(await key(team.jordan, dm01(), 'phone')).status).toBe('received');
    expect((await precinct()).statusReason).toMatch(/all made by Jordan Lee; one person’s entries never verify/);
  });

  it('does not verify two electronic reports with no paper, and does once the worksheet is keyed', async () => {
    expectOk(importFile('dm01-usb.csv', 'usb'));
    expectOk(importFile('dm01-mail.csv', 'email'));
    const both = await precinct();
    expect(both.reports.map((report) => report.source)).toEqual(['usb', 'email']);
    expect(both.status).toBe('received');
    expect(both.statusReason).toMatch(/none comes from the paper/);
    // The importer keys the worksheet herself: the USB file was written by the precinct, not by her.
    expect(expectOk(await key(team.jordan)).status).toBe('verified');
  });
});

describe('conflicts and the chair’s resolution', () => {
  it('conflict, resolved by the chair choosing one report, verified; originals stay, the log has it all', async () => {
    expectOk(await key(team.jordan));
    expect(expectOk(await key(team.sam, dm01(9))).status).toBe('conflict');
    const [queued] = expectOk(await county.api.getDiscrepancies({}));
    expect(queued?.precinct.code).toBe('DM-01');
    expect(queued?.reports.map((report) => report.id)).toEqual([1, 2]);
    expect(queued?.differences).toEqual([{ candidate: 'Baker', field: 'finalAlignment', values: { 1: 10, 2: 9 } }]);

    const byEntry = await county.api.resolveDiscrepancy({
      session: team.jordan,
      precinct: 'DM-01',
      settles: [1, 2],
      chosenReportId: 1,
      reason: 'Worksheet says 10.',
    });
    expect(byEntry.ok || byEntry.error.code).toBe('NOT_ALLOWED');

    const resolved = expectOk(
      await county.api.resolveDiscrepancy({
        session: team.chair,
        precinct: 'DM-01',
        settles: [1, 2],
        chosenReportId: 1,
        reason: 'The worksheet shows 10 for Baker; report 2 was mistyped.',
      }),
    );
    expect(resolved).toMatchObject({ chosenReportId: 1, status: 'verified' });
    const detail = await precinct();
    expect(detail.reports).toHaveLength(2);
    expect(detail.current?.id).toBe(1);
    expect(detail.verification).toMatchObject({
      overruled: [2],
      reopened: false,
      verifiedBy: ['report 1', 'resolution 1'],
    });
    expect(detail.verification.resolution).toMatchObject({ operator: 'Pat Chair', settles: [1, 2] });
    expect(expectOk(await county.api.getDiscrepancies({}))).toEqual([]);
    const log = expectOk(await county.api.getAuditLog({ limit: 1 }));
    expect(log.entries[0]).toMatchObject({
      action: 'discrepancy.resolved',
      operator: 'Pat Chair',
      payload: {
        chosenReportId: 1,
        settles: [1, 2],
        reason: 'The worksheet shows 10 for Baker; report 2 was mistyped.',
      },
    });
  });

  it('re-opens the conflict when a third report disagrees with the resolution; an agreeing one does not', async () => {
    expectOk(await key(team.jordan));
    expectOk(await key(team.sam, dm01(9)));
    expectOk(
      await county.api.resolveDiscrepancy({
        session: team.chair,
        precinct: 'DM-01',
        settles: [1, 2],
        chosenReportId: 1,
        reason: 'Worksheet checked: 10.',
      }),
    );
    expect(expectOk(await key(team.riley)).status).toBe('verified');
    expect(expectOk(await key(team.sam, dm01(8), 'phone')).status).toBe('conflict');
    const detail = await precinct();
    expect(detail.verification.reopened).toBe(true);
    expect(detail.statusReason).toMatch(/arrived after the chair’s resolution and disagrees/);
    const [queued] = expectOk(await county.api.getDiscrepancies({}));
    expect(queued?.reopened).toBe(true);
    expect(queued?.reports.map((report) => report.id)).toEqual([1, 3, 4]);
  });

  it('numbers the chair types are the chair’s own entry: not verified until another person agrees', async () => {
    expectOk(await key(team.jordan));
    expectOk(await key(team.sam, dm01(9)));
    const resolved = expectOk(
      await county.api.resolveDiscrepancy({
        session: team.chair,
        precinct: 'DM-01',
        settles: [1, 2],
        lines: dm01(8),
        reason: 'Both were wrong: the worksheet shows 8 for Baker.',
      }),
    );
    expect(resolved).toMatchObject({ chosenReportId: 3, status: 'received' });
    const detail = await precinct();
    expect(detail.reports[2]).toMatchObject({ operator: 'Pat Chair', source: 'manual' });
    expect(detail.verification.overruled).toEqual([1, 2]);
    expect(expectOk(await key(team.riley, dm01(8))).status).toBe('verified');
  });

  it('refuses a resolution made on an outdated view, or where there is nothing to resolve', async () => {
    expectOk(await key(team.jordan));
    expectOk(await key(team.sam, dm01(9)));
    expectOk(await key(team.riley, dm01(7)));
    const stale = await county.api.resolveDiscrepancy({
      session: team.chair,
      precinct: 'DM-01',
      settles: [1, 2],
      chosenReportId: 1,
      reason: 'Worksheet checked.',
    });
    expect(stale.ok || stale.error.code).toBe('NEW_REPORT_ARRIVED');
    expect(stale.ok || stale.error.message).toMatch(/Report 3 for precinct DM-01 arrived while you were comparing/);
    const calm = await county.api.resolveDiscrepancy({
      session: team.chair,
      precinct: 'DM-02',
      settles: [1],
      chosenReportId: 1,
      reason: 'Nothing.',
    });
    expect(calm.ok || calm.error.code).toBe('NOT_IN_CONFLICT');
  });
});

describe('certification', () => {
  it('is refused without the chair’s PIN, to others than the chair, and before verification', async () => {
    expectOk(await key(team.jordan));
    const early = await county.api.certifyPrecinct({ session: team.chair, pin: CHAIR.pin, precinct: 'DM-01' });
    expect(early.ok || early.error.code).toBe('NOT_VERIFIED');
    expectOk(await key(team.sam));
    const wrongPin = await county.api.certifyPrecinct({ session: team.chair, pin: '9999', precinct: 'DM-01' });
    expect(wrongPin.ok || wrongPin.error.code).toBe('WRONG_PIN');
    // @ts-expect-error the PIN is required
    const noPin = await county.api.certifyPrecinct({ session: team.chair, precinct: 'DM-01' });
    expect(noPin.ok || noPin.error.code).toBe('INVALID_INPUT');
    const entry = await county.api.certifyPrecinct({ session: team.jordan, pin: '1111', precinct: 'DM-01' });
    expect(entry.ok || entry.error.code).toBe('NOT_ALLOWED');
    expect((await precinct()).status).toBe('verified');
  });

  it('is refused while the verified result breaks a rule (it still counts in the totals, marked)', async () => {
    // Both entries key the same wrong delegates: 20 / 10 / 7 with 3 / 3 / 1 instead of 4 / 2 / 1.
    const wrong = lines([
      [20, 20, 3],
      [10, 10, 3],
      [7, 7, 1],
    ]);
    expectOk(await key(team.jordan, wrong));
    expectOk(await key(team.sam, wrong));
    expect((await precinct()).status).toBe('verified');
    const refused = await county.api.certifyPrecinct({ session: team.chair, pin: CHAIR.pin, precinct: 'DM-01' });
    expect(refused.ok || refused.error.code).toBe('RESULT_BREAKS_RULES');
    expect((await precinct()).status).toBe('verified');
    const overview = expectOk(await county.api.getOverview({}));
    expect(overview.candidateTotals.map((total) => total.fromPrecinctsWithFindings.delegates)).toEqual([3, 3, 1]);
  });

  it('certifies a verified precinct; later reports no longer change it; then the county', async () => {
    expectOk(await key(team.jordan));
    expectOk(await key(team.sam));
    const certified = expectOk(
      await county.api.certifyPrecinct({ session: team.chair, pin: CHAIR.pin, precinct: 'DM-01' }),
    );
    expect(certified).toMatchObject({ precinct: 'DM-01', reportId: 2 });
    expect((await precinct()).status).toBe('certified');
    expect(expectOk(await county.api.getOverview({})).statusCounts.certified).toBe(1);

    // A late phoned-in report with other numbers is kept but changes nothing.
    expect(expectOk(await key(team.riley, dm01(3), 'phone')).status).toBe('certified');
    const detail = await precinct();
    expect(detail.current?.id).toBe(2);
    expect(detail.verification.lateReports).toEqual([3]);
    expect(detail.statusReason).toMatch(/does not change a certified result/);
    // ...but the chair sees it: the precinct carries it, and the discrepancy queue offers a recount.
    expect(detail.verification.changedAfterCertification).toEqual([3]);
    const queue = expectOk(await county.api.getDiscrepancies({}));
    const changed = queue.find((item) => item.precinct.code === 'DM-01');
    expect(changed).toMatchObject({ kind: 'changed-after-certification', reopened: false });
    expect(changed?.reports.map((report) => report.id)).toEqual([2, 3]);
    expect(changed?.differences.length).toBeGreaterThan(0);
    expect(changed?.statusReason).toMatch(/^Certified, but report 3 arrived later with different numbers\..*recount/);

    const county1 = await county.api.certifyCounty({ session: team.chair, pin: CHAIR.pin });
    expect(county1.ok || county1.error.code).toBe('NOT_ALL_CERTIFIED');
    expect(county1.ok || county1.error.message).toMatch(/2 precincts are not certified yet: DM-02 \(missing\), AL-01/);
    for (const [code, worksheet] of [
      [
        'DM-02',
        [
          [100, 100, 3],
          [50, 50, 2],
          [50, 50, 1],
        ],
      ],
      [
        'AL-01',
        [
          [10, 10, 1],
          [9, 9, 0],
          [0, 0, 0],
        ],
      ],
    ] as const) {
      for (const session of [team.jordan, team.sam]) {
        const tosses = code === 'DM-02' ? [{ tied: ['Baker', 'Castillo'], winners: ['Baker'] }] : [];
        expectOk(
          await county.api.submitWorksheet({ session, precinct: code, lines: lines(worksheet), coinTosses: tosses }),
        );
      }
      expectOk(await county.api.certifyPrecinct({ session: team.chair, pin: CHAIR.pin, precinct: code }));
    }
    const whole = expectOk(await county.api.certifyCounty({ session: team.chair, pin: CHAIR.pin }));
    expect(whole).toMatchObject({ operator: 'Pat Chair', changedSince: false });
    expect(expectOk(await county.api.getOverview({})).countyCertification).toMatchObject({ changedSince: false });
  });
});

describe('recounts of certified results', () => {
  /** AL-01 elects one delegate: the largest final group wins it. */
  const al01 = (adams: number, baker: number) =>
    lines([
      [adams, adams, null],
      [baker, baker, null],
      [0, 0, null],
    ]);

  async function certifiedAl01() {
    for (const session of [team.jordan, team.sam]) {
      expectOk(await county.api.submitWorksheet({ session, precinct: 'AL-01', lines: al01(10, 9), coinTosses: [] }));
    }
    expectOk(await county.api.certifyPrecinct({ session: team.chair, pin: CHAIR.pin, precinct: 'AL-01' }));
  }

  it('a hand recount that changes the delegate winner: recorded with who, when and why, shown before and after', async () => {
    await certifiedAl01();
    const byEntry = await county.api.submitRecount({
      session: team.jordan,
      precinct: 'AL-01',
      lines: al01(9, 10),
      coinTosses: [],
      reason: 'Recount requested by the Baker campaign.',
    });
    expect(byEntry.ok || byEntry.error.code).toBe('NOT_ALLOWED');

    const recount = expectOk(
      await county.api.submitRecount({
        session: team.riley,
        precinct: 'AL-01',
        lines: al01(9, 10),
        coinTosses: [],
        reason: 'Recount requested by the Baker campaign.',
      }),
    );
    expect(recount.status).toBe('certified');
    const detail = await precinct('AL-01');
    expect(detail.current).toMatchObject({ id: 3, source: 'recount', operator: 'Riley Park' });
    expect(detail.verification.changes).toEqual([
      expect.objectContaining({
        kind: 'recount',
        reportId: 3,
        operator: 'Riley Park',
        reason: 'Recount requested by the Baker campaign.',
      }),
    ]);
    expect(detail.evaluation?.allocation).toMatchObject({ kind: 'decided', delegates: { Adams: 0, Baker: 1 } });

    const summary = expectOk(await county.api.getRecountSummary({}));
    expect(summary.changes).toHaveLength(1);
    const change = summary.changes[0];
    expect(change).toMatchObject({
      precinct: 'AL-01',
      kind: 'recount',
      operator: 'Riley Park',
      delegateWinnersBefore: ['Adams'],
      delegateWinnersAfter: ['Baker'],
    });
    expect(change?.candidates[0]).toEqual({
      candidate: 'Adams',
      before: { firstAlignment: 10, finalAlignment: 10, delegates: 1, sde: 0.25 },
      after: { firstAlignment: 9, finalAlignment: 9, delegates: 0, sde: 0 },
    });
    expect(summary.countyTotals.map((line) => [line.candidate, line.before.delegates, line.after.delegates])).toEqual([
      ['Adams', 1, 0],
      ['Baker', 0, 1],
      ['Castillo', 0, 0],
    ]);
    const log = expectOk(await county.api.getAuditLog({ limit: 1 }));
    expect(log.entries[0]).toMatchObject({ action: 'certified-result.recounted', operator: 'Riley Park' });

    // The recount report, as a PDF and as a workbook.
    const pdf = expectOk(await county.api.exportRecountReport({ format: 'pdf' }));
    expect(pdf.fileName).toBe('recount-report-polk-county.pdf');
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    await expectReadablePdf(Buffer.from(pdf.contentBase64, 'base64'), [
      'Recount report — Polk County',
      'AL-01',
      'Baker',
    ]);
    const xlsx = expectOk(await county.api.exportRecountReport({ format: 'xlsx' }));
    const XLSX = await import('xlsx');
    const book = XLSX.read(Buffer.from(xlsx.contentBase64, 'base64'), { type: 'buffer' });
    expect(book.SheetNames).toEqual(['Recounts', 'County totals', 'About']);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets.Recounts as never);
    expect(rows[1]).toMatchObject({
      precinct: 'AL-01',
      by: 'Riley Park',
      candidate: 'Baker',
      final_alignment_before: 9,
      final_alignment_after: 10,
      delegates_difference: 1,
    });
  });

  it('a correction of a certified result needs the chair’s PIN; the county must be certified again', async () => {
    for (const code of ['DM-01', 'DM-02'] as const) {
      const worksheet =
        code === 'DM-01'
          ? dm01()
          : lines([
              [30, 30, null],
              [20, 20, null],
              [10, 10, null],
            ]);
      for (const session of [team.jordan, team.sam]) {
        expectOk(await county.api.submitWorksheet({ session, precinct: code, lines: worksheet, coinTosses: [] }));
      }
      expectOk(await county.api.certifyPrecinct({ session: team.chair, pin: CHAIR.pin, precinct: code }));
    }
    await certifiedAl01();
    expectOk(await county.api.certifyCounty({ session: team.chair, pin: CHAIR.pin }));

    const corrected = lines([
      [20, 20, null],
      [11, 11, null],
      [7, 7, null],
    ]);
    const input = {
      session: team.chair,
      precinct: 'DM-01',
      lines: corrected,
      coinTosses: [],
      reason: 'Tally sheet misread.',
    };
    const wrong = await county.api.correctCertifiedResult({ ...input, pin: '0000' });
    expect(wrong.ok || wrong.error.code).toBe('WRONG_PIN');
    expectOk(await county.api.correctCertifiedResult({ ...input, pin: CHAIR.pin }));
    expect((await precinct()).verification.changes[0]).toMatchObject({ kind: 'correction', operator: 'Pat Chair' });
    expect(expectOk(await county.api.getOverview({})).countyCertification).toMatchObject({ changedSince: true });
    // The chair certifies the corrected result, then the county again.
    expectOk(await county.api.certifyPrecinct({ session: team.chair, pin: CHAIR.pin, precinct: 'DM-01' }));
    expectOk(await county.api.certifyCounty({ session: team.chair, pin: CHAIR.pin }));
    expect(expectOk(await county.api.getRecountSummary({})).changes.map((change) => change.kind)).toEqual([
      'correction',
    ]);
  });
});

describe('a county without a team yet (made by `tallyroom init`)', () => {
  it('takes typed names until its first chair signs up, then needs sign-in', async () => {
    const bare = tempCounty();
    try {
      expectOk(await bare.api.createCounty({ operator: 'county chair', setup: SMALL_COUNTY }));
      expect(expectOk(await bare.api.getTeam({}))).toEqual({ operators: [], hasChair: false });
      expectOk(
        await bare.api.submitWorksheet({ operator: 'Jordan', precinct: 'DM-01', lines: dm01(), coinTosses: [] }),
      );
      const chair = expectOk(await bare.api.signUpChair({ name: 'Alex Chair', pin: '864200' }));
      expect(chair).toMatchObject({ name: 'Alex Chair', role: 'chair' });
      const second = await bare.api.signUpChair({ name: 'Someone Else', pin: '1357' });
      expect(second.ok || second.error.code).toBe('CHAIR_EXISTS');
      const typed = await bare.api.submitWorksheet({
        operator: 'Jordan',
        precinct: 'DM-01',
        lines: dm01(),
        coinTosses: [],
      });
      expect(typed.ok || typed.error.code).toBe('NOT_SIGNED_IN');
    } finally {
      bare.cleanup();
    }
  });
});
