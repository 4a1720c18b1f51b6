import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProgram } from '../helpers/test-programs';

const BIN = testProgram('tallyroom');
const FIXTURES = resolve(import.meta.dirname, '../fixtures/rla');
const SEED = '81726354091827364510';
let work: string;

/** Runs the real `tallyroom` command as a user would, in a subprocess. */
function tallyroom(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, CI: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const fixture = (name: string) => join(FIXTURES, name);

/** `audit plan --json` for the Story county fixture, saved once where measure reads it. */
let storyPlan: { code: number | null; stdout: string };
function planFile(): string {
  return join(work, 'plan.json');
}

function measure(audited: string, ...more: string[]) {
  return tallyroom(
    'audit',
    'measure',
    '--reported',
    fixture('reported.csv'),
    '--audited',
    fixture(audited),
    '--sample',
    planFile(),
    ...more,
  );
}

// Each run starts tsx in a fresh Node process: seconds apiece on a small machine.
const SLOW = { timeout: 120_000 };

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tallyroom-audit-'));
  storyPlan = tallyroom(
    'audit',
    'plan',
    '--reported',
    fixture('reported.csv'),
    '--risk-limit',
    '10',
    '--seed',
    SEED,
    '--json',
  );
  writeFileSync(planFile(), storyPlan.stdout);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tallyroom audit plan', SLOW, () => {
  it('prints U, the MACRO sample size and the draw from the seed (figures Arlo gives on this county)', () => {
    expect(storyPlan.code).toBe(0);
    const plan = JSON.parse(storyPlan.stdout);
    expect(plan).toMatchObject({
      riskLimit: 10,
      rules: 'iowa-dem-2020',
      seed: SEED,
      contests: [
        { name: 'Story', winner: 'Adams', U: 3, UExact: '3', sampleSize: 7, fullHandCount: false, precincts: 12 },
      ],
    });
    expect(plan.sample.map((ticket: { ticket: number; precinct: string }) => [ticket.ticket, ticket.precinct])).toEqual(
      [
        [1, 'Ames-3'],
        [2, 'Ames-2'],
        [3, 'Nevada-1'],
        [4, 'Gilbert'],
        [5, 'Ames-1'],
        [6, 'Nevada-1'],
        [7, 'Ames-2'],
      ],
    );
  });

  it('draws the same sample every time from the same seed, and no sample without one', () => {
    const again = tallyroom(
      'audit',
      'plan',
      '--reported',
      fixture('reported.csv'),
      '--risk-limit',
      '10',
      '--seed',
      SEED,
      '--json',
    );
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(readFileSync(planFile(), 'utf8')));
    const unseeded = JSON.parse(
      tallyroom('audit', 'plan', '--reported', fixture('reported.csv'), '--risk-limit', '10', '--json').stdout,
    );
    expect(unseeded.sample).toBeUndefined();
    expect(unseeded.contests[0].sampleSize).toBe(7);
  });

  it('asks for a full hand count when the margin is zero', () => {
    const run = tallyroom(
      'audit',
      'plan',
      '--reported',
      fixture('reported-tie.csv'),
      '--risk-limit',
      '10',
      '--seed',
      SEED,
      '--json',
    );
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.contests[0]).toMatchObject({
      name: 'Boone',
      U: null,
      fullHandCount: true,
      sampleSize: 4,
      precincts: 4,
    });
    expect(plan.sample.map((ticket: { precinct: string }) => ticket.precinct)).toEqual([
      'East',
      'North',
      'South',
      'West',
    ]);
  });

  it('refuses bad input with exit 2 and one sentence', () => {
    const badLimit = tallyroom('audit', 'plan', '--reported', fixture('reported.csv'), '--risk-limit', '150');
    expect([badLimit.code, badLimit.stderr]).toEqual([2, expect.stringMatching(/less than 100%/)]);
    const badSeed = tallyroom(
      'audit',
      'plan',
      '--reported',
      fixture('reported.csv'),
      '--risk-limit',
      '10',
      '--seed',
      'abc',
    );
    expect([badSeed.code, badSeed.stderr]).toEqual([2, expect.stringMatching(/digits rolled/)]);
    writeFileSync(join(work, 'no-ballots.csv'), readFileSync(fixture('reported.csv'), 'utf8').replace(',ballots', ''));
    const noBallots = tallyroom('audit', 'plan', '--reported', 'no-ballots.csv', '--risk-limit', '10');
    expect([noBallots.code, noBallots.stderr]).toEqual([2, expect.stringMatching(/missing the column ballots/)]);
    expect(tallyroom('audit', 'plan').code).toBe(2);
  });
});

