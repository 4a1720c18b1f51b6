/**
 * Pairing under attack, over real TLS on loopback (hub and station in this process so
 * the hub's clock can be moved): an expired code, too many wrong codes, a machine in the middle
 * relaying to the real hub with its own certificate, a fake hub that does not know the code, and
 * a QR whose fingerprint is not the certificate presented. None of them gets a station paired.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Api, createApi } from '../../electron/core/api';
import { openCountyStore } from '../../electron/core/store';
import type { CountyStore } from '../../electron/core/store/county-store';
import { loadOrCreateHubCertificate } from '../../electron/core/team/hub-certificate';
import {
  createStationApi,
  createTeamHub,
  type RunningHub,
  type StationHandle,
  startHub,
} from '../../electron/core/team-transport';
import { CHAIR } from '../helpers/county-team';
import { rawDatabase } from '../helpers/raw-database';
import { expectOk, RESOURCES_DIR, SMALL_COUNTY } from '../helpers/temp-county';

let dir: string;
let store: CountyStore;
let api: Api;
let hub: RunningHub;
let station: StationHandle;
let chair: string;
let now = Date.parse('2026-02-03T01:30:00Z');
const servers: Server[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tallyroom-pairing-'));
  store = openCountyStore(join(dir, 'county.db'));
  const clock = () => new Date(now);
  const team = createTeamHub({ store, dataDir: join(dir, 'hub'), clock });
  api = createApi({ store, resourcesDir: RESOURCES_DIR, team, clock });
  expectOk(await api.createCounty({ chair: CHAIR, setup: SMALL_COUNTY }));
  chair = expectOk(await api.signIn(CHAIR)).session;
  hub = expectOk(await startHub({ hub: team, api, host: '127.0.0.1', port: 0 }));
  station = expectOk(createStationApi({ dataDir: join(dir, 'station'), requestTimeoutMs: 10_000 }));
});

afterEach(async () => {
  await station.close();
  await hub.close();
  for (const server of servers.splice(0)) server.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const hubUrl = () => hub.urls[0] as string;
const codeError = async (hubAddress: string, code: string) => {
  const answer = await station.api.pairWithHub({ hubUrl: hubAddress, code, stationName: 'Table 1' });
  return answer.ok ? 'paired' : answer.error.code;
};

/** An HTTPS server with its own certificate on a free loopback port. */
async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const certificate = await loadOrCreateHubCertificate(join(dir, `other-${servers.length}`));
  const server = createServer({ key: certificate.keyPem, cert: certificate.certPem }, handler);
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

describe('pairing codes', () => {
  it('refuses a code after its ten minutes', async () => {
    const code = expectOk(await api.createPairingCode({ session: chair }));
    expect(Date.parse(code.expiresAt) - now).toBe(10 * 60_000);
    now += 10 * 60_000 + 1000;
    expect(await codeError(hubUrl(), code.code)).toBe('PAIRING_CODE_REFUSED');
    expect(station.status().paired).toBe(false);
  });

  it('pauses a machine after five wrong codes, and never cancels the chair’s code', async () => {
    const code = expectOk(await api.createPairingCode({ session: chair }));
    const wrong = ['11111-11111', '22222-22222', '33333-33333', '44444-44444'];
    for (const guess of wrong) expect(await codeError(hubUrl(), guess)).toBe('PAIRING_CODE_REFUSED');
    expect(await codeError(hubUrl(), '55555-55555')).toBe('PAIRING_LOCKED');
    // The same machine is paused, even with the right code...
    expect(await codeError(hubUrl(), code.code)).toBe('PAIRING_LOCKED');
    const audit = expectOk(await api.getAuditLog({ limit: 1000 })).entries.map((entry) => entry.action);
    expect(audit).toContain('team.pairing-client-paused');
    expect(audit).not.toContain('team.pairing-codes-cancelled');
    // ...and after its pause the chair's code, still open, pairs it.
    now += 5 * 60_000 + 1000;
    expect(await codeError(hubUrl(), code.code)).toBe('paired');
  });

  it('keeps only a hash of the code in the database', async () => {
    const code = expectOk(await api.createPairingCode({ session: chair }));
    const stored = JSON.stringify(rawDatabase(store).prepare('SELECT * FROM team_pairing_code').all());
    expect(stored).not.toContain(code.code);
    expect(stored).not.toContain(code.code.replace('-', ''));
  });
});

describe('someone between the station and the hub', () => {
  it('cannot get its certificate pinned by relaying to the real hub', async () => {
    const code = expectOk(await api.createPairingCode({ session: chair }));
    // Terminates the station's TLS with its own certificate and relays every request to the hub.
    const relay = await listen((incoming, outgoing) => {
      const forward = request(
        new URL(incoming.url ?? '/', hubUrl()),
        { method: incoming.method, headers: incoming.headers, rejectUnauthorized: false },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      incoming.pipe(forward);
    });
    expect(await codeError(relay, code.code)).toBe('PAIRING_CODE_REFUSED');
    expect(station.status().paired).toBe(false);
    expect(rawDatabase(store).prepare('SELECT count(*) AS n FROM team_station').get()).toEqual({ n: 0 });
    // The code was not used up by the relay: the station pairs once it talks to the hub itself.
    expect(await codeError(hubUrl(), code.code)).toBe('paired');
    expect(station.status().hubFingerprint).toBe(hub.fingerprint);
  });

  it('does not pin a fake hub that says yes without knowing the code', async () => {
    const fake = await listen((incoming, outgoing) => {
      const value = incoming.url?.endsWith('/pair/challenge')
        ? { hubNonce: 'n'.repeat(32) }
        : {
            stationId: 'st-12345678',
            token: 't'.repeat(43),
            hubProof: Buffer.alloc(32).toString('base64'),
            county: null,
          };
      incoming.resume();
      incoming.on('end', () => {
        outgoing.writeHead(200, { 'content-type': 'application/json' });
        outgoing.end(JSON.stringify({ ok: true, value }));
      });
    });
    expect(await codeError(fake, 'ABCDE-FGHJK')).toBe('HUB_NOT_GENUINE');
    expect(station.status().paired).toBe(false);
  });

  it('refuses a hub whose certificate is not the one in the QR', async () => {
    const code = expectOk(await api.createPairingCode({ session: chair }));
    const otherFingerprint = 'ab'.repeat(32);
    const qr = code.qrText.replace(/fp=[0-9a-f]+/, `fp=${otherFingerprint}`);
    expect(await codeError(qr, code.code)).toBe('HUB_NOT_GENUINE');
    expect(await codeError(code.qrText, code.code)).toBe('paired');
  });
});
