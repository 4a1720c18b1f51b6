/**
 * 008: the county's settings (the mailbox to read, the backup folder and schedule), kept in the
 * county database so a restored backup brings them along. Append-only like everything else: a
 * change is a new row, the current value of a setting is its newest row, and each row points at
 * the audit entry that recorded who changed it. Secrets are never stored here (the mailbox
 * password lives in the SecretStore: safeStorage in the app).
 *
 * Self-contained (only `audit_log` from 001 is referenced), so it applies whatever 005–007 hold.
 */
export const migration008 = {
  version: 8,
  name: 'settings',
  sql: `
CREATE TABLE setting (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (name IN ('mailbox', 'backup')),
  value TEXT NOT NULL CHECK (json_valid(value)),
  changed_at TEXT NOT NULL,
  operator TEXT NOT NULL CHECK (length(operator) > 0),
  audit_seq INTEGER NOT NULL UNIQUE REFERENCES audit_log(seq)
) STRICT;

CREATE INDEX setting_by_name ON setting (name, id);

CREATE TRIGGER setting_is_append_only_update BEFORE UPDATE ON setting
  BEGIN SELECT RAISE(ABORT, 'settings are append-only: record a new value instead'); END;
CREATE TRIGGER setting_is_append_only_delete BEFORE DELETE ON setting
  BEGIN SELECT RAISE(ABORT, 'settings are append-only: record a new value instead'); END;
`,
} as const;
