import { afterEach, describe, expect, it } from 'vitest';
import { expectOk, SMALL_COUNTY, type TempCounty, tempCounty } from '../helpers/temp-county';

let county: TempCounty;
afterEach(() => county?.cleanup());

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const HEADER =
  'county,precinct,precinct_delegates,sde_per_delegate,candidate,first_alignment,final_alignment,delegates_awarded,sde,chair_email';

describe('setting up a county', () => {
  it('creates the county typed in, keeps it across a restart, and logs who did it', async () => {
    county = tempCounty();
    const election = expectOk(await county.api.createCounty({ operator: 'Pat Chair', setup: SMALL_COUNTY }));
    expect(election).toMatchObject({ county: 'Polk County', precinctCount: 3, totalDelegates: 14 });
    expect(election.candidates.map((candidate) => candidate.name)).toEqual(['Adams', 'Baker', 'Castillo']);

    county = county.reopen();
    const overview = expectOk(await county.api.getOverview({}));
    expect(overview.statusCounts).toMatchObject({ total: 3, missing: 3, received: 0 });
    const log = expectOk(await county.api.getAuditLog({ limit: 10 }));
    expect(log.entries[0]).toMatchObject({ action: 'county.created', operator: 'Pat Chair' });
  });

  it('refuses a second county in the same database, and duplicate precincts or candidates', async () => {
    county = tempCounty();
    expectOk(await county.api.createCounty({ operator: 'Pat', setup: SMALL_COUNTY }));
    const again = await county.api.createCounty({ operator: 'Pat', setup: SMALL_COUNTY });
    expect(again.ok || again.error.code).toBe('COUNTY_EXISTS');

    const fresh = tempCounty();
    try {
      const duplicate = await fresh.api.createCounty({
        operator: 'Pat',
        setup: { ...SMALL_COUNTY, candidates: ['Adams', 'adams '] },
      });
      expect(duplicate.ok || duplicate.error.code).toBe('DUPLICATE_CANDIDATE');
      expect(expectOk(await fresh.api.getElection({}))).toBeNull();
    } finally {
      fresh.cleanup();
    }
  });

  it('validates input at the API boundary with a sentence, whatever the transport', async () => {
    county = tempCounty();
    const bad = await county.api.createCounty({
      operator: '',
      setup: { ...SMALL_COUNTY, sdePerDelegate: -1 },
    } as never);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('INVALID_INPUT');
      expect(bad.error.message).toMatch(/name of the person at the keyboard/);
    }
    const notAnObject = await county.api.getPrecinct('P1' as never);
    expect(notAnObject.ok || notAnObject.error.code).toBe('INVALID_INPUT');
  });

  it('previews a county definition file, and lists every bad row by row and column without saving', async () => {
    county = tempCounty();
    const bad = [
      HEADER,
      'Story,P1,5,0.1,Adams,,,,,chair1@example.org',
      'Story,P1,five,0.1,Baker,,,,,chair1@example.org',
      'Story,P2,3,0.2,Adams,,,,,not-an-email',
      'Story,P2,3,0.1,,,,,,',
    ].join('\n');
    const preview = await county.api.previewCountyDefinition({ fileName: 'county.csv', contentBase64: base64(bad) });
    expect(preview.ok).toBe(false);
    if (!preview.ok) {
      expect(preview.error.code).toBe('FILE_HAS_PROBLEMS');
      const problems = preview.error.details as { row: number; column: string }[];
      expect(problems.map((problem) => [problem.row, problem.column])).toEqual([
        [3, 'precinct_delegates'],
        [4, 'sde_per_delegate'],
        [4, 'chair_email'],
        [5, 'candidate'],
      ]);
    }
    expect(expectOk(await county.api.getElection({}))).toBeNull();

    const good = [
      HEADER,
      'Story,P1,5,0.1,Adams,,,,,chair1@example.org',
      'Story,P1,5,0.1,Baker,,,,,',
      'Story,P2,3,0.1,Adams,,,,,',
      'Story,P2,3,0.1,Baker,,,,,',
    ].join('\n');
    const setup = expectOk(
      await county.api.previewCountyDefinition({ fileName: 'county.csv', contentBase64: base64(good) }),
    );
    expect(setup).toMatchObject({
      county: 'Story',
      sdePerDelegate: 0.1,
      candidates: ['Adams', 'Baker'],
      precincts: [
        { code: 'P1', delegates: 5, chairEmail: 'chair1@example.org' },
        { code: 'P2', delegates: 3, chairEmail: null },
      ],
    });
    expectOk(await county.api.createCounty({ operator: 'Pat', setup }));
    expect(expectOk(await county.api.getElection({}))?.totalDelegates).toBe(8);
  });

  it('loads the demo county through the same paths a county uses on caucus night', async () => {
    county = tempCounty();
    const election = expectOk(await county.api.loadDemoCounty({ operator: 'Demo' }));
    expect(election).toMatchObject({ county: 'Tally County', precinctCount: 24, rulesProfile: 'iowa-dem-2020' });
    const overview = expectOk(await county.api.getOverview({}));
    expect(overview.statusCounts).toEqual({
      total: 24,
      missing: 5,
      received: 17,
      conflict: 1,
      verified: 1,
      certified: 0,
    });
    expect(overview.findingCounts).toEqual({
      FINAL_EXCEEDS_FIRST: 1,
      ALLOCATION_MISMATCH: 1,
      MORE_VOTES_FEWER_DELEGATES: 1,
    });
    const byCode = new Map(overview.precincts.map((precinct) => [precinct.code, precinct]));
    expect(byCode.get('P01')).toMatchObject({ status: 'verified', sources: ['usb', 'manual'] });
    expect(byCode.get('P02')).toMatchObject({ status: 'conflict', sources: ['usb', 'phone'] });
    expect(byCode.get('P22')?.findings).toEqual(['ALLOCATION_MISMATCH', 'MORE_VOTES_FEWER_DELEGATES']);
    // The totals say how much of them comes from precincts with findings: those precincts' delegates as keyed.
    const flagged = overview.precincts.filter(
      (precinct) => precinct.findings.length > 0 && ['received', 'verified', 'certified'].includes(precinct.status),
    );
    expect(flagged.length).toBeGreaterThan(0);
    const expected = new Map<string, number>();
    for (const row of flagged) {
      const detail = expectOk(await county.api.getPrecinct({ precinct: row.code }));
      for (const line of detail.current?.lines ?? []) {
        expected.set(line.candidate, (expected.get(line.candidate) ?? 0) + (line.delegatesAwarded ?? 0));
      }
    }
    for (const total of overview.candidateTotals) {
      expect(total.fromPrecinctsWithFindings.delegates, total.candidate).toBe(expected.get(total.candidate) ?? 0);
      expect(total.fromPrecinctsWithFindings.delegates).toBeLessThanOrEqual(total.delegates);
    }
    expect(overview.candidateTotals.some((total) => total.fromPrecinctsWithFindings.delegates > 0)).toBe(true);
    const again = await county.api.loadDemoCounty({ operator: 'Demo' });
    expect(again.ok || again.error.code).toBe('COUNTY_EXISTS');
  });
});
