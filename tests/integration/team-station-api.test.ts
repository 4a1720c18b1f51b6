/**
 * The station's API in detail (hub and station in this process, real TLS on loopback):
 * what a station does before pairing, reads kept for when the hub is away, an entry refused by
 * the hub after it was queued, changes other than entries recorded under their station, and
 * what a station leaves to the laptop its drives are plugged into.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Api, createApi } from '../../electron/core/api';
import { openCountyStore } from '../../electron/core/store';
import type { CountyStore } from '../../electron/core/store/county-store';
import { inspectStationBatch } from '../../electron/core/team/station-batch';
import {
  createStationApi,
  createTeamHub,
  type RunningHub,
  type StationHandle,
  startHub,
  type TeamHub,
} from '../../electron/core/team-transport';
import { CHAIR, lines } from '../helpers/county-team';
import { rawDatabase } from '../helpers/raw-database';
import { expectOk, RESOURCES_DIR, SMALL_COUNTY } from '../helpers/temp-county';

let dir: string;
let store: CountyStore;
let team: TeamHub;
let api: Api;
let hub: RunningHub;
let station: StationHandle;
let chair: string;

const dm01 = lines([
  [20, 20, null],
  [10, 10, null],
  [7, 7, null],
]);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tallyroom-station-api-'));
  store = openCountyStore(join(dir, 'county.db'));
  team = createTeamHub({ store, dataDir: join(dir, 'hub') });
  api = createApi({ store, resourcesDir: RESOURCES_DIR, team });
  expectOk(await api.createCounty({ chair: CHAIR, setup: SMALL_COUNTY }));
  chair = expectOk(await api.signIn(CHAIR)).session;
  expectOk(await api.addOperator({ session: chair, name: 'Riley Park', role: 'verifier', pin: '3333' }));
  hub = expectOk(await startHub({ hub: team, api, host: '127.0.0.1', port: 0 }));
  station = expectOk(createStationApi({ dataDir: join(dir, 'station'), retryIntervalMs: 100 }));
});

afterEach(async () => {
  await station.close();
  await hub.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function pair(): Promise<void> {
  const code = expectOk(await api.createPairingCode({ session: chair })).code;
  expectOk(await station.api.pairWithHub({ hubUrl: hub.urls[0] as string, code, stationName: 'Table 1' }));
}

const errorCode = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);

describe('a station', () => {
  it('before pairing, says so for everything but pairing and its own status', async () => {
    expect(errorCode(await station.api.getOverview({}))).toBe('NOT_PAIRED');
    expect(errorCode(await station.api.signIn({ name: 'Pat Chair', pin: '4321' }))).toBe('NOT_PAIRED');
    expect(expectOk(await station.api.getTeamStatus({}))).toMatchObject({
      mode: 'station',
      station: { paired: false },
    });
    expect(errorCode(await station.api.exportStationBatch({}))).toBe('NOT_PAIRED');
    await pair();
    expect(
      errorCode(
        await station.api.pairWithHub({ hubUrl: hub.urls[0] as string, code: '00000-00000', stationName: 'x' }),
      ),
    ).toBe('ALREADY_PAIRED');
    expect(errorCode(await station.api.createPairingCode({ session: chair }))).toBe('NOT_THE_HUB');
    expect(errorCode(await station.api.createCounty({ operator: 'X', setup: SMALL_COUNTY }))).toBe('NOT_THE_HUB');
  });

  it('still shows the last county overview while the hub is away', async () => {
    await pair();
    const seen = expectOk(await station.api.getOverview({}));
    const port = hub.port;
    await hub.close();
    expect(expectOk(await station.api.getOverview({}))).toEqual(seen);
    expect(errorCode(await station.api.getAuditLog({}))).toBe('HUB_UNREACHABLE');
    expect(station.status().connected).toBe(false);
    hub = expectOk(await startHub({ hub: team, api, host: '127.0.0.1', port }));
  });

  it('lists an entry the hub refused after it had been queued', async () => {
    await pair();
    const riley = expectOk(await station.api.signIn({ name: 'Riley Park', pin: '3333' })).session;
    const port = hub.port;
    await hub.close();
    const queued = expectOk(
      await station.api.submitWorksheet({ session: riley, precinct: 'NOT-A-PRECINCT', lines: dm01, coinTosses: [] }),
    );
    expect(queued.queued?.message).toContain('sent to the hub when the hub is back');
    hub = expectOk(await startHub({ hub: team, api, host: '127.0.0.1', port }));
    const status = await station.flush();
    expect(status.queued).toBe(0);
    expect(status.refused).toMatchObject([{ precinct: 'NOT-A-PRECINCT', error: { code: 'UNKNOWN_PRECINCT' } }]);
  });

  it('records under the station the reports of changes that are not queued (a recount)', async () => {
    await pair();
    const riley = expectOk(await station.api.signIn({ name: 'Riley Park', pin: '3333' })).session;
    const recount = expectOk(
      await station.api.submitRecount({
        session: riley,
        precinct: 'DM-01',
        lines: dm01,
        coinTosses: [],
        reason: 'Hand count of the paper',
      }),
    );
    const origin = rawDatabase(store)
      .prepare('SELECT station_id AS stationId, operator FROM team_report_origin WHERE report_id = ?')
      .get(recount.reportId);
    expect(origin).toEqual({ stationId: station.status().stationId, operator: 'Riley Park' });
  });

  it('shows a batch on a drive before import: its precincts, then "already imported"', async () => {
    await pair();
    const riley = expectOk(await station.api.signIn({ name: 'Riley Park', pin: '3333' })).session;
    await hub.close();
    for (const precinct of ['DM-01', 'DM-02']) {
      expect(
        expectOk(await station.api.submitWorksheet({ session: riley, precinct, lines: dm01, coinTosses: [] })).queued,
      ).toBeDefined();
    }
    const batch = expectOk(await station.api.exportStationBatch({ session: riley }));
    const bytes = new Uint8Array(Buffer.from(batch.contentBase64, 'base64'));
    expect(inspectStationBatch(store, batch.fileName, bytes)).toEqual({
      precincts: ['DM-01', 'DM-02'],
      alreadyImported: false,
      problem: null,
    });
    const imported = expectOk(
      await api.importFiles({
        session: chair,
        files: [{ fileName: batch.fileName, contentBase64: batch.contentBase64 }],
      }),
    );
    expect(imported).toMatchObject({ imported: 2, rejected: [] });
    expect(inspectStationBatch(store, batch.fileName, bytes)).toMatchObject({ alreadyImported: true, problem: null });
    const tampered = new Uint8Array(Buffer.from(Buffer.from(bytes).toString('utf8').replace('"DM-02"', '"AL-01"')));
    expect(inspectStationBatch(store, batch.fileName, tampered).problem?.code).toBe('BATCH_SIGNATURE_INVALID');
    hub = expectOk(await startHub({ hub: team, api, host: '127.0.0.1', port: 0 }));
  });

  it('leaves drives to the laptop they are plugged into', async () => {
    await pair();
    const call = (
      station.api as unknown as Record<string, (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>>
    ).listDriveInboxes;
    if (call) expect(errorCode(await call({}))).toBe('NOT_ON_A_STATION');
  });
});
