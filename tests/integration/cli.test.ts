import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TALLYROOM_BIN_FROM_SOURCE, testProgram } from '../helpers/test-programs';

const DEMO = resolve(import.meta.dirname, '../../resources/demo');
let work: string;

/** Runs the real `tallyroom` command in a subprocess (built once for the run: tests/helpers/test-programs.ts). */
function tallyroom(...args: string[]) {
  return runTallyroom(testProgram('tallyroom'), args);
}

/** Runs `tallyroom` exactly as installed: the bin script, compiling the source through tsx. */
function tallyroomAsInstalled(...args: string[]) {
  return runTallyroom(TALLYROOM_BIN_FROM_SOURCE, args);
}

function runTallyroom(bin: string, args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, CI: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tallyroom-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HEADER =
  'county,precinct,precinct_delegates,sde_per_delegate,candidate,first_alignment,final_alignment,delegates_awarded,sde';

describe('tallyroom check', () => {
  it('prints the contract JSON and exits 1 when there are findings', () => {
    writeFileSync(
      join(work, 'results.csv'),
      [
        HEADER,
        'Story,P1,7,0.5,Adams,20,20,4,2',
        'Story,P1,7,0.5,Baker,10,10,2,1',
        'Story,P1,7,0.5,Castillo,7,7,1,0.5',
        'Story,P2,2,0.5,Adams,13,13,2,1',
        'Story,P2,2,0.5,Baker,7,7,0,0',
      ].join('\n'),
    );
    const run = tallyroom('check', '--rules', 'iowa-dem-2020', 'results.csv', '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      precincts: [
        { county: 'Story', precinct: 'P1', findings: [] },
        {
          county: 'Story',
          precinct: 'P2',
          findings: [
            {
              code: 'ALLOCATION_MISMATCH',
              message: 'The delegates awarded (Adams 2) are not what the rules give: Adams 1, Baker 1.',
            },
          ],
        },
      ],
      summary: { precincts: 2, withFindings: 1, byCode: { ALLOCATION_MISMATCH: 1 } },
    });
  });

  it('exits 0 on a clean file and 2 on unreadable input, with one sentence on stderr', () => {
    writeFileSync(
      join(work, 'clean.csv'),
      [HEADER, 'Story,P1,2,0.5,Adams,13,13,1,0.5', 'Story,P1,2,0.5,Baker,7,7,1,0.5'].join('\n'),
    );
    expect(tallyroom('check', 'clean.csv', '--json').code).toBe(0);
    const missing = tallyroom('check', 'nope.csv');
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr.trim()).toMatch(/^There is no file at .*nope\.csv\.$/);
    writeFileSync(join(work, 'text.csv'), [HEADER, 'Story,P1,2,0.5,Adams,lots,13,,'].join('\n'));
    const text = tallyroom('check', 'text.csv', '--json');
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/row 2, column first_alignment: "lots" is not a number/);
    expect(tallyroom('check', '--rules', 'nope', 'clean.csv').code).toBe(2);
  });
});

describe('tallyroom init, import and status', () => {
  it('creates nothing from a bad county definition, and a county from a good one', () => {
    writeFileSync(join(work, 'bad-county.csv'), [HEADER, 'Story,P1,x,0.5,Adams,,,,'].join('\n'));
    const bad = tallyroom('init', '--db', 'bad.db', '--county', 'bad-county.csv');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/row 2, column precinct_delegates/);
    expect(existsSync(join(work, 'bad.db'))).toBe(false);

    const good = tallyroom(
      'init',
      '--db',
      'county.db',
      '--county',
      join(DEMO, 'county.csv'),
      '--rules',
      'iowa-dem-2020',
    );
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/24 precincts electing 106 county delegates, 6 candidates/);
    expect(tallyroom('init', '--db', 'county.db', '--county', join(DEMO, 'county.csv')).code).toBe(2);
  });

  it('imports a USB folder idempotently, surfaces conflicts, rejects bad files whole', () => {
    const stick = join(work, 'stick');
    mkdirSync(join(stick, 'System Volume Information'), { recursive: true });
    for (const name of ['P01.csv', 'P03.csv', 'P22.csv']) copyFileSync(join(DEMO, 'usb', name), join(stick, name));
    writeFileSync(join(stick, '._P01.csv'), 'mac litter');
    writeFileSync(join(stick, 'P99.csv'), [HEADER, 'Tally County,P99,3,0.132075,Adams,1,1,,'].join('\n'));
    symlinkSync('/etc/passwd', join(stick, 'passwd.csv'));

    const first = tallyroom('import', '--db', 'county.db', '--operator', 'USB desk', '--json', stick);
    expect(first.code).toBe(1);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ imported: 3, duplicates: 0, conflicts: 0, pendingReview: 0 });
    expect(summary.rejected.map((entry: { code: string }) => entry.code).sort()).toEqual([
      'SYMLINK',
      'UNKNOWN_PRECINCT',
    ]);

    const again = JSON.parse(tallyroom('import', '--db', 'county.db', '--json', join(stick, 'P01.csv')).stdout);
    expect(again).toEqual({ imported: 0, duplicates: 1, conflicts: 0, rejected: [], pendingReview: 0 });

    const changed = readFileSync(join(stick, 'P03.csv'), 'utf8').replace(
      /(Adams,\d+,)(\d+)/,
      (_, head, final) => `${head}${Number(final) + 1}`,
    );
    writeFileSync(join(work, 'P03-phoned.csv'), changed);
    const conflict = JSON.parse(
      tallyroom('import', '--db', 'county.db', '--source', 'phone', '--json', 'P03-phoned.csv').stdout,
    );
    expect(conflict).toMatchObject({ imported: 1, conflicts: 1, duplicates: 0 });

    const status = tallyroom('status', '--db', 'county.db', '--json');
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout);
    expect(parsed.precincts).toEqual({ total: 24, missing: 21, received: 2, conflict: 1, verified: 0, certified: 0 });
    expect(parsed.reports).toBe(4);
    expect(parsed.findings).toBe(2);
    expect(parsed.byPrecinct.find((entry: { precinct: string }) => entry.precinct === 'P03')).toEqual({
      precinct: 'P03',
      status: 'conflict',
      sources: ['usb', 'phone'],
      findings: [],
    });
    expect(parsed.byPrecinct.find((entry: { precinct: string }) => entry.precinct === 'P22').findings).toEqual([
      'ALLOCATION_MISMATCH',
      'MORE_VOTES_FEWER_DELEGATES',
    ]);
  });

  it('never creates a database for status on a mistyped path', () => {
    const run = tallyroom('status', '--db', 'typo.db');
    expect(run.code).toBe(2);
    expect(existsSync(join(work, 'typo.db'))).toBe(false);
  });
});

describe('tallyroom demo', () => {
  it('runs the whole pipeline on the demo county and prints a summary', () => {
    const run = tallyroomAsInstalled('demo', '--dir', 'demo-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Tally County/);
    expect(run.stdout).toMatch(/Precincts: 24 — missing 5, received 17, conflict 1, verified 1, certified 0/);
    expect(existsSync(join(work, 'demo-run', 'county.db'))).toBe(true);
    const check = JSON.parse(readFileSync(join(work, 'demo-run', 'check.json'), 'utf8'));
    expect(check.summary).toEqual({
      precincts: 18,
      withFindings: 2,
      byCode: { FINAL_EXCEEDS_FIRST: 1, ALLOCATION_MISMATCH: 1, MORE_VOTES_FEWER_DELEGATES: 1 },
    });
    expect(tallyroom('demo', '--dir', 'demo-run').code).toBe(2);
  });
});
