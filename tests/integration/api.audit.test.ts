/**
 * The risk-limiting audit in the app: a recount verifier runs the risk-limiting audit of the certified results of
 * Story county (docs/RLA.md's worked example) through the API, on a real SQLite file: the public seed,
 * the draw (reproducible, the same as `tallyroom audit` on the same results), blind hand tallies,
 * the measured risk, escalation to a second round and then to a full hand count, and the report.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit-log/chain';
import {
  drawNextRound,
  planAudit,
  type RoundDraw,
  readAuditResultsFile,
  riskLimitAlpha,
} from '../../electron/core/rla';
import {
  handCount,
  STORY_CHAIR,
  STORY_REPORTED,
  STORY_SEED,
  type StoryTeam,
  storyCounty,
} from '../helpers/audit-county';
import { expectReadablePdf } from '../helpers/pdf-accessibility';
import { rawDatabase } from '../helpers/raw-database';
import { expectOk, type TempCounty, tempCounty } from '../helpers/temp-county';

let county: TempCounty;
let team: StoryTeam;
beforeEach(async () => {
  county = tempCounty();
  team = await storyCounty(county);
});
afterEach(() => county.cleanup());

/** docs/RLA.md: the seven tickets of the first round from seed 81726354091827364510. */
const FIRST_ROUND = ['Ames-3', 'Ames-2', 'Nevada-1', 'Gilbert', 'Ames-1', 'Nevada-1', 'Ames-2'];

async function startAndDraw(session = team.riley) {
  expectOk(await county.api.auditStart({ session, riskLimit: 10, seed: STORY_SEED, seedNote: '20 d10 rolls' }));
  return expectOk(await county.api.auditDraw({ session }));
}

async function enter(precinct: string, counts?: Record<string, number>) {
  return expectOk(
    await county.api.auditEnterHandTally({ session: team.riley, precinct, counts: handCount(precinct, counts) }),
  );
}

/** The same draw computed from the fixture file, as `tallyroom audit plan` / `next-round` do. */
function drawFromFile(rounds: RoundDraw[], tallies: Map<string, Map<string, number>>) {
  const reported = expectOk(
    readAuditResultsFile('reported.csv', readFileSync(STORY_REPORTED), 'iowa-dem-2020', { ballotsRequired: true }),
  );
  const alpha = expectOk(riskLimitAlpha('10'));
  const plan = expectOk(planAudit({ reported, alpha, seed: STORY_SEED })).contests[0];
  if (!plan) throw new Error('no contest');
  return expectOk(drawNextRound({ seed: STORY_SEED, alpha, plan, rounds, tallies }));
}

describe('before the draw', () => {
  it('audits only fixed results: refused until every precinct is certified', async () => {
    const fresh = tempCounty();
    try {
      const crew = await storyCounty(fresh, { certify: false });
      const plan = expectOk(await fresh.api.auditPlan({ riskLimit: 10 }));
      expect(plan.ready).toBe(false);
      expect(plan.notReadyReason).toMatch(/12 precincts are not certified yet: Ames-1 \(missing\)/);
      const start = await fresh.api.auditStart({ session: crew.riley, riskLimit: 10, seed: STORY_SEED });
      expect(start.ok || start.error.code).toBe('AUDIT_RESULTS_NOT_FIXED');
      expect(rawDatabase(fresh.store).prepare('SELECT count(*) AS n FROM rla_audit').get()).toEqual({ n: 0 });
    } finally {
      fresh.cleanup();
    }
  });

  it('plans MACRO’s first round on the certified results: U = 3, 7 draws at 10% (Arlo’s figures)', async () => {
    const plan = expectOk(await county.api.auditPlan({ riskLimit: 10 }));
    expect(plan).toMatchObject({ ready: true, contest: 'Story', winners: ['Adams'], U: 3, sampleSize: 7 });
    expect(expectOk(await county.api.auditPlan({ riskLimit: 5 })).sampleSize).toBe(9);
  });

  it('lets only a recount verifier or the chair run it, and takes only digits as the seed', async () => {
    const entry = await county.api.auditStart({ session: team.jordan, riskLimit: 10, seed: STORY_SEED });
    expect(entry.ok || entry.error.code).toBe('NOT_ALLOWED');
    expect(entry.ok || entry.error.message).toMatch(/only a recount verifier or the county chair may run/);
    const letters = await county.api.auditStart({ session: team.riley, riskLimit: 10, seed: '12ab34567' });
    expect(letters.ok || letters.error.code).toBe('INVALID_INPUT');
    const tooHigh = await county.api.auditStart({ session: team.riley, riskLimit: 100, seed: STORY_SEED });
    expect(tooHigh.ok || tooHigh.error.code).toBe('INVALID_INPUT');
  });

  it('fixes the seed once: the same results are never audited with a second seed', async () => {
    const started = expectOk(await county.api.auditStart({ session: team.chair, riskLimit: 10, seed: STORY_SEED }));
    expect(started).toMatchObject({ status: 'ready-to-draw', seed: STORY_SEED, seedEnteredBy: 'Pat Chair' });
    expect(started.rounds).toEqual([]);
    const again = await county.api.auditStart({ session: team.riley, riskLimit: 10, seed: '99999999999' });
    expect(again.ok || again.error.code).toBe('AUDIT_ALREADY_STARTED');
    expect(expectOk(await county.api.auditPlan({ riskLimit: 10 })).existingAuditId).toBe(started.id);
  });
});

