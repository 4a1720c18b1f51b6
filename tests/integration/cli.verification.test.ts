/** The command line and verification: init names the chair, imports go through the policy, the recount report. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/core/api';
import { openCountyStore } from '../../electron/core/store';
import { expectOk, RESOURCES_DIR } from '../helpers/temp-county';
import { testProgram } from '../helpers/test-programs';

const BIN = testProgram('tallyroom');
let work: string;

function tallyroom(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, CI: '', ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const HEADER =
  'county,precinct,precinct_delegates,sde_per_delegate,candidate,first_alignment,final_alignment,delegates_awarded,sde';
const result = (adams: number, baker: number) =>
  `${HEADER}\nStory County,S1,1,0.5,Adams,${adams},${adams},,\nStory County,S1,1,0.5,Baker,${baker},${baker},,\n`;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tallyroom-cli-verify-'));
  writeFileSync(
    join(work, 'county.csv'),
    `${HEADER}\nStory County,S1,1,0.5,Adams,,,,\nStory County,S1,1,0.5,Baker,,,,\n`,
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tallyroom and the verification policy', () => {
  it('init --chair names the chair, the PIN taken from the environment only', () => {
    const noPin = tallyroom({}, 'init', '--db', 'nopin.db', '--county', 'county.csv', '--chair', 'Alex Chair');
    expect(noPin.code).toBe(2);
    expect(noPin.stderr).toMatch(/TALLYROOM_CHAIR_PIN/);
    const made = tallyroom(
      { TALLYROOM_CHAIR_PIN: '864200' },
      'init',
      '--db',
      'county.db',
      '--county',
      'county.csv',
      '--chair',
      'Alex Chair',
    );
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/Alex Chair is the county chair/);
  });

  it('import --source manual by one operator twice stays received; a second operator verifies', () => {
    writeFileSync(join(work, 's1-a.csv'), result(12, 9));
    writeFileSync(join(work, 's1-b.csv'), result(12, 9).replaceAll('\n', '\r\n'));
    writeFileSync(join(work, 's1-c.csv'), `${result(12, 9)}\n`);
    const importAs = (operator: string, file: string) =>
      tallyroom({}, 'import', '--db', 'county.db', '--operator', operator, '--source', 'manual', '--json', file);
    expect(importAs('Jordan Lee', 's1-a.csv').code).toBe(0);
    expect(importAs('jordan lee', 's1-b.csv').code).toBe(0);
    const status = () => JSON.parse(tallyroom({}, 'status', '--db', 'county.db', '--json').stdout);
    expect(status().byPrecinct).toEqual([{ precinct: 'S1', status: 'received', sources: ['manual'], findings: [] }]);
    expect(importAs('Sam Ortiz', 's1-c.csv').code).toBe(0);
    expect(status().precincts).toMatchObject({ total: 1, verified: 1 });
  });

  it('recount-report writes the PDF and XLSX of every recount, with who did it', async () => {
    const store = openCountyStore(join(work, 'county.db'));
    try {
      const api = createApi({ store, resourcesDir: RESOURCES_DIR });
      const chair = expectOk(await api.signIn({ name: 'Alex Chair', pin: '864200' })).session;
      expectOk(await api.certifyPrecinct({ session: chair, pin: '864200', precinct: 'S1' }));
      const lines = [
        { candidate: 'Adams', firstAlignment: 10, finalAlignment: 10, delegatesAwarded: null },
        { candidate: 'Baker', firstAlignment: 11, finalAlignment: 11, delegatesAwarded: null },
      ];
      expectOk(await api.submitRecount({ session: chair, precinct: 'S1', lines, reason: 'Hand count of the cards.' }));
    } finally {
      store.close();
    }
    const pdf = tallyroom({}, 'recount-report', '--db', 'county.db', '--out', 'recount.pdf', '--json');
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(JSON.parse(pdf.stdout)).toMatchObject({ changes: 1, precincts: ['S1'] });
    expect(readFileSync(join(work, 'recount.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = tallyroom({}, 'recount-report', '--db', 'county.db', '--out', 'recount.xlsx');
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(xlsx.stdout).toMatch(/1 change to certified results \(recounts and corrections\) in 1 precinct/);
    const bad = tallyroom({}, 'recount-report', '--db', 'county.db', '--out', 'recount.txt');
    expect(bad.code).toBe(2);
  });
});
