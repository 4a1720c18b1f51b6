/**
 * 005: reading worksheet scans, and a person confirming what was read (docs/OCR.md).
 * - scan_reading: what the reader saw on one page of a queued scan (QR precinct, form version,
 *   rotation, which engine versions, how long), with the aligned page as PNG so the review screen
 *   and the discrepancy queue can show each field's crop. A scan read again gets a new row.
 * - scan_reading_field / scan_reading_problem: each field read (value, confidence, why it needs
 *   review, what each engine read, where it is on the page) and each problem with the page.
 * - scan_confirmation / scan_confirmed_field: the person's confirmation of one page: who, when,
 *   the precinct chosen (and why, when it differs from the QR), the report it became, and every
 *   value as confirmed beside the value OCR read. One confirmation per page, ever.
 * - scan_rejection: a scan a person set aside as unreadable; the file stays stored as evidence.
 * - scan_queue is rebuilt with two more statuses, 'confirmed' and 'rejected' (a CHECK constraint
 *   cannot be widened in place); a confirmed or rejected scan never changes status again.
 * Everything here is append-only: triggers refuse UPDATE and DELETE.
 */
export const migration005 = {
  version: 5,
  name: 'scan-readings',
  sql: `
CREATE TABLE scan_queue_v5 (
  import_file_id INTEGER PRIMARY KEY REFERENCES import_file(id),
  media_type TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'application/pdf')),
  status TEXT NOT NULL DEFAULT 'pending-ocr'
    CHECK (status IN ('pending-ocr', 'read', 'unreadable', 'confirmed', 'rejected')),
  queued_at TEXT NOT NULL
) STRICT;
INSERT INTO scan_queue_v5 (import_file_id, media_type, status, queued_at)
  SELECT import_file_id, media_type, status, queued_at FROM scan_queue;
-- DROP TABLE fires no DELETE trigger; the old triggers go with the table and are made again below.
DROP TABLE scan_queue;
ALTER TABLE scan_queue_v5 RENAME TO scan_queue;
CREATE TRIGGER scan_queue_keeps_its_file BEFORE UPDATE OF import_file_id, media_type, queued_at ON scan_queue
  BEGIN SELECT RAISE(ABORT, 'only the status of a queued scan changes'); END;
CREATE TRIGGER scan_queue_is_append_only_delete BEFORE DELETE ON scan_queue
  BEGIN SELECT RAISE(ABORT, 'queued scans are append-only'); END;
CREATE TRIGGER scan_queue_decision_is_final BEFORE UPDATE OF status ON scan_queue
  WHEN OLD.status IN ('confirmed', 'rejected') AND NEW.status IS NOT OLD.status
  BEGIN SELECT RAISE(ABORT, 'a confirmed or rejected scan keeps its status'); END;

CREATE TABLE scan_reading (
  id INTEGER PRIMARY KEY,
  import_file_id INTEGER NOT NULL REFERENCES import_file(id),
  page_number INTEGER NOT NULL CHECK (page_number >= 1),
  -- The precinct the QR names (the QR decides); NULL when no QR was read.
  qr_precinct TEXT,
  -- The precinct the person said the sheet should be, if they said.
  expected_precinct TEXT,
  form_version INTEGER,
  rotation_degrees REAL NOT NULL,
  page_png BLOB,
  page_width INTEGER CHECK (page_width IS NULL OR page_width > 0),
  page_height INTEGER CHECK (page_height IS NULL OR page_height > 0),
  -- Canonical JSON object: engine name -> version (tesseract.js, its language data, the classifier).
  engine_versions TEXT NOT NULL,
  elapsed_ms INTEGER NOT NULL CHECK (elapsed_ms >= 0),
  operator TEXT NOT NULL CHECK (length(operator) > 0),
  read_at TEXT NOT NULL,
  CHECK ((page_png IS NULL) = (page_width IS NULL) AND (page_png IS NULL) = (page_height IS NULL))
) STRICT;
CREATE INDEX scan_reading_by_file ON scan_reading(import_file_id, page_number, id);

CREATE TABLE scan_reading_field (
  scan_reading_id INTEGER NOT NULL REFERENCES scan_reading(id),
  field_index INTEGER NOT NULL CHECK (field_index >= 0),
  candidate_id INTEGER NOT NULL REFERENCES candidate(id),
  column_name TEXT NOT NULL CHECK (column_name IN ('first', 'final', 'delegates')),
  value INTEGER CHECK (value IS NULL OR value >= 0),
  confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  needs_review INTEGER NOT NULL CHECK (needs_review IN (0, 1)),
  -- Review reasons, comma-separated codes (ReviewReason), '' when none.
  reasons TEXT NOT NULL,
  tesseract TEXT,
  classifier TEXT,
  box_x REAL NOT NULL,
  box_y REAL NOT NULL,
  box_width REAL NOT NULL CHECK (box_width >= 0),
  box_height REAL NOT NULL CHECK (box_height >= 0),
  PRIMARY KEY (scan_reading_id, field_index),
  UNIQUE (scan_reading_id, candidate_id, column_name)
) STRICT;

CREATE TABLE scan_reading_problem (
  scan_reading_id INTEGER NOT NULL REFERENCES scan_reading(id),
  problem_index INTEGER NOT NULL CHECK (problem_index >= 0),
  code TEXT NOT NULL CHECK (length(code) > 0),
  message TEXT NOT NULL,
  PRIMARY KEY (scan_reading_id, problem_index)
) STRICT;

CREATE TABLE scan_confirmation (
  id INTEGER PRIMARY KEY,
  import_file_id INTEGER NOT NULL REFERENCES import_file(id),
  page_number INTEGER NOT NULL CHECK (page_number >= 1),
  scan_reading_id INTEGER NOT NULL REFERENCES scan_reading(id),
  report_id INTEGER NOT NULL UNIQUE REFERENCES report(id),
  precinct_id INTEGER NOT NULL REFERENCES precinct(id),
  qr_precinct TEXT,
  -- Why the person chose a precinct other than the QR's; NULL when they agree.
  override_reason TEXT CHECK (override_reason IS NULL OR length(override_reason) > 0),
  operator TEXT NOT NULL CHECK (length(operator) > 0),
  confirmed_at TEXT NOT NULL,
  UNIQUE (import_file_id, page_number)
) STRICT;

CREATE TABLE scan_confirmed_field (
  scan_confirmation_id INTEGER NOT NULL REFERENCES scan_confirmation(id),
  candidate_id INTEGER NOT NULL REFERENCES candidate(id),
  column_name TEXT NOT NULL CHECK (column_name IN ('first', 'final', 'delegates')),
  value INTEGER NOT NULL CHECK (value >= 0),
  -- What OCR read (NULL: nothing), and whether the person changed it.
  read_value INTEGER CHECK (read_value IS NULL OR read_value >= 0),
  changed INTEGER NOT NULL CHECK (changed IN (0, 1)),
  PRIMARY KEY (scan_confirmation_id, candidate_id, column_name)
) STRICT;

CREATE TABLE scan_rejection (
  import_file_id INTEGER PRIMARY KEY REFERENCES import_file(id),
  reason TEXT NOT NULL CHECK (length(reason) > 0),
  operator TEXT NOT NULL CHECK (length(operator) > 0),
  rejected_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER scan_reading_is_append_only_update BEFORE UPDATE ON scan_reading
  BEGIN SELECT RAISE(ABORT, 'scan readings are append-only'); END;
CREATE TRIGGER scan_reading_is_append_only_delete BEFORE DELETE ON scan_reading
  BEGIN SELECT RAISE(ABORT, 'scan readings are append-only'); END;
CREATE TRIGGER scan_reading_field_is_append_only_update BEFORE UPDATE ON scan_reading_field
  BEGIN SELECT RAISE(ABORT, 'scan readings are append-only'); END;
CREATE TRIGGER scan_reading_field_is_append_only_delete BEFORE DELETE ON scan_reading_field
  BEGIN SELECT RAISE(ABORT, 'scan readings are append-only'); END;
CREATE TRIGGER scan_reading_problem_is_append_only_update BEFORE UPDATE ON scan_reading_problem
  BEGIN SELECT RAISE(ABORT, 'scan readings are append-only'); END;
CREATE TRIGGER scan_reading_problem_is_append_only_delete BEFORE DELETE ON scan_reading_problem
  BEGIN SELECT RAISE(ABORT, 'scan readings are append-only'); END;
CREATE TRIGGER scan_confirmation_is_append_only_update BEFORE UPDATE ON scan_confirmation
  BEGIN SELECT RAISE(ABORT, 'scan confirmations are append-only'); END;
CREATE TRIGGER scan_confirmation_is_append_only_delete BEFORE DELETE ON scan_confirmation
  BEGIN SELECT RAISE(ABORT, 'scan confirmations are append-only'); END;
CREATE TRIGGER scan_confirmed_field_is_append_only_update BEFORE UPDATE ON scan_confirmed_field
  BEGIN SELECT RAISE(ABORT, 'scan confirmations are append-only'); END;
CREATE TRIGGER scan_confirmed_field_is_append_only_delete BEFORE DELETE ON scan_confirmed_field
  BEGIN SELECT RAISE(ABORT, 'scan confirmations are append-only'); END;
CREATE TRIGGER scan_rejection_is_append_only_update BEFORE UPDATE ON scan_rejection
  BEGIN SELECT RAISE(ABORT, 'scan rejections are append-only'); END;
CREATE TRIGGER scan_rejection_is_append_only_delete BEFORE DELETE ON scan_rejection
  BEGIN SELECT RAISE(ABORT, 'scan rejections are append-only'); END;
`,
} as const;