describe('the draw', () => {
  it('is the seed’s: the tickets of docs/RLA.md, the same as the command line’s, the same after a restart', async () => {
    const drawn = await startAndDraw();
    const tickets = drawn.rounds[0]?.tickets ?? [];
    expect(tickets.map((ticket) => ticket.precinct)).toEqual(FIRST_ROUND);
    expect(tickets.map((ticket) => ticket.ticket)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(tickets[0]?.random).toBe('0.350954065352434753');
    expect(drawFromFile([], new Map()).tickets.map((ticket) => ticket.batch)).toEqual(FIRST_ROUND);
    // In the order first drawn, each sampled precinct once, with its tickets.
    expect(drawn.sampled.map((precinct) => [precinct.precinct, precinct.tickets])).toEqual([
      ['Ames-3', [1]],
      ['Ames-2', [2, 7]],
      ['Nevada-1', [3, 6]],
      ['Gilbert', [4]],
      ['Ames-1', [5]],
    ]);
    expect(drawn.status).toBe('counting');
    const twice = await county.api.auditDraw({ session: team.riley });
    expect(twice.ok || twice.error.code).toBe('AUDIT_ALREADY_DRAWN');

    county = county.reopen();
    const reread = expectOk(await county.api.getAudit({}));
    expect(reread?.rounds[0]?.tickets).toEqual(tickets);
  });

  it('is another county database’s too: same results and seed, same sample', async () => {
    const first = await startAndDraw();
    const other = tempCounty();
    try {
      const crew = await storyCounty(other);
      expectOk(await other.api.auditStart({ session: crew.chair, riskLimit: 10, seed: STORY_SEED }));
      const second = expectOk(await other.api.auditDraw({ session: crew.chair }));
      expect(second.reportedSha256).toBe(first.reportedSha256);
      expect(second.rounds[0]?.tickets).toEqual(first.rounds[0]?.tickets);
    } finally {
      other.cleanup();
    }
  });
});

describe('a clean sample', () => {
  it('keeps the count blind, confirms at the risk limit, stops, and reports', async () => {
    const drawn = await startAndDraw();
    expect(drawn.sampled.every((precinct) => precinct.reported === null && precinct.tally === null)).toBe(true);
    const early = await county.api.auditMeasure({ session: team.riley });
    expect(early.ok || early.error.code).toBe('AUDIT_TALLY_MISSING');

    const first = await enter('Ames-3');
    expect(first.reported).toEqual([
      { candidate: 'Adams', count: 112 },
      { candidate: 'Baker', count: 38 },
      { candidate: 'Castillo', count: 0 },
    ]);
    expect(first.discrepancyVotes).toBe(0);
    expect(first.awaiting).toEqual(['Ames-2', 'Nevada-1', 'Gilbert', 'Ames-1']);
    const notSampled = await county.api.auditEnterHandTally({
      session: team.riley,
      precinct: 'Zearing',
      counts: handCount('Zearing'),
    });
    expect(notSampled.ok || notSampled.error.code).toBe('AUDIT_NOT_SAMPLED');
    const view = expectOk(await county.api.getAudit({}));
    expect(view?.sampled.find((precinct) => precinct.precinct === 'Ames-2')?.reported).toBeNull();
    for (const precinct of first.awaiting) await enter(precinct);

    const measured = expectOk(await county.api.auditMeasure({ session: team.riley }));
    // (2/3)^7 = 128/2187 = 0.0585 <= 0.10
    expect(measured).toMatchObject({ round: 1, riskExact: '128/2187', confirmed: true, verdict: 'confirmed' });
    expect(measured.pValue).toBeCloseTo(0.0585277, 6);
    const done = expectOk(await county.api.getAudit({}));
    expect(done?.status).toBe('confirmed');
    expect(done?.history.map((entry) => entry.verdict)).toEqual(['confirmed']);
    const more = await county.api.auditNextRound({ session: team.riley });
    expect(more.ok || more.error.code).toBe('AUDIT_FINISHED');

    const csv = expectOk(await county.api.auditReport({ session: team.riley, format: 'csv' }));
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    expect(csv.fileName).toBe(`audit-report-story-${done?.id}.csv`);
    expect(text).toContain(`Story,10,${STORY_SEED},Adams,3,7,1,Ames-3,0.350954065352434753,Adams,112,112,0,0`);
    expect(text.trim().split('\n')).toHaveLength(1 + 7 * 3);
    const pdf = expectOk(await county.api.auditReport({ session: team.riley, format: 'pdf' }));
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    await expectReadablePdf(Buffer.from(pdf.contentBase64, 'base64'), [
      'Risk-limiting audit report',
      'Ames-3',
      'Adams',
    ]);

    const actions = expectOk(await county.api.getAuditLog({ limit: 30 })).entries.map((entry) => entry.action);
    expect(actions.filter((action) => action.startsWith('audit.')).reverse()).toEqual([
      'audit.started',
      'audit.round-drawn',
      ...Array(5).fill('audit.hand-tally-entered'),
      'audit.measured',
      'audit.report-exported',
      'audit.report-exported',
    ]);
    expect(verifyAuditChain(county.store.iterateAudit()).valid).toBe(true);
  });

  it('corrects a hand tally by a new one that names what it replaces; the first stays', async () => {
    await startAndDraw();
    const typo = await enter('Gilbert', { Adams: 7 });
    const silent = await county.api.auditEnterHandTally({
      session: team.riley,
      precinct: 'Gilbert',
      counts: handCount('Gilbert'),
    });
    expect(silent.ok || silent.error.code).toBe('AUDIT_TALLY_EXISTS');
    const noReason = await county.api.auditEnterHandTally({
      session: team.riley,
      precinct: 'Gilbert',
      counts: handCount('Gilbert'),
      replaces: typo.tally.id,
    });
    expect(noReason.ok || noReason.error.code).toBe('AUDIT_REASON_NEEDED');
    const fixed = expectOk(
      await county.api.auditEnterHandTally({
        session: team.chair,
        precinct: 'Gilbert',
        counts: handCount('Gilbert'),
        replaces: typo.tally.id,
        reason: 'Keyed 7 for 70; the tally sheet says 70.',
      }),
    );
    expect(fixed.tally).toMatchObject({ replacesId: typo.tally.id, enteredBy: 'Pat Chair' });
    expect(fixed.discrepancyVotes).toBe(0);
    const gilbert = expectOk(await county.api.getAudit({}))?.sampled.find((entry) => entry.precinct === 'Gilbert');
    expect(gilbert).toMatchObject({ corrections: 1, tally: { id: fixed.tally.id } });
    const stored = rawDatabase(county.store).prepare('SELECT count(*) AS n FROM rla_hand_tally').get();
    expect(stored).toEqual({ n: 2 });
    expect(() => rawDatabase(county.store).prepare('DELETE FROM rla_hand_tally').run()).toThrow(/append-only/);
  });
});

describe('discrepancies', () => {
  it('force escalation: another round from the same stream, then a full hand count of every precinct left', async () => {
    await startAndDraw();
    // Ames-3 overstated Adams's margin by 64, Ames-1 by 74 (taint 74/184).
    const wrong: Record<string, Record<string, number>> = {
      'Ames-3': { Adams: 80, Baker: 70 },
      'Ames-1': { Adams: 40, Baker: 50 },
    };
    for (const precinct of ['Ames-3', 'Ames-2', 'Nevada-1', 'Gilbert', 'Ames-1'])
      await enter(precinct, wrong[precinct]);
    const round1 = expectOk(await county.api.auditMeasure({ session: team.riley }));
    expect(round1).toMatchObject({ confirmed: false, verdict: 'another-round', nextRoundDraws: 2 });
    expect(round1.pValue).toBeGreaterThan(0.1);
    const ames3 = expectOk(await county.api.getAudit({}))?.sampled.find((entry) => entry.precinct === 'Ames-3');
    expect(ames3).toMatchObject({ discrepancyVotes: 64, taint: '0.2857142857', maxError: '0.4307692308' });

    const second = expectOk(await county.api.auditNextRound({ session: team.riley }));
    const round2 = second.rounds[1];
    expect(round2).toMatchObject({ round: 2, kind: 'sample', sampleSize: 2 });
    expect(round2?.tickets.map((ticket) => [ticket.ticket, ticket.precinct])).toEqual([
      [8, 'Ames-1'],
      [9, 'Ames-1'],
    ]);
    // One implementation: the command line's draw from the reported file gives the same round 2.
    const tallies = new Map(
      ['Ames-3', 'Ames-2', 'Nevada-1', 'Gilbert', 'Ames-1'].map((precinct) => [
        precinct,
        new Map(handCount(precinct, wrong[precinct]).map((entry) => [entry.candidate, entry.count])),
      ]),
    );
    const fileRound1 = drawFromFile([], new Map());
    expect(drawFromFile([fileRound1], tallies).tickets.map((ticket) => ticket.batch)).toEqual(['Ames-1', 'Ames-1']);

    // Ames-1 is drawn again and counts three times: the risk rises, and only a full count can settle it.
    expect(second.status).toBe('full-hand-count');
    expect(second.awaiting).toEqual([]);
    const measured2 = expectOk(await county.api.auditMeasure({ session: team.riley }));
    expect(measured2).toMatchObject({ round: 2, verdict: 'full-hand-count', nextRoundDraws: 7 });
    expect(measured2.pValue).toBeGreaterThan(round1.pValue);

    const full = expectOk(await county.api.auditNextRound({ session: team.riley }));
    expect(full.fullHandCount).toBe(true);
    expect(full.rounds[2]).toMatchObject({ round: 3, kind: 'full-hand-count', sampleSize: 7 });
    expect(full.awaiting).toEqual(['Ames-4', 'Huxley', 'Nevada-2', 'Roland', 'Slater', 'Story City', 'Zearing']);
    expect(full.rounds[2]?.tickets.map((ticket) => ticket.ticket)).toEqual([10, 11, 12, 13, 14, 15, 16]);
    expect(full.rounds[2]?.tickets.every((ticket) => ticket.random === null)).toBe(true);
    for (const precinct of full.awaiting) await enter(precinct);

    const final = expectOk(await county.api.auditMeasure({ session: team.riley }));
    // The hand count of every precinct is the result: Adams still won.
    expect(final).toMatchObject({ round: 3, pValue: 0, verdict: 'confirmed' });
    const after = expectOk(await county.api.getAudit({}));
    expect(after).toMatchObject({ status: 'confirmed', fullHandCount: true });
    expect(after?.history.map((entry) => [entry.round, entry.verdict])).toEqual([
      [1, 'another-round'],
      [2, 'full-hand-count'],
      [3, 'confirmed'],
    ]);
    const csv = expectOk(await county.api.auditReport({ session: team.chair, format: 'csv' }));
    expect(Buffer.from(csv.contentBase64, 'base64').toString('utf8').trim().split('\n')).toHaveLength(1 + 16 * 3);
  });

  it('a full hand count that finds another winner says so', async () => {
    await startAndDraw();
    // Baker's supporters were written down as Adams's in Ames-3: taint 1, so straight to a full count.
    await enter('Ames-3', { Adams: 0, Baker: 150 });
    for (const precinct of ['Ames-2', 'Nevada-1', 'Gilbert', 'Ames-1']) await enter(precinct, { Adams: 0, Baker: 100 });
    const measured = expectOk(await county.api.auditMeasure({ session: team.riley }));
    expect(measured).toMatchObject({ verdict: 'full-hand-count', pValue: 1 });
    const full = expectOk(await county.api.auditNextRound({ session: team.riley }));
    for (const precinct of full.awaiting) await enter(precinct, { Adams: 10, Baker: 60 });
    const final = expectOk(await county.api.auditMeasure({ session: team.riley }));
    expect(final).toMatchObject({ verdict: 'outcome-changed', confirmed: false });
    expect(final.verdictText).toMatch(/Baker won the hand count/);
  });

  it('stops drawing when a certified result changed since the audit started', async () => {
    expectOk(await county.api.auditStart({ session: team.riley, riskLimit: 10, seed: STORY_SEED }));
    const lines = handCount('Zearing').map((entry) => ({
      candidate: entry.candidate,
      firstAlignment: entry.candidate === 'Adams' ? 24 : entry.candidate === 'Baker' ? 6 : 5,
      finalAlignment: entry.candidate === 'Adams' ? 26 : entry.candidate === 'Baker' ? 9 : 0,
      delegatesAwarded: null,
    }));
    expectOk(
      await county.api.submitRecount({
        session: team.riley,
        precinct: 'Zearing',
        lines,
        coinTosses: [],
        reason: 'Recount asked for by the Baker campaign.',
      }),
    );
    const draw = await county.api.auditDraw({ session: team.riley });
    expect(draw.ok || draw.error.code).toBe('AUDIT_RESULTS_CHANGED');
    expect(expectOk(await county.api.getAudit({}))?.resultsChangedSince).toBe(true);
    expect(STORY_CHAIR.name).toBe('Pat Chair');
  });
});
