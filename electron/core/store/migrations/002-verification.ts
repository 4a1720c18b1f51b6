/**
 * 002: who is at the keyboard, and what makes a result verified and certified.
 * - operator: the people of the county team, a role each, a PIN kept only as a salted scrypt hash.
 * - operator_session: a sign-in; the token itself is never stored, only its sha256. A session ends
 *   once (sign-out); nothing else about it changes.
 * - resolution / resolution_settles: a chair's decision between disagreeing reports: the report whose
 *   numbers are right (numbers the chair typed are stored first as a report of their own), a reason,
 *   and every report it settles. The reports stay as received.
 * - certification: the chair's PIN-confirmed statement that a precinct's result (one report's
 *   numbers) or the whole county is final. `through_report_id` is the newest report it saw.
 * - certified_change: a recount or a correction of a certified result: who, when, why, and the report
 *   with the new numbers. A certified result changes only through one of these.
 * All append-only (triggers), like the reports.
 */
export const migration002 = {
  version: 2,
  name: 'verification',
  sql: `
CREATE TABLE operator (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  role TEXT NOT NULL CHECK (role IN ('chair', 'entry', 'verifier')),
  pin_salt TEXT NOT NULL CHECK (length(pin_salt) > 0),
  pin_hash TEXT NOT NULL CHECK (length(pin_hash) > 0),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL CHECK (length(created_by) > 0)
) STRICT;

CREATE TABLE operator_session (
  token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
  operator_id INTEGER NOT NULL REFERENCES operator(id),
  started_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ended_at TEXT
) STRICT;

CREATE TABLE resolution (
  id INTEGER PRIMARY KEY,
  precinct_id INTEGER NOT NULL REFERENCES precinct(id),
  chosen_report_id INTEGER NOT NULL REFERENCES report(id),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  operator TEXT NOT NULL CHECK (length(operator) > 0),
  resolved_at TEXT NOT NULL
) STRICT;
CREATE INDEX resolution_by_precinct ON resolution(precinct_id, id);

CREATE TABLE resolution_settles (
  resolution_id INTEGER NOT NULL REFERENCES resolution(id),
  report_id INTEGER NOT NULL REFERENCES report(id),
  PRIMARY KEY (resolution_id, report_id)
) STRICT;

CREATE TABLE certification (
  id INTEGER PRIMARY KEY,
  -- NULL: the county as a whole.
  precinct_id INTEGER REFERENCES precinct(id),
  report_id INTEGER REFERENCES report(id),
  through_report_id INTEGER REFERENCES report(id),
  operator TEXT NOT NULL CHECK (length(operator) > 0),
  certified_at TEXT NOT NULL,
  CHECK ((precinct_id IS NULL) = (report_id IS NULL))
) STRICT;
CREATE INDEX certification_by_precinct ON certification(precinct_id, id);

CREATE TABLE certified_change (
  id INTEGER PRIMARY KEY,
  precinct_id INTEGER NOT NULL REFERENCES precinct(id),
  certification_id INTEGER NOT NULL REFERENCES certification(id),
  kind TEXT NOT NULL CHECK (kind IN ('recount', 'correction')),
  report_id INTEGER NOT NULL UNIQUE REFERENCES report(id),
  operator TEXT NOT NULL CHECK (length(operator) > 0),
  changed_at TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0)
) STRICT;
CREATE INDEX certified_change_by_precinct ON certified_change(precinct_id, id);

CREATE TRIGGER operator_is_append_only_update BEFORE UPDATE ON operator
  BEGIN SELECT RAISE(ABORT, 'operators are append-only'); END;
CREATE TRIGGER operator_is_append_only_delete BEFORE DELETE ON operator
  BEGIN SELECT RAISE(ABORT, 'operators are append-only'); END;
CREATE TRIGGER operator_session_keeps_its_start BEFORE UPDATE OF token_hash, operator_id, started_at, expires_at ON operator_session
  BEGIN SELECT RAISE(ABORT, 'a session only ends'); END;
CREATE TRIGGER operator_session_ends_once BEFORE UPDATE OF ended_at ON operator_session WHEN OLD.ended_at IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'a session ends once'); END;
CREATE TRIGGER operator_session_is_append_only_delete BEFORE DELETE ON operator_session
  BEGIN SELECT RAISE(ABORT, 'sessions are append-only'); END;
CREATE TRIGGER resolution_is_append_only_update BEFORE UPDATE ON resolution
  BEGIN SELECT RAISE(ABORT, 'resolutions are append-only'); END;
CREATE TRIGGER resolution_is_append_only_delete BEFORE DELETE ON resolution
  BEGIN SELECT RAISE(ABORT, 'resolutions are append-only'); END;
CREATE TRIGGER resolution_settles_is_append_only_update BEFORE UPDATE ON resolution_settles
  BEGIN SELECT RAISE(ABORT, 'resolutions are append-only'); END;
CREATE TRIGGER resolution_settles_is_append_only_delete BEFORE DELETE ON resolution_settles
  BEGIN SELECT RAISE(ABORT, 'resolutions are append-only'); END;
CREATE TRIGGER certification_is_append_only_update BEFORE UPDATE ON certification
  BEGIN SELECT RAISE(ABORT, 'certifications are append-only'); END;
CREATE TRIGGER certification_is_append_only_delete BEFORE DELETE ON certification
  BEGIN SELECT RAISE(ABORT, 'certifications are append-only'); END;
CREATE TRIGGER certified_change_is_append_only_update BEFORE UPDATE ON certified_change
  BEGIN SELECT RAISE(ABORT, 'recounts and corrections are append-only'); END;
CREATE TRIGGER certified_change_is_append_only_delete BEFORE DELETE ON certified_change
  BEGIN SELECT RAISE(ABORT, 'recounts and corrections are append-only'); END;
`,
} as const;
