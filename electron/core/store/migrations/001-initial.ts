/**
 * 001: the county, its precincts and candidates, reports as received, and the audit log.
 * Reports, their counts, stored files and the audit log are append-only: triggers refuse
 * UPDATE and DELETE, so not even a bug in our code can rewrite what was received.
 */
export const migration001 = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE election (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  county TEXT NOT NULL CHECK (length(county) > 0),
  name TEXT NOT NULL CHECK (length(name) > 0),
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  rules_profile TEXT NOT NULL CHECK (rules_profile IN ('iowa-dem-2020', 'plurality')),
  sde_per_delegate REAL NOT NULL CHECK (sde_per_delegate > 0),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE precinct (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
  name TEXT NOT NULL,
  delegates INTEGER NOT NULL CHECK (delegates >= 0),
  chair_email TEXT,
  list_order INTEGER NOT NULL UNIQUE
) STRICT;

CREATE TABLE candidate (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  ballot_order INTEGER NOT NULL UNIQUE CHECK (ballot_order >= 1)
) STRICT;

CREATE TABLE import_file (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  file_name TEXT NOT NULL,
  bytes BLOB NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('usb', 'email', 'scan', 'manual', 'phone', 'recount')),
  operator TEXT NOT NULL CHECK (length(operator) > 0),
  received_at TEXT NOT NULL
) STRICT;

CREATE TABLE report (
  id INTEGER PRIMARY KEY,
  precinct_id INTEGER NOT NULL REFERENCES precinct(id),
  source TEXT NOT NULL CHECK (source IN ('usb', 'email', 'scan', 'manual', 'phone', 'recount')),
  operator TEXT NOT NULL CHECK (length(operator) > 0),
  received_at TEXT NOT NULL,
  import_file_id INTEGER REFERENCES import_file(id),
  -- The report as received, canonical JSON, and its sha256.
  content TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  supersedes_id INTEGER REFERENCES report(id)
) STRICT;
CREATE INDEX report_by_precinct ON report(precinct_id, id);

CREATE TABLE report_count (
  report_id INTEGER NOT NULL REFERENCES report(id),
  candidate_id INTEGER NOT NULL REFERENCES candidate(id),
  first_alignment INTEGER CHECK (first_alignment >= 0),
  final_alignment INTEGER CHECK (final_alignment >= 0),
  delegates_awarded INTEGER CHECK (delegates_awarded >= 0),
  sde REAL CHECK (sde >= 0),
  PRIMARY KEY (report_id, candidate_id)
) STRICT;

CREATE TABLE report_coin_toss (
  report_id INTEGER NOT NULL REFERENCES report(id),
  toss_index INTEGER NOT NULL CHECK (toss_index >= 0),
  candidate_id INTEGER NOT NULL REFERENCES candidate(id),
  won INTEGER NOT NULL CHECK (won IN (0, 1)),
  PRIMARY KEY (report_id, toss_index, candidate_id)
) STRICT;

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  operator TEXT NOT NULL,
  action TEXT NOT NULL,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;

CREATE TRIGGER report_is_append_only_update BEFORE UPDATE ON report
  BEGIN SELECT RAISE(ABORT, 'reports are append-only'); END;
CREATE TRIGGER report_is_append_only_delete BEFORE DELETE ON report
  BEGIN SELECT RAISE(ABORT, 'reports are append-only'); END;
CREATE TRIGGER report_count_is_append_only_update BEFORE UPDATE ON report_count
  BEGIN SELECT RAISE(ABORT, 'report counts are append-only'); END;
CREATE TRIGGER report_count_is_append_only_delete BEFORE DELETE ON report_count
  BEGIN SELECT RAISE(ABORT, 'report counts are append-only'); END;
CREATE TRIGGER report_coin_toss_is_append_only_update BEFORE UPDATE ON report_coin_toss
  BEGIN SELECT RAISE(ABORT, 'coin tosses are append-only'); END;
CREATE TRIGGER report_coin_toss_is_append_only_delete BEFORE DELETE ON report_coin_toss
  BEGIN SELECT RAISE(ABORT, 'coin tosses are append-only'); END;
CREATE TRIGGER import_file_is_append_only_update BEFORE UPDATE ON import_file
  BEGIN SELECT RAISE(ABORT, 'stored files are append-only'); END;
CREATE TRIGGER import_file_is_append_only_delete BEFORE DELETE ON import_file
  BEGIN SELECT RAISE(ABORT, 'stored files are append-only'); END;
CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`,
} as const;
