/** SQL for team mode (migration 006): pairing codes, stations, delivered requests, report origins. */
import type { CountyStore } from './county-store';
import { databaseOf } from './database-of';

export interface PairingCodeRecord {
  readonly id: number;
  readonly codeHash: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly createdBy: string;
  readonly endedAt: string | null;
}

export interface StationRecord {
  readonly id: string;
  readonly name: string;
  readonly tokenHash: string;
  /** Ed25519 public key, SPKI DER in base64. */
  readonly publicKey: string;
  readonly pairedAt: string;
  readonly pairedBy: string;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
  readonly revokeReason: string | null;
}

export interface NewStation {
  readonly id: string;
  readonly name: string;
  readonly tokenHash: string;
  readonly publicKey: string;
  readonly pairedAt: string;
  readonly pairedBy: string;
  readonly codeId: number;
}

/** How a station's change reached the hub: over the network, or in a batch file on a stick. */
export const DELIVERY_ROUTES = ['network', 'batch'] as const;
export type DeliveryRoute = (typeof DELIVERY_ROUTES)[number];

/** How a pairing code ended: a station paired with it, or the chair's codes were cancelled. */
export const PAIRING_CODE_OUTCOMES = ['paired', 'cancelled'] as const;

export interface DeliveredRequest {
  readonly stationId: string;
  readonly requestId: string;
  readonly method: string;
  readonly via: DeliveryRoute;
  readonly operator: string | null;
  readonly receivedAt: string;
  /** JSON of the Result answered. */
  readonly response: string;
}

export function insertPairingCode(
  store: CountyStore,
  code: { codeHash: string; createdAt: string; expiresAt: string; createdBy: string },
): number {
  const info = databaseOf(store)
    .prepare('INSERT INTO team_pairing_code (code_hash, created_at, expires_at, created_by) VALUES (?, ?, ?, ?)')
    .run(code.codeHash, code.createdAt, code.expiresAt, code.createdBy);
  return Number(info.lastInsertRowid);
}

export function findPairingCode(store: CountyStore, id: number): PairingCodeRecord | null {
  const row = databaseOf(store)
    .prepare(
      `SELECT c.id, c.code_hash AS codeHash, c.created_at AS createdAt, c.expires_at AS expiresAt,
         c.created_by AS createdBy, e.ended_at AS endedAt
       FROM team_pairing_code c LEFT JOIN team_pairing_code_end e ON e.code_id = c.id WHERE c.id = ?`,
    )
    .get(id) as PairingCodeRecord | undefined;
  return row ?? null;
}

export function endPairingCode(
  store: CountyStore,
  codeId: number,
  at: string,
  outcome: (typeof PAIRING_CODE_OUTCOMES)[number],
): void {
  databaseOf(store)
    .prepare('INSERT OR IGNORE INTO team_pairing_code_end (code_id, ended_at, outcome) VALUES (?, ?, ?)')
    .run(codeId, at, outcome);
}

const STATION_COLUMNS = `s.id, s.name, s.token_hash AS tokenHash, s.public_key AS publicKey, s.paired_at AS pairedAt,
  s.paired_by AS pairedBy, r.revoked_at AS revokedAt, r.revoked_by AS revokedBy, r.reason AS revokeReason`;

