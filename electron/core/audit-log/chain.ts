import { createHash } from 'node:crypto';
import type { AuditEntry, AuditVerification } from '../model/audit-entry';
import { canonicalJson } from './canonical-json';

/** prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryBody {
  readonly seq: number;
  readonly at: string;
  readonly operator: string;
  readonly action: string;
  readonly payload: unknown;
}

/**
 * hash = sha256(prev_hash + "\n" + canonical JSON of {seq, at, operator, action, payload}).
 * Chaining each entry to the one before makes any edit, insertion or deletion in history detectable.
 */
export function auditEntryHash(prevHash: string, body: AuditEntryBody): string {
  const canonical = canonicalJson({
    seq: body.seq,
    at: body.at,
    operator: body.operator,
    action: body.action,
    payload: body.payload,
  });
  return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}

/** Checks every link from the first entry; reports the first entry that does not hold. */
export function verifyAuditChain(entries: Iterable<AuditEntry>): AuditVerification {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const entry of entries) {
    count++;
    if (entry.seq !== expectedSeq) {
      return {
        valid: false,
        entries: count,
        brokenAtSeq: entry.seq,
        reason: `Entry ${expectedSeq} is missing: the log jumps from ${expectedSeq - 1} to ${entry.seq}.`,
      };
    }
    if (entry.prevHash !== prevHash) {
      return {
        valid: false,
        entries: count,
        brokenAtSeq: entry.seq,
        reason: `Entry ${entry.seq} does not point at the entry before it: history was changed.`,
      };
    }
    if (auditEntryHash(prevHash, entry) !== entry.hash) {
      return {
        valid: false,
        entries: count,
        brokenAtSeq: entry.seq,
        reason: `Entry ${entry.seq} was changed after it was written (its hash no longer matches).`,
      };
    }
    prevHash = entry.hash;
    expectedSeq++;
  }
  return { valid: true, entries: count, headHash: prevHash };
}
