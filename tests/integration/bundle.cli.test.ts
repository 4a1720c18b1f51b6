import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProgram } from '../helpers/test-programs';

const BIN = testProgram('tallyroom');
const PASSPHRASE = 'correct horse battery staple';
let work: string;

/** The real `tallyroom` command in a subprocess, stdin not a terminal (as in a script). */
function tallyroom(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: work,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, CI: '', TALLYROOM_KEY_PASSPHRASE: PASSPHRASE, ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tallyroom-bundle-cli-'));
  expect(tallyroom(['demo', '--dir', 'demo', '--json']).code).toBe(0);
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tallyroom keygen, export, verify, aggregate', () => {
  it('demo makes a signed bundle that verifies (and lists the demo county’s rule findings)', () => {
    const verify = tallyroom(['verify', 'demo/bundle.zip', '--pubkey', 'demo/keys/county.pub', '--json']);
    expect(verify.code).toBe(1);
    const report = JSON.parse(verify.stdout);
    expect(report).toMatchObject({ valid: false, authentic: true, problems: [], county: 'Tally County', sequence: 1 });
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it('keygen refuses to run without a passphrase when there is no terminal, with one sentence', () => {
    const run = tallyroom(['keygen', '--out', 'no-pass'], { TALLYROOM_KEY_PASSPHRASE: '' });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr.trim()).toBe(
      'Set the county key passphrase in the environment variable TALLYROOM_KEY_PASSPHRASE; there is no terminal to ask for it.',
    );
  });

  it('keygen, export, verify and aggregate from the command line', () => {
    const keygen = tallyroom(['keygen', '--out', 'key', '--json']);
    expect(keygen.code, keygen.stderr).toBe(0);
    const key = JSON.parse(keygen.stdout);
    expect(key.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(readFileSync(join(work, 'key/county.pub'), 'utf8')).toMatch(
      /^untrusted comment: minisign public key [0-9A-F]{16}\n/,
    );
    expect(tallyroom(['keygen', '--out', 'key']).code).toBe(2);

    const wrong = tallyroom(['export', '--db', 'demo/county.db', '--key', 'key', '--out', 'x.zip'], {
      TALLYROOM_KEY_PASSPHRASE: 'not the passphrase',
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^The passphrase does not open the county key/);

    const exported = tallyroom(['export', '--db', 'demo/county.db', '--key', 'key', '--out', 'tally-2.zip', '--json']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ sequence: 2, format: 'zip', status: 'unofficial-partial' });
    const folder = tallyroom(['export', '--db', 'demo/county.db', '--key', 'key', '--out', 'tally-3']);
    expect(folder.code, folder.stderr).toBe(0);
    expect(folder.stdout).toContain('Exported bundle 3 (unofficial-partial)');

    const verify = tallyroom(['verify', 'tally-3', '--pubkey', 'key/county.pub']);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('is authentic, but its results break the caucus rules');
    expect(tallyroom(['verify', 'tally-3', '--pubkey', 'demo/keys/county.pub', '--json']).code).toBe(1);
    expect(tallyroom(['verify', 'nowhere', '--pubkey', 'key/county.pub']).code).toBe(2);
    expect(tallyroom(['verify', 'tally-3']).code).toBe(2);

    const bag = join(work, 'tally-3/bag-info.txt');
    writeFileSync(bag, readFileSync(bag, 'utf8').replace('Status: unofficial-partial', 'Status: certified'));
    const tampered = JSON.parse(tallyroom(['verify', 'tally-3', '--pubkey', 'key/county.pub', '--json']).stdout);
    expect(tampered.authentic).toBe(false);
    expect(tampered.problems.map((problem: { code: string }) => problem.code)).toContain('FILE_CHANGED');

    mkdirSync(join(work, 'registry'));
    // The key as keygen wrote it, not renamed: keys are matched by key id, the county is the bundle's.
    copyFileSync(join(work, 'key/county.pub'), join(work, 'registry/county.pub'));
    const aggregate = tallyroom([
      'aggregate',
      '--keys',
      'registry',
      'tally-2.zip',
      'tally-3',
      'demo/bundle.zip',
      '--json',
    ]);
    expect(aggregate.code).toBe(1);
    const result = JSON.parse(aggregate.stdout);
    expect(result.counties).toEqual({ registered: 1, reporting: 1 });
    expect(result.byCounty[0]).toMatchObject({ county: 'Tally County', sequence: 2 });
    expect(result.rejected.map((entry: { code: string }) => entry.code).sort()).toEqual([
      'TAMPERED',
      'UNREGISTERED_KEY',
    ]);
    expect(tallyroom(['aggregate', '--keys', 'nowhere', 'tally-2.zip']).code).toBe(2);
    // Fourteen subprocesses, each starting tsx: slow on a busy 2-core machine, not a hang.
  }, 180_000);
});
