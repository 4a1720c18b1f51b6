/**
 * Team mode when the network fails: the hub is killed and restarted while a station
 * keeps entering (everything arrives exactly once), and with no network at all the station's
 * signed batch file is imported at the hub through the normal intake; an altered or forged
 * batch, or one from a revoked station, is refused. Hub and station are separate processes.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../electron/core/audit-log/canonical-json';
import { CHAIR, countyWithTeam, lines } from '../helpers/county-team';
import { expectOk, type TempCounty, tempCounty } from '../helpers/temp-county';
import {
  type HubProcess,
  startHubProcess,
  startStationProcess,
  stationStatus,
  type TeamProcess,
  untilDelivered,
} from './team-processes';

let county: TempCounty;
let hub: HubProcess;
let station: TeamProcess;
let hubPort: number;
let jordan: string;

const hubData = () => join(county.dir, 'hub');
const PRECINCTS = ['DM-01', 'DM-02', 'AL-01'] as const;

/** Entry number `n`: its own numbers, so every report is told apart. */
function entry(n: number) {
  return {
    session: jordan,
    precinct: PRECINCTS[n % 3] as string,
    lines: lines([
      [20 + n, 20 + n, null],
      [10, 10, null],
      [7, 7, null],
    ]),
    coinTosses: [],
  };
}

function count(sql: string, ...params: unknown[]): number {
  const db = new Database(county.dbPath, { readonly: true });
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  county = tempCounty();
  await countyWithTeam(county);
  county.store.close();
  [hub, station] = await Promise.all([
    startHubProcess({ dbPath: county.dbPath, dataDir: hubData() }),
    startStationProcess({ dataDir: join(county.dir, 'table-1') }),
  ]);
  hubPort = hub.port;
  const chair = expectOk(await hub.call('signIn', CHAIR)).session;
  const code = expectOk(await hub.call('createPairingCode', { session: chair })).code;
  expectOk(await station.call('pairWithHub', { hubUrl: hub.url, code, stationName: 'Table 1' }));
  jordan = expectOk(await station.call('signIn', { name: 'Jordan Lee', pin: '1111' })).session;
}, 180_000);

afterAll(async () => {
  await Promise.all([hub?.stop(), station?.stop()]);
  county.cleanup();
}, 60_000);

describe('the hub goes down mid-entry', () => {
  it('keeps accepting entries while the hub is killed and restarted; each arrives exactly once', async () => {
    const total = 24;
    const reportsBefore = count('SELECT count(*) AS n FROM report');
    let killed: Promise<void> | null = null;
    let restarted: Promise<HubProcess> | null = null;
    const answers = [];
    for (let n = 0; n < total; n++) {
      // Killed while the station is sending (no clean shutdown), and restarted while it keeps entering.
      if (n === 8) killed = hub.stop('SIGKILL');
      if (n === 14) {
        await killed;
        restarted = startHubProcess({ dbPath: county.dbPath, dataDir: hubData(), port: hubPort });
      }
      answers.push(await station.call('submitWorksheet', entry(n)));
    }
    hub = await (restarted as Promise<HubProcess>);
    const values = answers.map((answer) => expectOk(answer));
    expect(values.some((value) => value.queued !== undefined)).toBe(true);
    expect(values.slice(0, 8).every((value) => value.queued === undefined && value.reportId > 0)).toBe(true);

    const status = await untilDelivered(station);
    expect(status).toMatchObject({ queued: 0, refused: [] });
    expect(count('SELECT count(*) AS n FROM report')).toBe(reportsBefore + total);
    expect(count('SELECT count(*) AS n FROM team_request')).toBe(total);
    expect(count('SELECT count(DISTINCT request_id) AS n FROM team_report_origin')).toBe(total);
    // Every entry's own numbers are there once.
    for (let n = 0; n < total; n++) {
      const stored = count(
        `SELECT count(*) AS n FROM report_count c JOIN report r ON r.id = c.report_id
         JOIN candidate k ON k.id = c.candidate_id WHERE k.name = 'Adams' AND c.first_alignment = ?`,
        20 + n,
      );
      expect(stored, `entry ${n}`).toBe(1);
    }
  });
});

