/**
 * 012: sheets that are not ours (the full-page fallback, docs/OCR.md): a phone photo of a hand-drawn tally
 * or another party's form, read as a table of numbers and mapped by a person.
 * - scan_reading_foreign: marks a scan_reading as a full-page reading (its kind is 'foreign'; every
 *   other reading is a worksheet's), with the precinct the text on the sheet suggested, if any. The
 *   reading's fields (scan_reading_field) are the suggested mapping, every one needing review; its
 *   page_png is the page as read, the evidence every box refers to.
 * - scan_reading_token: every number found on the page: value, the word as read, confidence, box.
 * - scan_reading_line: every line of text as read, so the person sees what OCR saw.
 * - scan_confirmed_token: for a confirmed foreign page, which box the person took each value from
 *   (NULL: typed from the paper), beside scan_confirmed_field's value.
 * Append-only, like every scan table: triggers refuse UPDATE and DELETE.
 */
export const migration012 = {
  version: 12,
  name: 'foreign-scans',
  sql: `
CREATE TABLE scan_reading_foreign (
  scan_reading_id INTEGER PRIMARY KEY REFERENCES scan_reading(id),
  suggested_precinct TEXT CHECK (suggested_precinct IS NULL OR length(suggested_precinct) > 0)
) STRICT;

CREATE TABLE scan_reading_token (
  scan_reading_id INTEGER NOT NULL REFERENCES scan_reading_foreign(scan_reading_id),
  token_index INTEGER NOT NULL CHECK (token_index >= 0),
  value INTEGER NOT NULL CHECK (value >= 0),
  text TEXT NOT NULL,
  confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  line_index INTEGER NOT NULL CHECK (line_index >= 0),
  box_x REAL NOT NULL,
  box_y REAL NOT NULL,
  box_width REAL NOT NULL CHECK (box_width >= 0),
  box_height REAL NOT NULL CHECK (box_height >= 0),
  PRIMARY KEY (scan_reading_id, token_index)
) STRICT;

CREATE TABLE scan_reading_line (
  scan_reading_id INTEGER NOT NULL REFERENCES scan_reading_foreign(scan_reading_id),
  line_index INTEGER NOT NULL CHECK (line_index >= 0),
  text TEXT NOT NULL,
  box_x REAL NOT NULL,
  box_y REAL NOT NULL,
  box_width REAL NOT NULL CHECK (box_width >= 0),
  box_height REAL NOT NULL CHECK (box_height >= 0),
  PRIMARY KEY (scan_reading_id, line_index)
) STRICT;

CREATE TABLE scan_confirmed_token (
  scan_confirmation_id INTEGER NOT NULL REFERENCES scan_confirmation(id),
  candidate_id INTEGER NOT NULL REFERENCES candidate(id),
  column_name TEXT NOT NULL CHECK (column_name IN ('first', 'final', 'delegates')),
  token_index INTEGER CHECK (token_index IS NULL OR token_index >= 0),
  PRIMARY KEY (scan_confirmation_id, candidate_id, column_name)
) STRICT;

CREATE TRIGGER scan_reading_foreign_is_append_only_update BEFORE UPDATE ON scan_reading_foreign
  BEGIN SELECT RAISE(ABORT, 'scan readings are append-only'); END;
CREATE TRIGGER scan_reading_foreign_is_append_only_delete BEFORE DELETE ON scan_reading_foreign
  BEGIN SELECT RAISE(ABORT, 'scan readings are append-only'); END;
CREATE TRIGGER scan_reading_token_is_append_only_update BEFORE UPDATE ON scan_reading_token
  BEGIN SELECT RAISE(ABORT, 'scan readings are append-only'); END;
CREATE TRIGGER scan_reading_token_is_append_only_delete BEFORE DELETE ON scan_reading_token
  BEGIN SELECT RAISE(ABORT, 'scan readings are append-only'); END;
CREATE TRIGGER scan_reading_line_is_append_only_update BEFORE UPDATE ON scan_reading_line
  BEGIN SELECT RAISE(ABORT, 'scan readings are append-only'); END;
CREATE TRIGGER scan_reading_line_is_append_only_delete BEFORE DELETE ON scan_reading_line
  BEGIN SELECT RAISE(ABORT, 'scan readings are append-only'); END;
CREATE TRIGGER scan_confirmed_token_is_append_only_update BEFORE UPDATE ON scan_confirmed_token
  BEGIN SELECT RAISE(ABORT, 'scan confirmations are append-only'); END;
CREATE TRIGGER scan_confirmed_token_is_append_only_delete BEFORE DELETE ON scan_confirmed_token
  BEGIN SELECT RAISE(ABORT, 'scan confirmations are append-only'); END;
`,
} as const;
