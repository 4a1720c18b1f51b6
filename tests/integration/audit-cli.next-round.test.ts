/**
 * `tallyroom audit next-round`: round 2 is drawn from the same seed, continuing its stream, by the
 * same drawNextRound the app uses; `audit measure` re-derives every round of the plan it is given.
 */
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

function tallyroom(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, CI: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const fixture = (name: string) => join(FIXTURES, name);
const reported = ['--reported', fixture('reported.csv')];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tallyroom-audit-round2-'));
  const plan = tallyroom('audit', 'plan', ...reported, '--risk-limit', '10', '--seed', SEED, '--json');
  writeFileSync(join(work, 'plan.json'), plan.stdout);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tallyroom audit next-round', { timeout: 120_000 }, () => {
  it('draws round 2 from the same seed after an overstatement, and measure takes the longer plan', () => {
    const next = tallyroom(
      'audit',
      'next-round',
      ...reported,
      '--audited',
      fixture('audited-overstatement.csv'),
      '--sample',
      'plan.json',
      '--json',
    );
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    const plan2 = JSON.parse(next.stdout);
    const first = JSON.parse(readFileSync(join(work, 'plan.json'), 'utf8'));
    // Round 1 unchanged; round 2 continues the stream at ticket 8 (another round of 2, docs/RLA.md).
    expect(plan2.sample.slice(0, 7)).toEqual(first.sample);
    expect(plan2.sample.slice(7)).toEqual([
      { ticket: 8, precinct: 'Ames-1', county: 'Story', random: '0.058005118664519984', round: 2 },
      { ticket: 9, precinct: 'Ames-1', county: 'Story', random: '0.069399086792361316', round: 2 },
    ]);
    writeFileSync(join(work, 'plan2.json'), next.stdout);

    const measured = tallyroom(
      'audit',
      'measure',
      ...reported,
      '--audited',
      fixture('audited-overstatement.csv'),
      '--sample',
      'plan2.json',
      '--json',
    );
    expect(measured.code).toBe(0);
    const contest = JSON.parse(measured.stdout).contests[0];
    // 0.1280 x (2/3)^2: the clean round-2 draws bring the risk under the limit.
    expect(contest).toMatchObject({ name: 'Story', confirmed: true, verdict: 'confirmed' });
    expect(contest.pValue).toBeCloseTo(0.0569019, 6);
    expect(contest.draws.map((draw: { ticket: number }) => draw.ticket)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('refuses a round-2 ticket the seed did not draw', () => {
    const plan2 = JSON.parse(readFileSync(join(work, 'plan2.json'), 'utf8'));
    plan2.sample[8].precinct = 'Zearing';
    writeFileSync(join(work, 'forged.json'), JSON.stringify(plan2));
    const forged = tallyroom(
      'audit',
      'measure',
      ...reported,
      '--audited',
      fixture('audited-overstatement.csv'),
      '--sample',
      'forged.json',
    );
    expect(forged.code).toBe(2);
    expect(forged.stderr).toMatch(/forged\.json is not the plan these reported results and seed give/);
  });

  it('draws nothing more once the outcome is confirmed', () => {
    const next = tallyroom(
      'audit',
      'next-round',
      ...reported,
      '--audited',
      fixture('audited-clean.csv'),
      '--sample',
      'plan.json',
    );
    expect(next.code).toBe(0);
    expect(next.stdout).toBe('Story: no further round: outcome confirmed at the risk limit.\n');
  });
});
