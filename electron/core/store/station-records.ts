/**
 * A station's own small database (team mode, docs/TEAM.md): its pairing with the hub (pinned
 * certificate, credentials, batch signing key), the outbox of changes waiting for the hub, the
 * hub's answers, and the last answer to each read (so the screen still works while the hub is
 * away). WAL and synchronous=FULL like the county database: a change the station said was
 * saved survives a power cut. The outbox is append-only; answers are rows of their own.
 */

import { join } from 'node:path';
import { migrate, openDatabase, type SqliteDatabase } from './database';
import { databaseOf, keepDatabase } from './database-of';
import type { Migration } from './migrations';
import { makeOwnerOnlyFolder } from './owner-only';

const STATION_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'station',
    sql: `
CREATE TABLE station_pairing (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  station_id TEXT NOT NULL CHECK (length(station_id) = 11),
  station_name TEXT NOT NULL CHECK (length(station_name) > 0),
  hub_url TEXT NOT NULL,
  hub_fingerprint TEXT NOT NULL,
  hub_cert_pem TEXT NOT NULL,
  token TEXT NOT NULL,
  private_key_pem TEXT NOT NULL,
  public_key TEXT NOT NULL,
  county TEXT,
  paired_at TEXT NOT NULL
) STRICT;

CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY,
  request_id TEXT NOT NULL UNIQUE,
  method TEXT NOT NULL,
  -- The API input as given (with the session token the hub checks).
  input TEXT NOT NULL,
  -- Who was signed in, and the sha256 of their session token (what the hub stores): for batch files.
  operator TEXT,
  session_hash TEXT,
  precinct TEXT,
  queued_at TEXT NOT NULL
) STRICT;

CREATE TABLE outbox_answer (
  seq INTEGER PRIMARY KEY REFERENCES outbox(seq),
  answered_at TEXT NOT NULL,
  ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
  -- 1 when the person had already been told "queued": a refusal then must be shown later.
  late INTEGER NOT NULL CHECK (late IN (0, 1)),
  response TEXT NOT NULL
) STRICT;

CREATE TABLE read_cache (
  key TEXT PRIMARY KEY,
  response TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;

CREATE TRIGGER station_pairing_is_append_only_update BEFORE UPDATE ON station_pairing
  BEGIN SELECT RAISE(ABORT, 'the pairing is append-only'); END;
CREATE TRIGGER station_pairing_is_append_only_delete BEFORE DELETE ON station_pairing
  BEGIN SELECT RAISE(ABORT, 'the pairing is append-only'); END;
CREATE TRIGGER outbox_is_append_only_update BEFORE UPDATE ON outbox
  BEGIN SELECT RAISE(ABORT, 'the outbox is append-only'); END;
CREATE TRIGGER outbox_is_append_only_delete BEFORE DELETE ON outbox
  BEGIN SELECT RAISE(ABORT, 'the outbox is append-only'); END;
CREATE TRIGGER outbox_answer_is_append_only_update BEFORE UPDATE ON outbox_answer
  BEGIN SELECT RAISE(ABORT, 'outbox answers are append-only'); END;
CREATE TRIGGER outbox_answer_is_append_only_delete BEFORE DELETE ON outbox_answer
  BEGIN SELECT RAISE(ABORT, 'outbox answers are append-only'); END;
`,
  },
];

export interface StationPairingRecord {
  readonly stationId: string;
  readonly stationName: string;
  readonly hubUrl: string;
  readonly hubFingerprint: string;
  readonly hubCertPem: string;
  readonly token: string;
  readonly privateKeyPem: string;
  readonly publicKey: string;
  readonly county: string | null;
  readonly pairedAt: string;
}

export interface OutboxEntry {
  readonly seq: number;
  readonly requestId: string;
  readonly method: string;
  /** JSON text of the input. */
  readonly input: string;
  readonly operator: string | null;
  readonly sessionHash: string | null;
  readonly precinct: string | null;
  readonly queuedAt: string;
}

export interface OutboxAnswer {
  readonly seq: number;
  readonly answeredAt: string;
  readonly ok: boolean;
  readonly late: boolean;
  readonly response: string;
}

/** The station database in `dataDir` (created, owner-only, on first use). */
/** The station's own database (station.db: pairing, outbox, cached answers); its connection stays in store/. */
export class StationStore {
  private readonly connection: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.connection = db;
    keepDatabase(this, db);
  }

  close(): void {
    this.connection.close();
  }
}

export function openStationDatabase(dataDir: string, nativeBinding?: string): StationStore {
  // It holds the station's credentials and signing key: its owner's only (openDatabase makes the file 0600).
  makeOwnerOnlyFolder(dataDir);
  const path = join(dataDir, 'station.db');
  const db = openDatabase(path, nativeBinding ? { nativeBinding } : {});
  migrate(db, STATION_MIGRATIONS);
  return new StationStore(db);
}

