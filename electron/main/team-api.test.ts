/**
 * The shell's Api for each mode, with the real core: a county alone, a county as the hub (real
 * TLS on loopback, a real station pairing with it), a hub whose port is taken, and the teamHub
 * setting that makes the hub start on every start.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHAIR } from '../../tests/helpers/county-team';
import { rawDatabase } from '../../tests/helpers/raw-database';
import { expectOk, RESOURCES_DIR, SMALL_COUNTY } from '../../tests/helpers/temp-county';
import { type CountyStore, openCountyStore } from '../core/store';
import { saveTeamHubSetting, teamHubSetting } from '../core/team/team-hub-setting';
import { type AppApi, startCountyApi, startStationApi } from './team-api';
import { type HubPlan, hubPlan } from './team-mode';

let dir: string;
let store: CountyStore;
const opened: AppApi[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tallyroom-team-api-'));
  store = openCountyStore(join(dir, 'county.db'));
});

afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const loopbackPlan = (port = 0): HubPlan => ({ dataDir: join(dir, 'team-hub'), port, host: '127.0.0.1' });
const track = (app: AppApi) => {
  opened.push(app);
  return app;
};

describe('startCountyApi', () => {
  it('is the county alone without a plan', async () => {
    const county = track(await startCountyApi({ store, resourcesDir: RESOURCES_DIR }, null));
    expect(expectOk(await county.api.getTeamStatus({}))).toEqual({ mode: 'standalone' });
    expect(county.hub).toBeNull();
  });

  it('runs the hub a station pairs with, and keeps its certificate across restarts', async () => {
    const county = track(await startCountyApi({ store, resourcesDir: RESOURCES_DIR }, loopbackPlan()));
    expect(county.problem).toBeNull();
    const hub = county.hub;
    if (!hub) throw new Error('the hub should be listening');
    expectOk(await county.api.createCounty({ chair: CHAIR, setup: SMALL_COUNTY }));
    const chair = expectOk(await county.api.signIn(CHAIR)).session;
    const code = expectOk(await county.api.createPairingCode({ session: chair })).code;

    const station = track(expectOk(startStationApi(join(dir, 'station'))));
    const paired = expectOk(
      await station.api.pairWithHub({ hubUrl: hub.urls[0] as string, code, stationName: 'Table 1' }),
    );
    expect(paired.paired).toBe(true);
    expect(paired.hubFingerprint).toBe(hub.fingerprint);
    const status = expectOk(await county.api.getTeamStatus({}));
    expect(status.mode === 'hub' && status.stations.map((s) => s.name)).toEqual(['Table 1']);

    // Quit: the hub stops listening (closing twice is harmless), and the station can no longer read.
    await county.close();
    await county.close();
    const unreachable = await station.api.getOverview({});
    expect(unreachable.ok ? 'answered' : unreachable.error.code).toBe('HUB_UNREACHABLE');

    // The next start presents the same certificate: the paired station still trusts this hub.
    const again = track(await startCountyApi({ store, resourcesDir: RESOURCES_DIR }, loopbackPlan()));
    expect(again.hub?.fingerprint).toBe(hub.fingerprint);
  });

  it('keeps the county usable on this laptop and says why when the hub port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const county = track(await startCountyApi({ store, resourcesDir: RESOURCES_DIR }, loopbackPlan(port)));
      expect(county.hub).toBeNull();
      expect(county.problem).toContain(`port ${port}`);
      expectOk(await county.api.createCounty({ chair: CHAIR, setup: SMALL_COUNTY }));
      expect(expectOk(await county.api.getElection({}))).not.toBeNull();
    } finally {
      await new Promise<void>((done) => blocker.close(() => done()));
    }
  });
});

describe('closing on quit', () => {
  it('closes the county API with it (the OCR engine with its worker threads): nothing is read after quit', async () => {
    const county = await startCountyApi({ store, resourcesDir: RESOURCES_DIR }, loopbackPlan());
    expectOk(await county.api.createCounty({ chair: CHAIR, setup: SMALL_COUNTY }));
    const session = expectOk(await county.api.signIn(CHAIR)).session;
    const scan = readFileSync(join(import.meta.dirname, '../../tests/fixtures/scans/blank.png'));
    expectOk(
      await county.api.importFiles({
        session,
        source: 'scan',
        files: [{ fileName: 'blank.png', contentBase64: scan.toString('base64') }],
      }),
    );
    const scanId = expectOk(await county.api.listScanQueue({}))[0]?.importFileId as number;
    await county.close();
    const read = await county.api.readScan({ session, scanId });
    expect(read.ok || read.error.code).toBe('APP_CLOSING');
  });
});

describe('the teamHub setting', () => {
  it('is saved append-only with an audit entry, and turns the hub on for every start', async () => {
    const county = track(await startCountyApi({ store, resourcesDir: RESOURCES_DIR }, null));
    expectOk(await county.api.createCounty({ chair: CHAIR, setup: SMALL_COUNTY }));
    expect(teamHubSetting(store)).toBeNull();
    const at = '2026-02-03T01:00:00.000Z';
    saveTeamHubSetting(store, { value: { enabled: true, port: 8443 }, at, operator: CHAIR.name });
    saveTeamHubSetting(store, { value: { enabled: true, port: 8443 }, at, operator: CHAIR.name });
    expect(teamHubSetting(store)).toEqual({ enabled: true, port: 8443 });
    const audit = rawDatabase(store)
      .prepare("SELECT payload FROM audit_log WHERE action = 'settings.changed' ORDER BY seq")
      .all() as { payload: string }[];
    expect(audit.map((row) => JSON.parse(row.payload).setting)).toEqual(['teamHub']);
    const plan = hubPlan({
      launch: { team: undefined },
      databasePath: join(dir, 'county.db'),
      setting: teamHubSetting(store),
    });
    expect(plan).toEqual({ dataDir: join(dir, 'team-hub'), port: 8443, host: '0.0.0.0' });

    saveTeamHubSetting(store, { value: { enabled: false, port: 8443 }, at, operator: CHAIR.name });
    expect(
      hubPlan({ launch: { team: undefined }, databasePath: join(dir, 'county.db'), setting: teamHubSetting(store) }),
    ).toBeNull();
    expect(() => rawDatabase(store).prepare("DELETE FROM setting WHERE name = 'teamHub'").run()).toThrow(/append-only/);
  });
});
