import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, SMALL_COUNTY, type TempCounty, tempCounty } from '../helpers/temp-county';

let county: TempCounty;
beforeEach(async () => {
  county = tempCounty();
  expectOk(await county.api.createCounty({ operator: 'Pat Chair', setup: SMALL_COUNTY }));
});
afterEach(() => county.cleanup());

const lines = (counts: [number | null, number | null, number | null][]) =>
  counts.map(([first, final, delegates], index) => ({
    candidate: SMALL_COUNTY.candidates[index] as string,
    firstAlignment: first,
    finalAlignment: final,
    delegatesAwarded: delegates,
  }));

describe('keying a caucus worksheet', () => {
  it('shows threshold, viable groups, delegates and SDEs as the person types (N=37, D=7, 20/10/7)', async () => {
    const evaluation = expectOk(
      await county.api.evaluateWorksheet({
        precinct: 'DM-01',
        lines: lines([
          [20, 20, null],
          [10, 10, null],
          [7, 7, null],
        ]),
      }),
    );
    expect(evaluation).toMatchObject({
      eligibleAttendees: 37,
      threshold: 6,
      viableFirst: ['Adams', 'Baker', 'Castillo'],
    });
    expect(evaluation.allocation).toMatchObject({
      kind: 'decided',
      delegates: { Adams: 4, Baker: 2, Castillo: 1 },
      sde: { Adams: 1, Baker: 0.5, Castillo: 0.25 },
    });
    expect(evaluation.findings).toEqual([]);
  });

  it('says a partly typed worksheet cannot be computed yet, and shows a finding beside the field', async () => {
    const partial = expectOk(
      await county.api.evaluateWorksheet({
        precinct: 'DM-01',
        lines: lines([
          [20, null, null],
          [10, 10, null],
          [7, 7, null],
        ]),
      }),
    );
    expect(partial.allocation.kind).toBe('not-computable');
    expect(partial.findings).toContainEqual(
      expect.objectContaining({ code: 'MISSING_DATA', candidate: 'Adams', field: 'finalAlignment' }),
    );
    const exceeds = expectOk(
      await county.api.evaluateWorksheet({
        precinct: 'DM-01',
        lines: lines([
          [20, 25, null],
          [10, 10, null],
          [7, 7, null],
        ]),
      }),
    );
    expect(exceeds.findings.map((finding) => [finding.code, finding.field])).toEqual([
      ['FINAL_EXCEEDS_FIRST', 'finalAlignment'],
    ]);
  });

  it('asks for a coin toss the app never decides, then uses the outcome a person records', async () => {
    const worksheet = {
      precinct: 'DM-02',
      lines: lines([
        [100, 100, null],
        [50, 50, null],
        [50, 50, null],
      ]),
    };
    const pending = expectOk(await county.api.evaluateWorksheet(worksheet));
    expect(pending.allocation).toEqual({
      kind: 'coin-toss-needed',
      tie: { reason: 'remove-extra-delegate', tied: ['Baker', 'Castillo'], awarded: 1 },
    });
    const decided = expectOk(
      await county.api.evaluateWorksheet({
        ...worksheet,
        coinTosses: [{ tied: ['Baker', 'Castillo'], winners: ['Castillo'] }],
      }),
    );
    expect(decided.allocation).toMatchObject({ kind: 'decided', delegates: { Adams: 3, Baker: 1, Castillo: 2 } });
    const saved = expectOk(
      await county.api.submitWorksheet({
        ...worksheet,
        coinTosses: [{ tied: ['Baker', 'Castillo'], winners: ['Castillo'] }],
        operator: 'Jordan',
        source: 'manual',
      }),
    );
    const detail = expectOk(await county.api.getPrecinct({ precinct: 'DM-02' }));
    expect(detail.reports[0]?.coinTosses).toEqual([{ tied: ['Baker', 'Castillo'], winners: ['Castillo'] }]);
    expect(detail.evaluation?.allocation).toMatchObject({ delegates: { Adams: 3, Baker: 1, Castillo: 2 } });
    expect(saved.status).toBe('received');
  });

  it('saves a worksheet as a new report with operator, time and sha256, and totals follow', async () => {
    const saved = expectOk(
      await county.api.submitWorksheet({
        precinct: 'DM-01',
        lines: lines([
          [20, 20, 4],
          [10, 10, 2],
          [7, 7, 1],
        ]),
        coinTosses: [],
        operator: 'Jordan',
        source: 'manual',
      }),
    );
    expect(saved).toMatchObject({ status: 'received', findings: [] });
    const detail = expectOk(await county.api.getPrecinct({ precinct: 'DM-01' }));
    expect(detail.reports).toHaveLength(1);
    expect(detail.reports[0]).toMatchObject({
      source: 'manual',
      operator: 'Jordan',
      receivedAt: '2026-02-03T01:30:02.000Z',
    });
    expect(detail.reports[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const overview = expectOk(await county.api.getOverview({}));
    expect(
      overview.candidateTotals.map((total) => [total.candidate, total.finalAlignment, total.delegates, total.sde]),
    ).toEqual([
      ['Adams', 20, 4, 1],
      ['Baker', 10, 2, 0.5],
      ['Castillo', 7, 1, 0.25],
    ]);
  });

  it('refuses to save a typo that cannot be a count, and saves rule breaks as the paper shows them', async () => {
    const negative = await county.api.submitWorksheet({
      precinct: 'DM-01',
      lines: lines([
        [20, -20, null],
        [10, 10, null],
        [7, 7, null],
      ]),
      coinTosses: [],
      operator: 'Jordan',
      source: 'manual',
    });
    expect(negative.ok || negative.error.code).toBe('WORKSHEET_INCOMPLETE');
    expect(negative.ok || negative.error.message).toMatch(/final alignment for Adams must be a whole number/);
    expect(expectOk(await county.api.getPrecinct({ precinct: 'DM-01' })).reports).toHaveLength(0);

    const wrongDelegates = expectOk(
      await county.api.submitWorksheet({
        precinct: 'DM-01',
        lines: lines([
          [20, 20, 2],
          [10, 10, 4],
          [7, 7, 1],
        ]),
        coinTosses: [],
        operator: 'Jordan',
        source: 'phone',
      }),
    );
    expect(wrongDelegates.findings.map((finding) => finding.code)).toEqual([
      'ALLOCATION_MISMATCH',
      'MORE_VOTES_FEWER_DELEGATES',
    ]);
  });

  it('puts two disagreeing reports in conflict, keeps both, and verifies independent agreeing paper entries', async () => {
    const entry = (operator: string, source: 'manual' | 'phone', baker: number) =>
      county.api.submitWorksheet({
        precinct: 'DM-01',
        lines: lines([
          [20, 20, null],
          [10, baker, null],
          [7, 7, null],
        ]),
        coinTosses: [],
        operator,
        source,
      });
    expect(expectOk(await entry('Jordan', 'manual', 10)).status).toBe('received');
    expect(expectOk(await entry('Jordan', 'manual', 10)).status).toBe('received');
    expect(expectOk(await entry('Sam', 'manual', 10)).status).toBe('verified');
    expect(expectOk(await entry('Lee', 'phone', 9)).status).toBe('conflict');
    const detail = expectOk(await county.api.getPrecinct({ precinct: 'DM-01' }));
    expect(detail.reports).toHaveLength(4);
    expect(detail.current).toBeNull();
    expect(detail.statusReason).toMatch(/disagree/);
    const overview = expectOk(await county.api.getOverview({}));
    expect(overview.precinctsCounted).toBe(0);
    expect(overview.candidateTotals.every((total) => total.finalAlignment === 0)).toBe(true);
  });

  it('names an unknown precinct or candidate plainly', async () => {
    const unknown = await county.api.evaluateWorksheet({ precinct: 'NOPE', lines: [] });
    expect(unknown.ok || unknown.error.message).toBe('There is no precinct "NOPE" in Polk County.');
    const stranger = await county.api.evaluateWorksheet({
      precinct: 'DM-01',
      lines: [{ candidate: 'Zed', firstAlignment: 1, finalAlignment: 1, delegatesAwarded: null }],
    });
    expect(stranger.ok || stranger.error.code).toBe('UNKNOWN_CANDIDATE');
  });
});
