/**
 * The digest the audit chain keeps of every row that holds numbers (docs/SECURITY.md, "Every
 * number in the chain"): sha256 of the canonical JSON of the row and its child rows as stored.
 * The entry that records a report, resolution, certification, recount or correction, or audit hand
 * tally carries it as `numbersSha256`; the health check recomputes it from the rows, so a number
 * changed in the file behind the app's back no longer matches the chain.
 */
import { createHash } from 'node:crypto';
import type { CountyStore } from '../store/county-store';
import { type LedgerKind, type LedgerRecord, listLedgerRecords } from '../store/ledger-records';

/**
 * The record's JSON in the column order of store/ledger-records.ts's SQL (fixed, so the same rows
 * always give the same bytes; faster than sorting keys, and the health check takes one per row).
 * A change to those columns is a new version here, never a silent change of what old digests cover.
 */
export function ledgerDigest(record: LedgerRecord): string {
  return createHash('sha256')
    .update(`tallyroom.ledger.v1\n${record.kind}\n${record.id}\n${JSON.stringify(record.values)}`)
    .digest('hex');
}

/** The digest of one row as it now stands in the database: call right after writing it, in the same transaction. */
export function ledgerDigestOf(store: CountyStore, kind: LedgerKind, id: number): string {
  const record = listLedgerRecords(store, kind, id)[0];
  if (!record) throw new Error(`No ${kind} ${id} to take the digest of: it was just written.`);
  return ledgerDigest(record);
}
