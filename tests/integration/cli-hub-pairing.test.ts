/**
 * `tallyroom hub pairing-code`: the chair asks the running hub for a one-time code from a shell,
 * through the hub's control API (docs/TEAM.md), and a station really pairs with it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStationApi } from '../../electron/core/team-transport';
import { CHAIR, countyWithTeam } from '../helpers/county-team';
import { expectOk, type TempCounty, tempCounty } from '../helpers/temp-county';
import { testProgram } from '../helpers/test-programs';
import { type HubProcess, startHubProcess } from './team-processes';

let county: TempCounty;
let hub: HubProcess;
const hubData = () => join(county.dir, 'hub');

function pairingCode(pin: string | undefined, ...extra: string[]) {
  const run = spawnSync(
    process.execPath,
    [testProgram('tallyroom'), 'hub', 'pairing-code', '--db', county.dbPath, '--data', hubData(), ...extra],
    { encoding: 'utf8', env: { ...process.env, TALLYROOM_CHAIR_PIN: pin ?? '' } },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  county = tempCounty();
  await countyWithTeam(county);
  county.store.close();
  hub = await startHubProcess({ dbPath: county.dbPath, dataDir: hubData() });
}, 120_000);

afterAll(async () => {
  await hub?.stop();
  county.cleanup();
}, 60_000);

describe('tallyroom hub pairing-code', () => {
  it('prints a one-time code a station pairs with', async () => {
    const control = join(hubData(), 'control.json');
    expect(statSync(control).mode & 0o777).toBe(0o600);
    const run = pairingCode(CHAIR.pin, '--chair', CHAIR.name, '--json');
    expect(run.code, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as { code: string; fingerprint: string; qrText: string; hubUrls: string[] };
    expect(answer.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(answer.fingerprint).toBe(hub.fingerprint);
    expect(answer.qrText).toContain(answer.code);

    const station = expectOk(createStationApi({ dataDir: join(county.dir, 'table-1'), retryIntervalMs: 100 }));
    try {
      expectOk(await station.api.pairWithHub({ hubUrl: hub.url, code: answer.code, stationName: 'Table 1' }));
      // Once: the same code does not pair a second station.
      const second = expectOk(createStationApi({ dataDir: join(county.dir, 'table-2'), retryIntervalMs: 100 }));
      try {
        const again = await second.api.pairWithHub({ hubUrl: hub.url, code: answer.code, stationName: 'Table 2' });
        expect(again.ok).toBe(false);
      } finally {
        await second.close();
      }
    } finally {
      await station.close();
    }
  });

  it('prints the code for a person without --json', () => {
    const run = pairingCode(CHAIR.pin, '--chair', CHAIR.name);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Pairing code: \w{5}-\w{5} {2}\(once, until .+\)$/m);
    expect(run.stdout).toContain(`Certificate fingerprint: ${hub.fingerprint}`);
  });

  it('refuses a wrong PIN and someone who is not the chair, in one sentence, exit 2', () => {
    const wrong = pairingCode('0000', '--chair', CHAIR.name);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    const notChair = pairingCode('1111', '--chair', 'Jordan Lee');
    expect(notChair.code).toBe(2);
    expect(notChair.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('asks for the PIN in the environment when there is no terminal', () => {
    const run = pairingCode(undefined, '--chair', CHAIR.name);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/TALLYROOM_CHAIR_PIN/);
  });

  it('says how to start the hub when none is running, and the hub removes its control file on stopping', async () => {
    await hub.stop();
    expect(existsSync(join(hubData(), 'control.json'))).toBe(false);
    const run = pairingCode(CHAIR.pin, '--chair', CHAIR.name);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--control-port 0/);
  });
});
