/**
 * 004: signed result bundles. One row per export, numbered by `sequence`, which only grows: the
 * state party keeps the highest sequence from a county and refuses older ones as replays.
 * Append-only like the reports: an export that happened stays recorded.
 *
 * Self-contained on purpose (only `audit_log` from 001 is referenced), so it applies whether or not
 * migrations 002 and 003 exist yet.
 */
export const migration004 = {
  version: 4,
  name: 'bundles',
  sql: `
CREATE TABLE bundle_export (
  sequence INTEGER PRIMARY KEY CHECK (sequence >= 1),
  status TEXT NOT NULL CHECK (status IN ('unofficial-partial', 'unofficial-complete', 'certified', 'correction', 'recount')),
  key_id TEXT NOT NULL CHECK (length(key_id) = 16),
  public_key TEXT NOT NULL CHECK (length(public_key) > 0),
  fingerprint TEXT NOT NULL UNIQUE CHECK (length(fingerprint) = 64),
  format TEXT NOT NULL CHECK (format IN ('folder', 'zip')),
  file_name TEXT NOT NULL CHECK (length(file_name) > 0),
  generated_at TEXT NOT NULL,
  operator TEXT NOT NULL CHECK (length(operator) > 0),
  audit_seq INTEGER NOT NULL UNIQUE REFERENCES audit_log(seq)
) STRICT;

CREATE TRIGGER bundle_export_is_append_only_update BEFORE UPDATE ON bundle_export
  BEGIN SELECT RAISE(ABORT, 'bundle exports are append-only'); END;
CREATE TRIGGER bundle_export_is_append_only_delete BEFORE DELETE ON bundle_export
  BEGIN SELECT RAISE(ABORT, 'bundle exports are append-only'); END;
`,
} as const;