export function findStationPairing(station: StationStore): StationPairingRecord | null {
  const db = databaseOf(station);
  const row = db
    .prepare(
      `SELECT station_id AS stationId, station_name AS stationName, hub_url AS hubUrl, hub_fingerprint AS hubFingerprint,
         hub_cert_pem AS hubCertPem, token, private_key_pem AS privateKeyPem, public_key AS publicKey, county,
         paired_at AS pairedAt
       FROM station_pairing WHERE id = 1`,
    )
    .get() as StationPairingRecord | undefined;
  return row ?? null;
}

export function insertStationPairing(station: StationStore, pairing: StationPairingRecord): void {
  const db = databaseOf(station);
  db.prepare(
    `INSERT INTO station_pairing (id, station_id, station_name, hub_url, hub_fingerprint, hub_cert_pem, token,
       private_key_pem, public_key, county, paired_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    pairing.stationId,
    pairing.stationName,
    pairing.hubUrl,
    pairing.hubFingerprint,
    pairing.hubCertPem,
    pairing.token,
    pairing.privateKeyPem,
    pairing.publicKey,
    pairing.county,
    pairing.pairedAt,
  );
}

export function insertOutboxEntry(station: StationStore, entry: Omit<OutboxEntry, 'seq'>): number {
  const db = databaseOf(station);
  const info = db
    .prepare(
      `INSERT INTO outbox (request_id, method, input, operator, session_hash, precinct, queued_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(entry.requestId, entry.method, entry.input, entry.operator, entry.sessionHash, entry.precinct, entry.queuedAt);
  return Number(info.lastInsertRowid);
}

const OUTBOX_COLUMNS = `o.seq, o.request_id AS requestId, o.method, o.input, o.operator, o.session_hash AS sessionHash,
  o.precinct, o.queued_at AS queuedAt`;

/** The oldest change the hub has not answered: changes are delivered in the order they were made. */
export function firstUnanswered(station: StationStore): OutboxEntry | null {
  const db = databaseOf(station);
  const row = db
    .prepare(
      `SELECT ${OUTBOX_COLUMNS} FROM outbox o LEFT JOIN outbox_answer a ON a.seq = o.seq
       WHERE a.seq IS NULL ORDER BY o.seq LIMIT 1`,
    )
    .get() as OutboxEntry | undefined;
  return row ?? null;
}

export function listOutbox(station: StationStore): OutboxEntry[] {
  const db = databaseOf(station);
  return db.prepare(`SELECT ${OUTBOX_COLUMNS} FROM outbox o ORDER BY o.seq`).all() as OutboxEntry[];
}

export function insertOutboxAnswer(station: StationStore, answer: OutboxAnswer): void {
  const db = databaseOf(station);
  db.prepare('INSERT OR IGNORE INTO outbox_answer (seq, answered_at, ok, late, response) VALUES (?, ?, ?, ?, ?)').run(
    answer.seq,
    answer.answeredAt,
    answer.ok ? 1 : 0,
    answer.late ? 1 : 0,
    answer.response,
  );
}

export function findOutboxAnswer(station: StationStore, seq: number): OutboxAnswer | null {
  const db = databaseOf(station);
  const row = db
    .prepare('SELECT seq, answered_at AS answeredAt, ok, late, response FROM outbox_answer WHERE seq = ?')
    .get(seq) as { seq: number; answeredAt: string; ok: number; late: number; response: string } | undefined;
  return row ? { ...row, ok: row.ok === 1, late: row.late === 1 } : null;
}

export function outboxCounts(station: StationStore): { queued: number; delivered: number } {
  const db = databaseOf(station);
  const row = db
    .prepare(`SELECT count(*) AS total, (SELECT count(*) FROM outbox_answer) AS delivered FROM outbox`)
    .get() as { total: number; delivered: number };
  return { queued: row.total - row.delivered, delivered: row.delivered };
}

/** Queued changes the hub refused after the person had been told "queued". */
export function lateRefusals(station: StationStore): (OutboxEntry & { response: string })[] {
  const db = databaseOf(station);
  return db
    .prepare(
      `SELECT ${OUTBOX_COLUMNS}, a.response FROM outbox o JOIN outbox_answer a ON a.seq = o.seq
       WHERE a.ok = 0 AND a.late = 1 ORDER BY o.seq`,
    )
    .all() as (OutboxEntry & { response: string })[];
}

export function readCached(station: StationStore, key: string): string | null {
  const db = databaseOf(station);
  const row = db.prepare('SELECT response FROM read_cache WHERE key = ?').get(key) as { response: string } | undefined;
  return row?.response ?? null;
}

export function writeCached(station: StationStore, key: string, response: string, at: string): void {
  const db = databaseOf(station);
  db.prepare(
    'INSERT INTO read_cache (key, response, at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET response = excluded.response, at = excluded.at',
  ).run(key, response, at);
}
