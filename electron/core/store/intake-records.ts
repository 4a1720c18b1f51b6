/**
 * SQL for intake (migration 003): stored mail, the scan queue, the quarantine, and where a
 * report came from. Plain functions over a CountyStore, so county-store.ts stays one concept.
 */
import type { ReportSource } from '../model/report';
import type { CountyStore } from './county-store';
import { cachedStatement, databaseOf } from './database-of';

export interface NewMailMessage {
  readonly sha256: string;
  readonly messageId: string | null;
  readonly sender: string;
  readonly subject: string;
  readonly raw: Uint8Array;
  readonly origin: string;
  readonly operator: string;
  readonly receivedAt: string;
}

export interface StoredMailMessage extends Omit<NewMailMessage, 'raw'> {
  readonly id: number;
}

export const SCAN_MEDIA_TYPES = ['image/png', 'image/jpeg', 'application/pdf'] as const;
export type ScanMediaType = (typeof SCAN_MEDIA_TYPES)[number];

/** 'confirmed' and 'rejected' since migration 005: a person's review of the reading (scan-records.ts). */
export const SCAN_QUEUE_STATUSES = ['pending-ocr', 'read', 'unreadable', 'confirmed', 'rejected'] as const;
export type ScanQueueStatus = (typeof SCAN_QUEUE_STATUSES)[number];

/** What the chair decided about a quarantined message. */
export const QUARANTINE_DECISIONS = ['accepted', 'rejected'] as const;

export function findMailMessage(
  store: CountyStore,
  key: { readonly messageId: string | null; readonly sha256: string },
): StoredMailMessage | null {
  const row = databaseOf(store)
    .prepare(
      `SELECT id, sha256, message_id AS messageId, sender, subject, origin, operator, received_at AS receivedAt
         FROM mail_message WHERE sha256 = ? OR (? IS NOT NULL AND message_id = ?) ORDER BY id LIMIT 1`,
    )
    .get(key.sha256, key.messageId, key.messageId) as StoredMailMessage | undefined;
  return row ?? null;
}

/** Message-IDs already stored, of those given: lets the mailbox skip downloading known mail. */
export function knownMessageIds(store: CountyStore, messageIds: readonly string[]): Set<string> {
  const known = new Set<string>();
  const find = databaseOf(store).prepare('SELECT 1 FROM mail_message WHERE message_id = ?');
  for (const messageId of messageIds) if (find.get(messageId)) known.add(messageId);
  return known;
}

