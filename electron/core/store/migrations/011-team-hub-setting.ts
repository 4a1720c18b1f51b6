/**
 * 011: the `teamHub` setting (docs/TEAM.md): whether the chair's laptop runs as the team hub, and on
 * which port. 008 listed the setting names in a CHECK, and SQLite cannot change a CHECK in place,
 * so the table is rebuilt with every row kept as it was (ids, values, audit links) and its
 * append-only triggers put back. Nothing else references `setting`.
 */
export const migration011 = {
  version: 11,
  name: 'team-hub-setting',
  sql: `
CREATE TABLE setting_v11 (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (name IN ('mailbox', 'backup', 'teamHub')),
  value TEXT NOT NULL CHECK (json_valid(value)),
  changed_at TEXT NOT NULL,
  operator TEXT NOT NULL CHECK (length(operator) > 0),
  audit_seq INTEGER NOT NULL UNIQUE REFERENCES audit_log(seq)
) STRICT;

INSERT INTO setting_v11 (id, name, value, changed_at, operator, audit_seq)
  SELECT id, name, value, changed_at, operator, audit_seq FROM setting ORDER BY id;

DROP TABLE setting;
ALTER TABLE setting_v11 RENAME TO setting;

CREATE INDEX setting_by_name ON setting (name, id);

CREATE TRIGGER setting_is_append_only_update BEFORE UPDATE ON setting
  BEGIN SELECT RAISE(ABORT, 'settings are append-only: record a new value instead'); END;
CREATE TRIGGER setting_is_append_only_delete BEFORE DELETE ON setting
  BEGIN SELECT RAISE(ABORT, 'settings are append-only: record a new value instead'); END;
`,
} as const;
