/**
 * Team mode: the chair's hub and two station laptops, each a separate process on
 * loopback. Pairing with a one-time code, entries from both stations recorded under their
 * station and operator, precincts shown as open where they are keyed, a revoked station
 * refused, and a station that pinned the hub's certificate refusing a different one.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAIR, countyWithTeam, lines } from '../helpers/county-team';
import { expectOk, type TempCounty, tempCounty } from '../helpers/temp-county';
import {
  type HubProcess,
  startHubProcess,
  startStationProcess,
  stationStatus,
  type TeamProcess,
} from './team-processes';

let county: TempCounty;
let hub: HubProcess;
let tableOne: TeamProcess;
let tableTwo: TeamProcess;
let chair: string;

const dm01 = lines([
  [20, 20, null],
  [10, 10, null],
  [7, 7, null],
]);

beforeAll(async () => {
  county = tempCounty();
  await countyWithTeam(county);
  county.store.close();
  [hub, tableOne, tableTwo] = await Promise.all([
    startHubProcess({ dbPath: county.dbPath, dataDir: join(county.dir, 'hub') }),
    startStationProcess({ dataDir: join(county.dir, 'table-1') }),
    startStationProcess({ dataDir: join(county.dir, 'table-2') }),
  ]);
  chair = expectOk(await hub.call('signIn', CHAIR)).session;
}, 120_000);

afterAll(async () => {
  await Promise.all([hub?.stop(), tableOne?.stop(), tableTwo?.stop()]);
  county.cleanup();
}, 60_000);

/** The hub's database as a reader sees it (the hub process keeps writing it). */
function hubDb<T>(read: (db: Database.Database) => T): T {
  const db = new Database(county.dbPath, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('pairing', () => {
  it('pairs a station with the one-time code and pins the hub’s certificate', async () => {
    const code = expectOk(await hub.call('createPairingCode', { session: chair }));
    expect(code.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(code.qrDataUrl.startsWith('data:image/png;base64,')).toBe(true);
    expect(code.qrText).toContain(encodeURIComponent(code.code));

    const wrong = await tableOne.call('pairWithHub', { hubUrl: hub.url, code: 'ZZZZZ-ZZZZZ', stationName: 'Table 1' });
    expect(wrong.ok ? null : wrong.error.code).toBe('PAIRING_CODE_REFUSED');
    expect((await stationStatus(tableOne)).paired).toBe(false);

    // Typed in lower case with the dash left out: still the code.
    const typed = code.code.replace('-', '').toLowerCase();
    const paired = expectOk(
      await tableOne.call('pairWithHub', { hubUrl: hub.url, code: typed, stationName: 'Table 1' }),
    );
    expect(paired).toMatchObject({ paired: true, stationName: 'Table 1', hubFingerprint: hub.fingerprint });
  });

  it('refuses a code that was already used, and only the chair makes codes', async () => {
    const used = expectOk(await hub.call('createPairingCode', { session: chair }));
    expectOk(await tableTwo.call('pairWithHub', { hubUrl: hub.url, code: used.code, stationName: 'Table 2' }));
    const third = startStationProcess({ dataDir: join(county.dir, 'table-3') });
    const station = await third;
    try {
      const again = await station.call('pairWithHub', { hubUrl: hub.url, code: used.code, stationName: 'Table 3' });
      expect(again.ok ? null : again.error.code).toBe('PAIRING_CODE_REFUSED');
    } finally {
      await station.stop();
    }
    const jordan = expectOk(await hub.call('signIn', { name: 'Jordan Lee', pin: '1111' })).session;
    const notChair = await hub.call('createPairingCode', { session: jordan });
    expect(notChair.ok ? null : notChair.error.code).toBe('NOT_ALLOWED');

    const stations = expectOk(await hub.call('listStations', {}));
    expect(stations.map((station) => station.name)).toEqual(['Table 1', 'Table 2']);
    expect(stations.every((station) => station.pairedBy === 'Pat Chair' && station.revokedAt === null)).toBe(true);
  });
});

describe('entries from two stations', () => {
  it('records which station and operator sent every report', async () => {
    const jordan = expectOk(await tableOne.call('signIn', { name: 'Jordan Lee', pin: '1111' })).session;
    const sam = expectOk(await tableTwo.call('signIn', { name: 'Sam Ortiz', pin: '2222' })).session;
    const [one, two] = await Promise.all([
      tableOne.call('submitWorksheet', { session: jordan, precinct: 'DM-01', lines: dm01, coinTosses: [] }),
      tableTwo.call('submitWorksheet', { session: sam, precinct: 'DM-01', lines: dm01, coinTosses: [] }),
    ]);
    const fromOne = expectOk(one);
    const fromTwo = expectOk(two);
    expect(fromOne.queued).toBeUndefined();
    expect(fromOne.reportId).toBeGreaterThan(0);

    // Two independent entries that agree: the hub's verification policy makes the precinct verified.
    const precinct = expectOk(await hub.call('getPrecinct', { precinct: 'DM-01' }));
    expect(precinct.status).toBe('verified');
    expect(precinct.reports.map((report) => report.operator).sort()).toEqual(['Jordan Lee', 'Sam Ortiz']);

    const stations = expectOk(await hub.call('listStations', {}));
    const idOf = (name: string) => stations.find((station) => station.name === name)?.id;
    const origins = hubDb((db) =>
      db
        .prepare(
          'SELECT report_id AS reportId, station_id AS stationId, operator FROM team_report_origin ORDER BY report_id',
        )
        .all(),
    );
    expect(origins).toEqual(
      expect.arrayContaining([
        { reportId: fromOne.reportId, stationId: idOf('Table 1'), operator: 'Jordan Lee' },
        { reportId: fromTwo.reportId, stationId: idOf('Table 2'), operator: 'Sam Ortiz' },
      ]),
    );
    const audit = expectOk(await hub.call('getAuditLog', { limit: 1000 }));
    const received = audit.entries.filter((entry) => entry.action === 'team.reports-received');
    expect(received.map((entry) => (entry.payload as { station: string }).station).sort()).toEqual(
      [idOf('Table 1'), idOf('Table 2')].sort(),
    );
    expect(stations.map((station) => [station.name, station.entriesReceived])).toEqual([
      ['Table 1', 1],
      ['Table 2', 1],
    ]);
  });

  it('says on the hub which station has a precinct open, and warns the second one', async () => {
    const jordan = expectOk(await tableOne.call('signIn', { name: 'Jordan Lee', pin: '1111' })).session;
    const sam = expectOk(await tableTwo.call('signIn', { name: 'Sam Ortiz', pin: '2222' })).session;
    const first = expectOk(await tableOne.call('openPrecinct', { session: jordan, precinct: 'DM-02' }));
    expect(first.alsoOpen).toEqual([]);
    const second = expectOk(
      await tableTwo.call('openPrecinct', { session: sam, precinct: 'DM-02', purpose: 'second-entry' }),
    );
    expect(second.alsoOpen).toMatchObject([{ precinct: 'DM-02', stationName: 'Table 1', operator: 'Jordan Lee' }]);

    const leases = expectOk(await hub.call('listPrecinctLeases', {}));
    expect(leases.map((lease) => [lease.precinct, lease.stationName, lease.operator, lease.purpose])).toEqual([
      ['DM-02', 'Table 1', 'Jordan Lee', 'entry'],
      ['DM-02', 'Table 2', 'Sam Ortiz', 'second-entry'],
    ]);
    expectOk(await tableOne.call('closePrecinct', { session: jordan, precinct: 'DM-02' }));
    const after = expectOk(await hub.call('listPrecinctLeases', {}));
    expect(after.map((lease) => lease.stationName)).toEqual(['Table 2']);
  });
});

describe('revocation and pinning', () => {
  it('refuses everything from a station the chair revoked, and only from it', async () => {
    const stations = expectOk(await hub.call('listStations', {}));
    const tableTwoId = stations.find((station) => station.name === 'Table 2')?.id ?? '';
    const sam = expectOk(await tableTwo.call('signIn', { name: 'Sam Ortiz', pin: '2222' })).session;
    const revoked = expectOk(
      await hub.call('revokeStation', { session: chair, stationId: tableTwoId, reason: 'Laptop left the building' }),
    );
    expect(revoked.revokedBy).toBe('Pat Chair');
    const reportsBefore = hubDb((db) => (db.prepare('SELECT count(*) AS n FROM report').get() as { n: number }).n);

    const entry = await tableTwo.call('submitWorksheet', {
      session: sam,
      precinct: 'AL-01',
      lines: dm01,
      coinTosses: [],
    });
    expect(entry.ok ? null : entry.error.code).toBe('STATION_REVOKED');
    const read = await tableTwo.call('getOverview', {});
    expect(read.ok ? null : read.error.code).toBe('STATION_REVOKED');
    expect((await stationStatus(tableTwo)).revoked).toBe(true);
    expect(hubDb((db) => (db.prepare('SELECT count(*) AS n FROM report').get() as { n: number }).n)).toBe(
      reportsBefore,
    );

    const jordan = expectOk(await tableOne.call('signIn', { name: 'Jordan Lee', pin: '1111' })).session;
    expectOk(
      await tableOne.call('submitWorksheet', { session: jordan, precinct: 'AL-01', lines: dm01, coinTosses: [] }),
    );
  });

  it('refuses a machine at the hub’s address that presents another certificate, and sends it nothing', async () => {
    const port = hub.port;
    await hub.stop();
    const otherData = join(county.dir, 'impostor');
    mkdirSync(otherData);
    hub = await startHubProcess({ dbPath: county.dbPath, dataDir: otherData, port });
    expect(hub.fingerprint).not.toBe((await stationStatus(tableOne)).hubFingerprint);
    const count = (sql: string) => hubDb((db) => (db.prepare(sql).get() as { n: number }).n);
    const requestsBefore = count('SELECT count(*) AS n FROM team_request');
    const signInsBefore = count("SELECT count(*) AS n FROM audit_log WHERE action = 'operator.signed-in'");

    const jordanRead = await tableOne.call('getOverview', {});
    expect(jordanRead.ok ? null : jordanRead.error.code).toBe('HUB_CERT_MISMATCH');
    const signIn = await tableOne.call('signIn', { name: 'Jordan Lee', pin: '1111' });
    expect(signIn.ok ? null : signIn.error.code).toBe('HUB_CERT_MISMATCH');
    // The handshake failed before the request was sent: no request, and no sign-in with the PIN typed.
    expect(count('SELECT count(*) AS n FROM team_request')).toBe(requestsBefore);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'operator.signed-in'")).toBe(signInsBefore);
  });
});
