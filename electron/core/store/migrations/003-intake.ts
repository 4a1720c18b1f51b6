/**
 * 003: intake from hostile media and the county mailbox.
 * - mail_message: each email as received (raw bytes, sha256, Message-ID, sender), deduplicated by
 *   Message-ID (or by its bytes when it has none).
 * - import_file_mail: which stored files came out of which email (the sender and Message-ID of a report).
 * - scan_queue: worksheet images/PDFs stored as received, waiting for OCR. Only `status` may change
 *   (the OCR step records its progress); the file itself is in import_file, append-only.
 * - quarantine_item / quarantine_decision: mail that did not come from the precinct's registered
 *   chair, held for a person; the decision is a new row, never an edit.
 * (Version 2 is reserved for another change; migrate() applies every version above the current one.)
 */
export const migration003 = {
  version: 3,
  name: 'intake',
  sql: `
CREATE TABLE mail_message (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  message_id TEXT UNIQUE CHECK (message_id IS NULL OR length(message_id) > 0),
  sender TEXT NOT NULL,
  subject TEXT NOT NULL,
  raw BLOB NOT NULL,
  origin TEXT NOT NULL CHECK (length(origin) > 0),
  operator TEXT NOT NULL CHECK (length(operator) > 0),
  received_at TEXT NOT NULL
) STRICT;

CREATE TABLE import_file_mail (
  import_file_id INTEGER PRIMARY KEY REFERENCES import_file(id),
  mail_message_id INTEGER NOT NULL REFERENCES mail_message(id)
) STRICT;

CREATE TABLE scan_queue (
  import_file_id INTEGER PRIMARY KEY REFERENCES import_file(id),
  media_type TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'application/pdf')),
  status TEXT NOT NULL DEFAULT 'pending-ocr' CHECK (status IN ('pending-ocr', 'read', 'unreadable')),
  queued_at TEXT NOT NULL
) STRICT;

CREATE TABLE quarantine_item (
  id INTEGER PRIMARY KEY,
  mail_message_id INTEGER NOT NULL REFERENCES mail_message(id),
  -- NULL: the whole message is held (unknown sender); else one attachment of it.
  attachment_name TEXT,
  attachment_sha256 TEXT CHECK (attachment_sha256 IS NULL OR length(attachment_sha256) = 64),
  reason_code TEXT NOT NULL CHECK (length(reason_code) > 0),
  reason TEXT NOT NULL,
  quarantined_at TEXT NOT NULL
) STRICT;
CREATE INDEX quarantine_item_by_message ON quarantine_item(mail_message_id);

CREATE TABLE quarantine_decision (
  quarantine_item_id INTEGER PRIMARY KEY REFERENCES quarantine_item(id),
  decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
  operator TEXT NOT NULL CHECK (length(operator) > 0),
  decided_at TEXT NOT NULL,
  note TEXT NOT NULL
) STRICT;

CREATE TRIGGER mail_message_is_append_only_update BEFORE UPDATE ON mail_message
  BEGIN SELECT RAISE(ABORT, 'stored mail is append-only'); END;
CREATE TRIGGER mail_message_is_append_only_delete BEFORE DELETE ON mail_message
  BEGIN SELECT RAISE(ABORT, 'stored mail is append-only'); END;
CREATE TRIGGER import_file_mail_is_append_only_update BEFORE UPDATE ON import_file_mail
  BEGIN SELECT RAISE(ABORT, 'stored mail is append-only'); END;
CREATE TRIGGER import_file_mail_is_append_only_delete BEFORE DELETE ON import_file_mail
  BEGIN SELECT RAISE(ABORT, 'stored mail is append-only'); END;
CREATE TRIGGER scan_queue_keeps_its_file BEFORE UPDATE OF import_file_id, media_type, queued_at ON scan_queue
  BEGIN SELECT RAISE(ABORT, 'only the status of a queued scan changes'); END;
CREATE TRIGGER scan_queue_is_append_only_delete BEFORE DELETE ON scan_queue
  BEGIN SELECT RAISE(ABORT, 'queued scans are append-only'); END;
CREATE TRIGGER quarantine_item_is_append_only_update BEFORE UPDATE ON quarantine_item
  BEGIN SELECT RAISE(ABORT, 'quarantine is append-only'); END;
CREATE TRIGGER quarantine_item_is_append_only_delete BEFORE DELETE ON quarantine_item
  BEGIN SELECT RAISE(ABORT, 'quarantine is append-only'); END;
CREATE TRIGGER quarantine_decision_is_append_only_update BEFORE UPDATE ON quarantine_decision
  BEGIN SELECT RAISE(ABORT, 'quarantine decisions are append-only'); END;
CREATE TRIGGER quarantine_decision_is_append_only_delete BEFORE DELETE ON quarantine_decision
  BEGIN SELECT RAISE(ABORT, 'quarantine decisions are append-only'); END;
`,
} as const;
