/**
 * Every change a station sends carries a request id: the hub records which station (and person)
 * it came from under that id, so a request without one would skip that record and is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Api, createApi } from '../../electron/core/api';
import { openCountyStore } from '../../electron/core/store';
import type { CountyStore } from '../../electron/core/store/county-store';
import {
  createStationApi,
  createTeamHub,
  type RunningHub,
  type StationHandle,
  startHub,
} from '../../electron/core/team-transport';
import { CHAIR, lines } from '../helpers/county-team';
import { expectOk, RESOURCES_DIR, SMALL_COUNTY } from '../helpers/temp-county';

let dir: string;
let store: CountyStore;
let api: Api;
let hub: RunningHub;
let station: StationHandle;
let chair: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tallyroom-request-id-'));
  store = openCountyStore(join(dir, 'county.db'));
  const team = createTeamHub({ store, dataDir: join(dir, 'hub') });
  api = createApi({ store, resourcesDir: RESOURCES_DIR, team });
  expectOk(await api.createCounty({ chair: CHAIR, setup: SMALL_COUNTY }));
  chair = expectOk(await api.signIn(CHAIR)).session;
  hub = expectOk(await startHub({ hub: team, api, host: '127.0.0.1', port: 0 }));
  station = expectOk(createStationApi({ dataDir: join(dir, 'station'), retryIntervalMs: 100 }));
  const code = expectOk(await api.createPairingCode({ session: chair })).code;
  expectOk(await station.api.pairWithHub({ hubUrl: hub.urls[0] as string, code, stationName: 'Table 1' }));
});

afterEach(async () => {
  await station.close();
  await hub.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The station's credentials as its own database holds them (the test plays a hand-made client). */
function credentials(): string {
  const db = new Database(join(dir, 'station', 'station.db'), { readonly: true });
  const row = db.prepare('SELECT station_id AS id, token FROM station_pairing').get() as { id: string; token: string };
  db.close();
  return `Station ${row.id}.${row.token}`;
}

function post(
  path: string,
  body: unknown,
): Promise<{ status: number; body: { ok: boolean; error?: { code: string } } }> {
  const url = new URL(path, hub.urls[0] as string);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      {
        method: 'POST',
        rejectUnauthorized: false,
        headers: { 'content-type': 'application/json', authorization: credentials() },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('a station request', () => {
  it('is refused without a request id, and nothing is stored', async () => {
    const input = {
      session: chair,
      precinct: 'DM-01',
      reason: 'hand count',
      lines: lines([
        [20, 20, 4],
        [10, 10, 2],
        [7, 7, 1],
      ]),
    };
    const answer = await post('/team/v1/api/submitRecount', { input });
    expect(answer.status).toBe(400);
    expect(answer.body.ok).toBe(false);
    expect(expectOk(await api.getPrecinct({ precinct: 'DM-01' })).reports).toHaveLength(0);
  });

  it('with a malformed % in its address gets a plain answer, not an internal error', async () => {
    const answer = await post('/team/v1/api/%E0%A4%A', { requestId: 'abcdefgh12', input: {} });
    expect(answer.status).toBe(404);
    expect(answer.body.error?.code).toBe('UNKNOWN_METHOD');
  });
});

describe('revoking a station', () => {
  it('ends the sessions opened through it', async () => {
    expectOk(await api.addOperator({ session: chair, name: 'Riley Park', role: 'verifier', pin: '3333' }));
    const riley = expectOk(await station.api.signIn({ name: 'Riley Park', pin: '3333' })).session;
    expectOk(await api.getSession({ session: riley }));
    const [paired] = expectOk(await api.listStations({}));
    expectOk(await api.revokeStation({ session: chair, stationId: paired?.id as string, reason: 'laptop lost' }));
    const after = await api.getSession({ session: riley });
    expect(after.ok ? 'OK' : after.error.code).toBe('NOT_SIGNED_IN');
    // The chair's own session, opened on the hub, is untouched.
    expectOk(await api.getSession({ session: chair }));
  });
});
