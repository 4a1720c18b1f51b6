/**
 * 010: wrong PINs at sign-in. A PIN is four to eight digits, so without a limit anyone at an
 * unattended laptop could try them all; each refusal is recorded (by the name typed, lowercased, so
 * an unknown name is throttled exactly like a known one and the answer never tells who exists) and
 * sign-in for that name pauses after too many. Append-only: the record of attempts is evidence.
 *
 * Self-contained (no references to other tables), so it applies whatever else is present.
 */
export const migration010 = {
  version: 10,
  name: 'sign-in-failures',
  sql: `
CREATE TABLE sign_in_failure (
  id INTEGER PRIMARY KEY,
  name_key TEXT NOT NULL CHECK (length(name_key) > 0),
  at TEXT NOT NULL
) STRICT;
CREATE INDEX sign_in_failure_by_name ON sign_in_failure (name_key, at);

CREATE TRIGGER sign_in_failure_is_append_only_update BEFORE UPDATE ON sign_in_failure
  BEGIN SELECT RAISE(ABORT, 'sign-in failures are append-only'); END;
CREATE TRIGGER sign_in_failure_is_append_only_delete BEFORE DELETE ON sign_in_failure
  BEGIN SELECT RAISE(ABORT, 'sign-in failures are append-only'); END;
`,
} as const;
