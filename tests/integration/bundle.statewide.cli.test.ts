import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATEWIDE_FILES } from '../../electron/core/bundle/statewide-export';
import { generateCountySigningKey } from '../../electron/core/signing/county-key';
import { formatMinisignPublicKey } from '../../electron/core/signing/minisign-public-key';
import { testProgram } from '../helpers/test-programs';

const BIN = testProgram('tallyroom');
let work: string;

/** The real `tallyroom` command in a subprocess, as a script runs it. */
function tallyroom(args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: work,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, CI: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tallyroom-statewide-cli-'));
  expect(tallyroom(['demo', '--dir', 'demo', '--json']).code).toBe(0);
  mkdirSync(join(work, 'registry'));
  copyFileSync(join(work, 'demo/keys/county.pub'), join(work, 'registry/county.pub'));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tallyroom aggregate --out DIR', () => {
  it('writes the statewide files and leaves stdout and the exit code as they are without it', () => {
    const plain = tallyroom(['aggregate', '--keys', 'registry', 'demo/bundle.zip', '--json']);
    const withOut = tallyroom(['aggregate', '--keys', 'registry', 'demo/bundle.zip', '--json', '--out', 'state/out']);
    // The demo county has rule findings, so both say "problems found" (1).
    expect(withOut.code).toBe(plain.code);
    expect(JSON.parse(withOut.stdout)).toEqual(JSON.parse(plain.stdout));
    expect(withOut.stderr).toContain('Statewide results written:');
    expect(readdirSync(join(work, 'state/out')).sort()).toEqual(Object.values(STATEWIDE_FILES).sort());
    const document = JSON.parse(readFileSync(join(work, 'state/out', STATEWIDE_FILES.json), 'utf8'));
    expect(document.totals).toEqual(JSON.parse(plain.stdout).totals);
    expect(document.byCounty[0]).toMatchObject({ county: 'Tally County', sequence: 1 });
    expect(readFileSync(join(work, 'state/out', STATEWIDE_FILES.csv), 'utf8')).toMatch(
      /^county,precinct,precinct_delegates,/,
    );
  }, 180_000);

  it('writes nothing when no bundle is counted, and says why', () => {
    // Another county's key under the very name of the demo county's key file: the name counts for nothing.
    mkdirSync(join(work, 'empty-registry'));
    writeFileSync(
      join(work, 'empty-registry/county.pub'),
      formatMinisignPublicKey(generateCountySigningKey(), 'Other County'),
    );
    const run = tallyroom(['aggregate', '--keys', 'empty-registry', 'demo/bundle.zip', '--out', 'none']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No county bundle was counted');
    expect(run.stdout).toMatch(/none of the public keys given is that key/);
    expect(existsSync(join(work, 'none'))).toBe(false);
  }, 120_000);
});