describe('tallyroom audit measure', SLOW, () => {
  it('a clean hand count confirms the outcome at the risk limit: p = (2/3)^7, exit 0', () => {
    const run = measure('audited-clean.csv', '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.contests).toMatchObject([
      {
        name: 'Story',
        pValue: 0.05852766346593507,
        confirmed: true,
        verdict: 'confirmed',
        verdictText: 'outcome confirmed at the risk limit',
      },
    ]);
    expect(result.contests[0].pValue).toBeCloseTo((2 / 3) ** 7, 15);
  });

  it('an overstatement raises the risk above the limit: another round of 2 draws, exit 1', () => {
    const run = measure('audited-overstatement.csv', '--json');
    expect(run.code).toBe(1);
    const [story] = JSON.parse(run.stdout).contests;
    expect(story).toMatchObject({
      pValue: 0.12802926383173296,
      confirmed: false,
      verdict: 'another-round',
      nextRoundSampleSize: 2,
    });
    expect(story.draws[0]).toEqual({
      ticket: 1,
      precinct: 'Ames-3',
      discrepancy: 64,
      maxError: '0.4307692308',
      taint: '0.2857142857',
    });
  });

  it('a batch whose whole margin is wrong (taint 1) means a full hand count', () => {
    const run = measure('audited-reversed.csv');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Story: measured risk 1: full hand count needed/);
  });

  it('writes the audit report as CSV and PDF', () => {
    const run = measure('audited-overstatement.csv', '--report-dir', 'report');
    expect(run.code).toBe(1);
    const csv = readFileSync(join(work, 'report', 'audit-report.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe(
      'county,risk_limit_percent,seed,winner,U,sample_size,ticket,precinct,random,candidate,reported,audited,difference,discrepancy_votes,max_error,taint,p_value,verdict',
    );
    expect(csv[1]).toBe(
      `Story,10,${SEED},Adams,3,7,1,Ames-3,0.350954065352434753,Adams,112,80,-32,64,0.4307692308,0.2857142857,0.128029,another round needed (2 more draws)`,
    );
    expect(csv.filter((line) => line.startsWith('Story,')).length).toBe(7 * 3);
    expect(
      readFileSync(join(work, 'report', 'audit-report.pdf'))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('refuses a plan that is not the one the reported file and seed give, and missing hand tallies', () => {
    const plan = JSON.parse(readFileSync(planFile(), 'utf8'));
    plan.sample[0].precinct = 'Zearing';
    writeFileSync(join(work, 'edited-plan.json'), JSON.stringify(plan));
    const edited = tallyroom(
      'audit',
      'measure',
      '--reported',
      fixture('reported.csv'),
      '--audited',
      fixture('audited-clean.csv'),
      '--sample',
      'edited-plan.json',
    );
    expect([edited.code, edited.stderr]).toEqual([2, expect.stringMatching(/is not the plan/)]);

    writeFileSync(
      join(work, 'partial.csv'),
      readFileSync(fixture('audited-clean.csv'), 'utf8')
        .split('\n')
        .filter((line) => !line.includes('Gilbert'))
        .join('\n'),
    );
    const partial = tallyroom(
      'audit',
      'measure',
      '--reported',
      fixture('reported.csv'),
      '--audited',
      'partial.csv',
      '--sample',
      planFile(),
    );
    expect([partial.code, partial.stderr]).toEqual([
      2,
      expect.stringMatching(/no hand tally for sampled precinct Gilbert/),
    ]);
  });

  it('a tie hand counted in full and still tied says so, exit 1', () => {
    const planRun = tallyroom(
      'audit',
      'plan',
      '--reported',
      fixture('reported-tie.csv'),
      '--risk-limit',
      '10',
      '--seed',
      SEED,
      '--json',
    );
    writeFileSync(join(work, 'tie-plan.json'), planRun.stdout);
    const run = tallyroom(
      'audit',
      'measure',
      '--reported',
      fixture('reported-tie.csv'),
      '--audited',
      fixture('reported-tie.csv'),
      '--sample',
      'tie-plan.json',
      '--json',
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).contests[0]).toMatchObject({
      name: 'Boone',
      pValue: 0,
      confirmed: false,
      verdict: 'hand-count-tied',
    });
  });
});