export function insertStation(store: CountyStore, station: NewStation): void {
  databaseOf(store)
    .prepare(
      `INSERT INTO team_station (id, name, token_hash, public_key, paired_at, paired_by, code_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      station.id,
      station.name,
      station.tokenHash,
      station.publicKey,
      station.pairedAt,
      station.pairedBy,
      station.codeId,
    );
}

export function findStation(store: CountyStore, id: string): StationRecord | null {
  const row = databaseOf(store)
    .prepare(
      `SELECT ${STATION_COLUMNS} FROM team_station s
       LEFT JOIN team_station_revocation r ON r.station_id = s.id WHERE s.id = ?`,
    )
    .get(id) as StationRecord | undefined;
  return row ?? null;
}

export function listStations(store: CountyStore): StationRecord[] {
  return databaseOf(store)
    .prepare(
      `SELECT ${STATION_COLUMNS} FROM team_station s
       LEFT JOIN team_station_revocation r ON r.station_id = s.id ORDER BY s.paired_at, s.id`,
    )
    .all() as StationRecord[];
}

export function insertRevocation(
  store: CountyStore,
  revocation: { stationId: string; revokedAt: string; revokedBy: string; reason: string },
): void {
  databaseOf(store)
    .prepare('INSERT INTO team_station_revocation (station_id, revoked_at, revoked_by, reason) VALUES (?, ?, ?, ?)')
    .run(revocation.stationId, revocation.revokedAt, revocation.revokedBy, revocation.reason);
}

export function findDeliveredRequest(
  store: CountyStore,
  stationId: string,
  requestId: string,
): DeliveredRequest | null {
  const row = databaseOf(store)
    .prepare(
      `SELECT station_id AS stationId, request_id AS requestId, method, via, operator, received_at AS receivedAt, response
       FROM team_request WHERE station_id = ? AND request_id = ?`,
    )
    .get(stationId, requestId) as DeliveredRequest | undefined;
  return row ?? null;
}

export function insertDeliveredRequest(store: CountyStore, request: DeliveredRequest): void {
  databaseOf(store)
    .prepare(
      `INSERT INTO team_request (station_id, request_id, method, via, operator, received_at, response)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      request.stationId,
      request.requestId,
      request.method,
      request.via,
      request.operator,
      request.receivedAt,
      request.response,
    );
}

export function insertReportOrigin(
  store: CountyStore,
  origin: { reportId: number; stationId: string; requestId: string; operator: string },
): void {
  databaseOf(store)
    .prepare('INSERT INTO team_report_origin (report_id, station_id, request_id, operator) VALUES (?, ?, ?, ?)')
    .run(origin.reportId, origin.stationId, origin.requestId, origin.operator);
}

/** Reports received per station, for the progress view. */
export function reportCountsByStation(store: CountyStore): Map<string, number> {
  const rows = databaseOf(store)
    .prepare('SELECT station_id AS stationId, count(*) AS reports FROM team_report_origin GROUP BY station_id')
    .all() as { stationId: string; reports: number }[];
  return new Map(rows.map((row) => [row.stationId, row.reports]));
}

/** The last delivery from each station (last seen, across hub restarts). */
export function lastDeliveryByStation(store: CountyStore): Map<string, { at: string; operator: string | null }> {
  const rows = databaseOf(store)
    .prepare(`SELECT station_id AS stationId, max(received_at) AS at, operator FROM team_request GROUP BY station_id`)
    .all() as { stationId: string; at: string; operator: string | null }[];
  return new Map(rows.map((row) => [row.stationId, { at: row.at, operator: row.operator }]));
}

export function reportOrigin(
  store: CountyStore,
  reportId: number,
): { stationId: string; requestId: string; operator: string } | null {
  const row = databaseOf(store)
    .prepare(
      'SELECT station_id AS stationId, request_id AS requestId, operator FROM team_report_origin WHERE report_id = ?',
    )
    .get(reportId) as { stationId: string; requestId: string; operator: string } | undefined;
  return row ?? null;
}

/** Highest report id so far: reports above it after a delivery are the delivery's. */
export function lastReportId(store: CountyStore): number {
  const row = databaseOf(store).prepare('SELECT coalesce(max(id), 0) AS id FROM report').get() as { id: number };
  return row.id;
}

/** Reports after `afterId` entered by `operator`: what one delivery stored. */
export function reportsSince(store: CountyStore, afterId: number, operator: string): number[] {
  const rows = databaseOf(store)
    .prepare('SELECT id FROM report WHERE id > ? AND operator = ? ORDER BY id')
    .all(afterId, operator) as { id: number }[];
  return rows.map((row) => row.id);
}
