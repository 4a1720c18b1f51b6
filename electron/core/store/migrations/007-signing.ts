/**
 * 007: the county signing key made in the app. One row per key ever made on this laptop: its id,
 * public key and the fingerprint the chair reads to the state party, who made it and when. The
 * secret half lives encrypted in the key folder beside the database, never here. Append-only: a
 * replaced key stays recorded, and the newest row is the key bundles are signed with.
 *
 * Self-contained (only `audit_log` from 001 is referenced), so it applies whatever else is present.
 */
export const migration007 = {
  version: 7,
  name: 'signing',
  sql: `
CREATE TABLE signing_key (
  id INTEGER PRIMARY KEY,
  key_id TEXT NOT NULL UNIQUE CHECK (length(key_id) = 16),
  public_key TEXT NOT NULL CHECK (length(public_key) > 0),
  fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 39),
  folder TEXT NOT NULL CHECK (length(folder) > 0),
  created_by TEXT NOT NULL CHECK (length(created_by) > 0),
  created_at TEXT NOT NULL,
  audit_seq INTEGER NOT NULL UNIQUE REFERENCES audit_log(seq)
) STRICT;

CREATE TRIGGER signing_key_is_append_only_update BEFORE UPDATE ON signing_key
  BEGIN SELECT RAISE(ABORT, 'signing keys are append-only'); END;
CREATE TRIGGER signing_key_is_append_only_delete BEFORE DELETE ON signing_key
  BEGIN SELECT RAISE(ABORT, 'signing keys are append-only'); END;
`,
} as const;