export function insertMailMessage(store: CountyStore, message: NewMailMessage): number {
  const info = databaseOf(store)
    .prepare(
      `INSERT INTO mail_message (sha256, message_id, sender, subject, raw, origin, operator, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      message.sha256,
      message.messageId,
      message.sender,
      message.subject,
      Buffer.from(message.raw),
      message.origin,
      message.operator,
      message.receivedAt,
    );
  return Number(info.lastInsertRowid);
}

export function mailMessageRaw(store: CountyStore, mailMessageId: number): Uint8Array | null {
  const row = databaseOf(store).prepare('SELECT raw FROM mail_message WHERE id = ?').get(mailMessageId) as
    | { raw: Buffer }
    | undefined;
  return row ? new Uint8Array(row.raw) : null;
}

export function linkFileToMail(store: CountyStore, importFileId: number, mailMessageId: number): void {
  databaseOf(store)
    .prepare('INSERT INTO import_file_mail (import_file_id, mail_message_id) VALUES (?, ?)')
    .run(importFileId, mailMessageId);
}

export function insertScanQueueItem(
  store: CountyStore,
  item: { readonly importFileId: number; readonly mediaType: ScanMediaType; readonly queuedAt: string },
): void {
  databaseOf(store)
    .prepare('INSERT INTO scan_queue (import_file_id, media_type, queued_at) VALUES (?, ?, ?)')
    .run(item.importFileId, item.mediaType, item.queuedAt);
}

export interface ScanQueueEntry {
  readonly importFileId: number;
  readonly fileName: string;
  readonly sha256: string;
  readonly mediaType: ScanMediaType;
  readonly status: ScanQueueStatus;
  readonly source: ReportSource;
  readonly operator: string;
  readonly queuedAt: string;
  readonly sender: string | null;
}

export function listScanQueue(store: CountyStore): ScanQueueEntry[] {
  return databaseOf(store)
    .prepare(
      `SELECT q.import_file_id AS importFileId, f.file_name AS fileName, f.sha256, q.media_type AS mediaType,
              q.status, f.source, f.operator, q.queued_at AS queuedAt, m.sender
         FROM scan_queue q JOIN import_file f ON f.id = q.import_file_id
         LEFT JOIN import_file_mail fm ON fm.import_file_id = f.id
         LEFT JOIN mail_message m ON m.id = fm.mail_message_id
        ORDER BY q.import_file_id`,
    )
    .all() as ScanQueueEntry[];
}

export interface NewQuarantineItem {
  readonly mailMessageId: number;
  readonly attachmentName: string | null;
  readonly attachmentSha256: string | null;
  readonly reasonCode: string;
  readonly reason: string;
  readonly quarantinedAt: string;
}

export interface QuarantineRecord extends NewQuarantineItem {
  readonly id: number;
  readonly sender: string;
  readonly subject: string;
  readonly messageId: string | null;
  readonly origin: string;
  readonly decision: (typeof QUARANTINE_DECISIONS)[number] | null;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly note: string | null;
}

export function insertQuarantineItem(store: CountyStore, item: NewQuarantineItem): number {
  const info = databaseOf(store)
    .prepare(
      `INSERT INTO quarantine_item (mail_message_id, attachment_name, attachment_sha256, reason_code, reason, quarantined_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(
      item.mailMessageId,
      item.attachmentName,
      item.attachmentSha256,
      item.reasonCode,
      item.reason,
      item.quarantinedAt,
    );
  return Number(info.lastInsertRowid);
}

const QUARANTINE_SELECT = `
  SELECT q.id, q.mail_message_id AS mailMessageId, q.attachment_name AS attachmentName,
         q.attachment_sha256 AS attachmentSha256, q.reason_code AS reasonCode, q.reason,
         q.quarantined_at AS quarantinedAt, m.sender, m.subject, m.message_id AS messageId, m.origin,
         d.decision, d.operator AS decidedBy, d.decided_at AS decidedAt, d.note
    FROM quarantine_item q JOIN mail_message m ON m.id = q.mail_message_id
    LEFT JOIN quarantine_decision d ON d.quarantine_item_id = q.id`;

export function listQuarantineItems(store: CountyStore, pendingOnly: boolean): QuarantineRecord[] {
  return databaseOf(store)
    .prepare(`${QUARANTINE_SELECT} ${pendingOnly ? 'WHERE d.decision IS NULL' : ''} ORDER BY q.id`)
    .all() as QuarantineRecord[];
}

export function findQuarantineItem(store: CountyStore, id: number): QuarantineRecord | null {
  const row = databaseOf(store).prepare(`${QUARANTINE_SELECT} WHERE q.id = ?`).get(id) as QuarantineRecord | undefined;
  return row ?? null;
}

export function insertQuarantineDecision(
  store: CountyStore,
  decision: {
    readonly quarantineItemId: number;
    readonly decision: (typeof QUARANTINE_DECISIONS)[number];
    readonly operator: string;
    readonly decidedAt: string;
    readonly note: string;
  },
): void {
  databaseOf(store)
    .prepare(
      'INSERT INTO quarantine_decision (quarantine_item_id, decision, operator, decided_at, note) VALUES (?, ?, ?, ?, ?)',
    )
    .run(decision.quarantineItemId, decision.decision, decision.operator, decision.decidedAt, decision.note);
}

/** Where a stored report came from: its source, operator, time, file name and sha256 (docs/ARCHITECTURE.md, "Append, never overwrite"), and for email the sender and Message-ID. */
export interface ReportOrigin {
  readonly reportId: number;
  readonly precinct: string;
  readonly source: ReportSource;
  readonly operator: string;
  readonly receivedAt: string;
  readonly fileName: string | null;
  /** sha256 of the file as received (null for a keyed report). */
  readonly fileSha256: string | null;
  readonly sender: string | null;
  readonly messageId: string | null;
}

export function listReportOrigins(store: CountyStore): ReportOrigin[] {
  return databaseOf(store)
    .prepare(
      `SELECT r.id AS reportId, p.code AS precinct, r.source, r.operator, r.received_at AS receivedAt,
              f.file_name AS fileName, f.sha256 AS fileSha256, m.sender, m.message_id AS messageId
         FROM report r JOIN precinct p ON p.id = r.precinct_id
         LEFT JOIN import_file f ON f.id = r.import_file_id
         LEFT JOIN import_file_mail fm ON fm.import_file_id = f.id
         LEFT JOIN mail_message m ON m.id = fm.mail_message_id
        ORDER BY r.id`,
    )
    .all() as ReportOrigin[];
}

/** Precinct codes whose registered chair has this address (compared without case). */
export function precinctsChairedBy(store: CountyStore, address: string): string[] {
  if (address === '') return [];
  return (
    databaseOf(store)
      .prepare('SELECT code FROM precinct WHERE lower(trim(chair_email)) = lower(?) ORDER BY list_order')
      .all(address) as { code: string }[]
  ).map((row) => row.code);
}

/** Counts of rows in every intake table: tests use it to prove a rejected file left nothing behind. */
export function countIntakeRows(store: CountyStore): Record<string, number> {
  const tables = [
    'import_file',
    'report',
    'report_count',
    'report_coin_toss',
    'mail_message',
    'import_file_mail',
    'scan_queue',
    'quarantine_item',
    'quarantine_decision',
  ];
  return Object.fromEntries(
    tables.map((table) => [
      table,
      (databaseOf(store).prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    ]),
  );
}

/** How many reports a precinct holds: with one, it cannot be in conflict (import skips the status check). */
export function reportsHeldFor(store: CountyStore, precinctId: number): number {
  const held = cachedStatement(store, 'SELECT count(*) AS held FROM report WHERE precinct_id = ?').get(precinctId);
  return (held as { held: number }).held;
}
