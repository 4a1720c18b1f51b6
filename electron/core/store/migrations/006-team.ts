/**
 * 006: team mode (docs/TEAM.md). The chair's laptop is the hub; stations pair with a one-time code
 * and then send their changes over TLS or on a signed USB batch. Append-only like the rest:
 * - team_pairing_code: each code the chair made, only its sha256 (the code itself stays in memory);
 *   team_pairing_code_end: when it was used or cancelled (a code works once).
 * - team_station: a paired station, its token's sha256 and its Ed25519 public key for batches;
 *   team_station_revocation: the chair's revocation (the station is refused from then on).
 * - team_request: every change a station delivered, keyed by (station, request id), with the
 *   answer given, so a retried request is answered again and never applied twice.
 * - team_report_origin: which station and operator sent each report.
 *
 * Self-contained (only `report` from 001 is referenced), so it applies whatever else exists.
 */
export const migration006 = {
  version: 6,
  name: 'team',
  sql: `
CREATE TABLE team_pairing_code (
  id INTEGER PRIMARY KEY,
  code_hash TEXT NOT NULL UNIQUE CHECK (length(code_hash) = 64),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL CHECK (expires_at > created_at),
  created_by TEXT NOT NULL CHECK (length(created_by) > 0)
) STRICT;

CREATE TABLE team_pairing_code_end (
  code_id INTEGER PRIMARY KEY REFERENCES team_pairing_code(id),
  ended_at TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('paired', 'cancelled'))
) STRICT;

CREATE TABLE team_station (
  id TEXT PRIMARY KEY CHECK (length(id) = 11 AND id GLOB 'st-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  public_key TEXT NOT NULL CHECK (length(public_key) > 0),
  paired_at TEXT NOT NULL,
  paired_by TEXT NOT NULL CHECK (length(paired_by) > 0),
  code_id INTEGER NOT NULL UNIQUE REFERENCES team_pairing_code(id)
) STRICT;

CREATE TABLE team_station_revocation (
  station_id TEXT PRIMARY KEY REFERENCES team_station(id),
  revoked_at TEXT NOT NULL,
  revoked_by TEXT NOT NULL CHECK (length(revoked_by) > 0),
  reason TEXT NOT NULL CHECK (length(reason) > 0)
) STRICT;

CREATE TABLE team_request (
  station_id TEXT NOT NULL REFERENCES team_station(id),
  request_id TEXT NOT NULL CHECK (length(request_id) BETWEEN 8 AND 64),
  method TEXT NOT NULL CHECK (length(method) > 0),
  via TEXT NOT NULL CHECK (via IN ('network', 'batch')),
  operator TEXT,
  received_at TEXT NOT NULL,
  -- The answer given (JSON of the Result): the same answer for a retry.
  response TEXT NOT NULL,
  PRIMARY KEY (station_id, request_id)
) STRICT;

CREATE TABLE team_report_origin (
  report_id INTEGER PRIMARY KEY REFERENCES report(id),
  station_id TEXT NOT NULL REFERENCES team_station(id),
  request_id TEXT NOT NULL,
  operator TEXT NOT NULL CHECK (length(operator) > 0),
  FOREIGN KEY (station_id, request_id) REFERENCES team_request(station_id, request_id)
) STRICT;
CREATE INDEX team_report_origin_by_station ON team_report_origin(station_id);

CREATE TRIGGER team_pairing_code_is_append_only_update BEFORE UPDATE ON team_pairing_code
  BEGIN SELECT RAISE(ABORT, 'pairing codes are append-only'); END;
CREATE TRIGGER team_pairing_code_is_append_only_delete BEFORE DELETE ON team_pairing_code
  BEGIN SELECT RAISE(ABORT, 'pairing codes are append-only'); END;
CREATE TRIGGER team_pairing_code_end_is_append_only_update BEFORE UPDATE ON team_pairing_code_end
  BEGIN SELECT RAISE(ABORT, 'pairing codes are append-only'); END;
CREATE TRIGGER team_pairing_code_end_is_append_only_delete BEFORE DELETE ON team_pairing_code_end
  BEGIN SELECT RAISE(ABORT, 'pairing codes are append-only'); END;
CREATE TRIGGER team_station_is_append_only_update BEFORE UPDATE ON team_station
  BEGIN SELECT RAISE(ABORT, 'stations are append-only'); END;
CREATE TRIGGER team_station_is_append_only_delete BEFORE DELETE ON team_station
  BEGIN SELECT RAISE(ABORT, 'stations are append-only'); END;
CREATE TRIGGER team_station_revocation_is_append_only_update BEFORE UPDATE ON team_station_revocation
  BEGIN SELECT RAISE(ABORT, 'revocations are append-only'); END;
CREATE TRIGGER team_station_revocation_is_append_only_delete BEFORE DELETE ON team_station_revocation
  BEGIN SELECT RAISE(ABORT, 'revocations are append-only'); END;
CREATE TRIGGER team_request_is_append_only_update BEFORE UPDATE ON team_request
  BEGIN SELECT RAISE(ABORT, 'station requests are append-only'); END;
CREATE TRIGGER team_request_is_append_only_delete BEFORE DELETE ON team_request
  BEGIN SELECT RAISE(ABORT, 'station requests are append-only'); END;
CREATE TRIGGER team_report_origin_is_append_only_update BEFORE UPDATE ON team_report_origin
  BEGIN SELECT RAISE(ABORT, 'report origins are append-only'); END;
CREATE TRIGGER team_report_origin_is_append_only_delete BEFORE DELETE ON team_report_origin
  BEGIN SELECT RAISE(ABORT, 'report origins are append-only'); END;
`,
} as const;
