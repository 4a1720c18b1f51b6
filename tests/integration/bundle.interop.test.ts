import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCountySigningKey } from '../../electron/core/signing/county-key';
import { formatMinisignPublicKey } from '../../electron/core/signing/minisign-public-key';
import type { TempCounty } from '../helpers/temp-county';
import { cleanCounty, exportCounty } from '../unit/bundle/bundle-fixtures';

/** The state party's three commands (docs/CONTRACTS.md), run with Debian's real minisign and coreutils. */
function verifyWithStandardTools(bagDir: string, publicKeyFile: string) {
  const run = (command: string, ...args: string[]) => {
    const result = spawnSync(command, args, { cwd: bagDir, encoding: 'utf8' });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  };
  return {
    minisign: run('minisign', '-Vm', 'tagmanifest-sha256.txt', '-p', publicKeyFile),
    tagManifest: run('sha256sum', '-c', 'tagmanifest-sha256.txt'),
    manifest: run('sha256sum', '-c', 'manifest-sha256.txt'),
  };
}

/** Unzips with the system's unzip where there is one, so a standard tool opens our zip too. */
function unzipTo(zipFile: string, into: string): void {
  if (spawnSync('unzip', ['-v']).status === 0) {
    expect(spawnSync('unzip', ['-q', zipFile, '-d', into]).status).toBe(0);
    return;
  }
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zipFile)))) {
    mkdirSync(dirname(join(into, name)), { recursive: true });
    writeFileSync(join(into, name), bytes);
  }
}

const key = generateCountySigningKey();
let county: TempCounty;
let work: string;
let publicKeyFile: string;

beforeAll(async () => {
  county = await cleanCounty('Story County', 4);
  work = mkdtempSync(join(tmpdir(), 'tallyroom-interop-'));
  publicKeyFile = join(work, 'county.pub');
  writeFileSync(publicKeyFile, formatMinisignPublicKey(key));
}, 60_000);
afterAll(() => {
  county.cleanup();
  rmSync(work, { recursive: true, force: true });
});

describe('a bundle verifies with standard tools alone', () => {
  it('a bag folder passes minisign -V and both sha256sum -c', () => {
    const bundle = exportCounty(county, key, join(work, 'story-folder'));
    const tools = verifyWithStandardTools(bundle.path, publicKeyFile);
    expect(tools.minisign.code, tools.minisign.output).toBe(0);
    expect(tools.minisign.output).toContain('Signature and comment signature verified');
    expect(tools.minisign.output).toContain(
      `Trusted comment: tallyroom-bundle {"county":"Story County","election":"Story County Caucus","sequence":${bundle.sequence},"status":"unofficial-complete"`,
    );
    expect(tools.tagManifest).toMatchObject({ code: 0 });
    expect(tools.tagManifest.output.trim().split('\n')).toEqual([
      'bag-info.txt: OK',
      'bagit.txt: OK',
      'manifest-sha256.txt: OK',
    ]);
    expect(tools.manifest).toMatchObject({ code: 0 });
    expect(tools.manifest.output.trim().split('\n')).toEqual([
      'data/audit-log.jsonl: OK',
      'data/results.csv: OK',
      'data/results.json: OK',
      'data/results.nist-1500-100.json: OK',
      'data/results.xlsx: OK',
    ]);
  });

  it('an unzipped .zip bundle passes the same three commands', () => {
    const bundle = exportCounty(county, key, join(work, 'story.zip'));
    const into = join(work, 'unzipped');
    unzipTo(bundle.path, into);
    const tools = verifyWithStandardTools(join(into, 'story'), publicKeyFile);
    expect(tools.minisign.code, tools.minisign.output).toBe(0);
    expect(tools.tagManifest.code, tools.tagManifest.output).toBe(0);
    expect(tools.manifest.code, tools.manifest.output).toBe(0);
  });

  it('minisign refuses a bundle whose tag manifest was changed, and sha256sum one whose data was', () => {
    const bundle = exportCounty(county, key, join(work, 'story-tampered'));
    const csv = join(bundle.path, 'data/results.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace(',Adams,20,', ',Adams,29,'));
    const tools = verifyWithStandardTools(bundle.path, publicKeyFile);
    expect(tools.minisign.code).toBe(0);
    expect(tools.manifest.code).not.toBe(0);
    expect(tools.manifest.output).toContain('data/results.csv: FAILED');

    const tag = join(bundle.path, 'tagmanifest-sha256.txt');
    writeFileSync(tag, `${readFileSync(tag, 'utf8')}\n`);
    expect(verifyWithStandardTools(bundle.path, publicKeyFile).minisign.code).not.toBe(0);
  });
});
