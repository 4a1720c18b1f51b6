/**
 * 009: the risk-limiting audit in the app (the method is docs/RLA.md).
 * - rla_audit: one audit of the county's contest: rules, risk limit, and the public seed with who
 *   entered it and when. The seed is fixed here, before any draw. `reported_sha256` fingerprints
 *   the reported results audited (rla/county-audit/reported-results.ts says how).
 * - rla_audit_batch: the reported results as they stood when the audit started: each precinct's
 *   certified report and its ballots (attendees). Reports are append-only, so these stay readable.
 * - rla_round / rla_ticket: each round as drawn, its tickets in draw order (the ticket number is the
 *   draw's place in the seed's stream; a precinct drawn twice has two tickets).
 * - rla_hand_tally / rla_hand_tally_count: a hand tally is a report of the paper, stored as entered;
 *   a correction is a new tally pointing at the one it replaces, with a reason.
 * - rla_measurement: the risk measured after a round, with the verdict, each time it was measured.
 * All append-only (triggers). Self-contained: references only tables of 001.
 */
export const migration009 = {
  version: 9,
  name: 'audit',
  sql: `
CREATE TABLE rla_audit (
  id INTEGER PRIMARY KEY,
  contest TEXT NOT NULL CHECK (length(contest) > 0),
  rules_profile TEXT NOT NULL CHECK (rules_profile IN ('iowa-dem-2020', 'plurality')),
  risk_limit_percent TEXT NOT NULL CHECK (length(risk_limit_percent) > 0),
  seed TEXT NOT NULL CHECK (length(seed) BETWEEN 1 AND 200 AND seed NOT GLOB '*[^0-9]*'),
  seed_note TEXT,
  seed_entered_by TEXT NOT NULL CHECK (length(seed_entered_by) > 0),
  seed_entered_at TEXT NOT NULL,
  reported_sha256 TEXT NOT NULL CHECK (length(reported_sha256) = 64)
) STRICT;

CREATE TABLE rla_audit_batch (
  audit_id INTEGER NOT NULL REFERENCES rla_audit(id),
  precinct_id INTEGER NOT NULL REFERENCES precinct(id),
  report_id INTEGER NOT NULL REFERENCES report(id),
  ballots INTEGER NOT NULL CHECK (ballots >= 0),
  PRIMARY KEY (audit_id, precinct_id)
) STRICT;

CREATE TABLE rla_round (
  id INTEGER PRIMARY KEY,
  audit_id INTEGER NOT NULL REFERENCES rla_audit(id),
  round INTEGER NOT NULL CHECK (round >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('sample', 'full-hand-count')),
  sample_size INTEGER NOT NULL CHECK (sample_size >= 0),
  drawn_by TEXT NOT NULL CHECK (length(drawn_by) > 0),
  drawn_at TEXT NOT NULL,
  UNIQUE (audit_id, round)
) STRICT;

CREATE TABLE rla_ticket (
  round_id INTEGER NOT NULL REFERENCES rla_round(id),
  ticket INTEGER NOT NULL CHECK (ticket >= 1),
  precinct_id INTEGER NOT NULL REFERENCES precinct(id),
  random TEXT,
  digest TEXT CHECK (digest IS NULL OR length(digest) = 64),
  PRIMARY KEY (round_id, ticket)
) STRICT;

CREATE TABLE rla_hand_tally (
  id INTEGER PRIMARY KEY,
  audit_id INTEGER NOT NULL REFERENCES rla_audit(id),
  precinct_id INTEGER NOT NULL REFERENCES precinct(id),
  ballots INTEGER CHECK (ballots IS NULL OR ballots >= 0),
  entered_by TEXT NOT NULL CHECK (length(entered_by) > 0),
  entered_at TEXT NOT NULL,
  replaces_id INTEGER UNIQUE REFERENCES rla_hand_tally(id),
  reason TEXT,
  CHECK ((replaces_id IS NULL) = (reason IS NULL))
) STRICT;
CREATE INDEX rla_hand_tally_by_audit ON rla_hand_tally(audit_id, precinct_id, id);

CREATE TABLE rla_hand_tally_count (
  tally_id INTEGER NOT NULL REFERENCES rla_hand_tally(id),
  candidate_id INTEGER NOT NULL REFERENCES candidate(id),
  count INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (tally_id, candidate_id)
) STRICT;

CREATE TABLE rla_measurement (
  id INTEGER PRIMARY KEY,
  audit_id INTEGER NOT NULL REFERENCES rla_audit(id),
  round INTEGER NOT NULL CHECK (round >= 1),
  p_value REAL NOT NULL CHECK (p_value >= 0 AND p_value <= 1),
  risk_exact TEXT,
  confirmed INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
  verdict TEXT NOT NULL CHECK (verdict IN ('confirmed', 'another-round', 'full-hand-count', 'outcome-changed', 'hand-count-tied')),
  next_round_draws INTEGER,
  through_tally_id INTEGER REFERENCES rla_hand_tally(id),
  measured_by TEXT NOT NULL CHECK (length(measured_by) > 0),
  measured_at TEXT NOT NULL
) STRICT;
CREATE INDEX rla_measurement_by_audit ON rla_measurement(audit_id, id);

CREATE TRIGGER rla_audit_is_append_only_update BEFORE UPDATE ON rla_audit
  BEGIN SELECT RAISE(ABORT, 'audits are append-only'); END;
CREATE TRIGGER rla_audit_is_append_only_delete BEFORE DELETE ON rla_audit
  BEGIN SELECT RAISE(ABORT, 'audits are append-only'); END;
CREATE TRIGGER rla_audit_batch_is_append_only_update BEFORE UPDATE ON rla_audit_batch
  BEGIN SELECT RAISE(ABORT, 'audits are append-only'); END;
CREATE TRIGGER rla_audit_batch_is_append_only_delete BEFORE DELETE ON rla_audit_batch
  BEGIN SELECT RAISE(ABORT, 'audits are append-only'); END;
CREATE TRIGGER rla_round_is_append_only_update BEFORE UPDATE ON rla_round
  BEGIN SELECT RAISE(ABORT, 'audit rounds are append-only'); END;
CREATE TRIGGER rla_round_is_append_only_delete BEFORE DELETE ON rla_round
  BEGIN SELECT RAISE(ABORT, 'audit rounds are append-only'); END;
CREATE TRIGGER rla_ticket_is_append_only_update BEFORE UPDATE ON rla_ticket
  BEGIN SELECT RAISE(ABORT, 'audit rounds are append-only'); END;
CREATE TRIGGER rla_ticket_is_append_only_delete BEFORE DELETE ON rla_ticket
  BEGIN SELECT RAISE(ABORT, 'audit rounds are append-only'); END;
CREATE TRIGGER rla_hand_tally_is_append_only_update BEFORE UPDATE ON rla_hand_tally
  BEGIN SELECT RAISE(ABORT, 'hand tallies are append-only'); END;
CREATE TRIGGER rla_hand_tally_is_append_only_delete BEFORE DELETE ON rla_hand_tally
  BEGIN SELECT RAISE(ABORT, 'hand tallies are append-only'); END;
CREATE TRIGGER rla_hand_tally_count_is_append_only_update BEFORE UPDATE ON rla_hand_tally_count
  BEGIN SELECT RAISE(ABORT, 'hand tallies are append-only'); END;
CREATE TRIGGER rla_hand_tally_count_is_append_only_delete BEFORE DELETE ON rla_hand_tally_count
  BEGIN SELECT RAISE(ABORT, 'hand tallies are append-only'); END;
CREATE TRIGGER rla_measurement_is_append_only_update BEFORE UPDATE ON rla_measurement
  BEGIN SELECT RAISE(ABORT, 'audit measurements are append-only'); END;
CREATE TRIGGER rla_measurement_is_append_only_delete BEFORE DELETE ON rla_measurement
  BEGIN SELECT RAISE(ABORT, 'audit measurements are append-only'); END;
`,
} as const;