describe('no network: a signed batch on a USB stick', () => {
  let chair: string;
  let batch: { fileName: string; contentBase64: string; entries: number };
  const importAtHub = async (fileName: string, contentBase64: string) =>
    expectOk(await hub.call('importFiles', { session: chair, files: [{ fileName, contentBase64 }] }));

  it('imports the station’s entries at the hub, skipping those that came over the network', async () => {
    // The hub comes back at another address: the station cannot reach it.
    await hub.stop();
    hub = await startHubProcess({ dbPath: county.dbPath, dataDir: hubData() });
    chair = expectOk(await hub.call('signIn', CHAIR)).session;
    const reportsBefore = count('SELECT count(*) AS n FROM report');
    for (let n = 100; n < 103; n++) {
      expect(expectOk(await station.call('submitWorksheet', entry(n))).queued).toBeDefined();
    }
    expect((await stationStatus(station)).queued).toBe(3);

    batch = expectOk(await station.call('exportStationBatch', { session: jordan }));
    expect(batch.fileName.endsWith('.tallyroom-batch')).toBe(true);
    expect(batch.entries).toBe(27);
    const imported = await importAtHub(batch.fileName, batch.contentBase64);
    expect(imported).toMatchObject({ imported: 3, duplicates: 0, rejected: [] });
    expect(count('SELECT count(*) AS n FROM report')).toBe(reportsBefore + 3);
    expect(count("SELECT count(*) AS n FROM team_request WHERE via = 'batch'")).toBe(3);
    expect(count("SELECT count(*) AS n FROM team_report_origin WHERE operator = 'Jordan Lee'")).toBe(27);

    const again = await importAtHub(batch.fileName, batch.contentBase64);
    expect(again).toMatchObject({ imported: 0, duplicates: 1 });

    // The network comes back: the same entries arrive again over it and change nothing.
    await hub.stop();
    hub = await startHubProcess({ dbPath: county.dbPath, dataDir: hubData(), port: hubPort });
    chair = expectOk(await hub.call('signIn', CHAIR)).session;
    expectOk(await station.call('getOverview', {}));
    expect(await untilDelivered(station)).toMatchObject({ queued: 0, refused: [] });
    expect(count('SELECT count(*) AS n FROM report')).toBe(reportsBefore + 3);
  });

  it('refuses a batch changed after the station signed it, or signed by another key', async () => {
    const reportsBefore = count('SELECT count(*) AS n FROM report');
    const file = JSON.parse(Buffer.from(batch.contentBase64, 'base64').toString('utf8'));
    const last = file.batch.entries.at(-1);
    last.input.lines[0].firstAlignment = 999;
    last.requestId = 'forged-entry-0001';
    const altered = await importAtHub('altered.tallyroom-batch', Buffer.from(JSON.stringify(file)).toString('base64'));
    expect(altered.rejected.map((problem) => problem.code)).toEqual(['BATCH_SIGNATURE_INVALID']);

    const impostor = generateKeyPairSync('ed25519');
    const forged = {
      batch: file.batch,
      signature: sign(null, Buffer.from(canonicalJson(file.batch)), impostor.privateKey).toString('base64'),
    };
    const result = await importAtHub('forged.tallyroom-batch', Buffer.from(canonicalJson(forged)).toString('base64'));
    expect(result.rejected.map((problem) => problem.code)).toEqual(['BATCH_SIGNATURE_INVALID']);
    expect(result.rejected[0]?.message).toContain('Table 1');

    const stranger = { ...forged, batch: { ...file.batch, stationId: 'st-00000000' } };
    const unknown = await importAtHub(
      'stranger.tallyroom-batch',
      Buffer.from(canonicalJson(stranger)).toString('base64'),
    );
    expect(unknown.rejected.map((problem) => problem.code)).toEqual(['BATCH_UNKNOWN_STATION']);
    expect(count('SELECT count(*) AS n FROM report')).toBe(reportsBefore);
  });

  it('refuses the batch of a station the chair revoked', async () => {
    const stations = expectOk(await hub.call('listStations', {}));
    const stationId = stations[0]?.id ?? '';
    expectOk(await hub.call('revokeStation', { session: chair, stationId, reason: 'Stick found in the car park' }));
    const refused = await importAtHub(batch.fileName, batch.contentBase64);
    expect(refused.rejected.map((problem) => problem.code)).toEqual(['BATCH_STATION_REVOKED']);
  });
});
