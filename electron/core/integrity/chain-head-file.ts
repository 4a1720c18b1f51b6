/**
 * The chain anchored outside the file (docs/SECURITY.md): a small head file beside the database
 * (`county.db.head`) records the audit chain's newest entry (seq and hash) after every committed
 * change, MAC'd (HMAC-SHA256) with a key kept in the SecretStore. A database whose chain is behind
 * its head file — its newest entries cut off, or the whole file rolled back to an older copy — is
 * reported as tampered, and so is a head file whose MAC does not verify. Backups carry the same
 * record beside them (`<backup>.head`), and a bundle carries the head in its results.json.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomically } from '../files/atomic-write';
import type { AuditEntry } from '../model/audit-entry';
import type { SecretStore } from '../secrets/secret-store';

export const CHAIN_HEAD_FORMAT = 'tallyroom.chain-head';

export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

interface ChainHeadFile extends ChainHead {
  readonly format: typeof CHAIN_HEAD_FORMAT;
  readonly version: 1;
  readonly writtenAt: string;
  /** HMAC-SHA256 of "seq\nhash" with the SecretStore's key; null where no key could be kept. */
  readonly mac: string | null;
}

export function chainHeadPathOf(databasePath: string): string {
  return `${databasePath}.head`;
}

function macOf(head: ChainHead, key: Buffer): string {
  return createHmac('sha256', key).update(`${head.seq}\n${head.hash}`).digest('hex');
}

/** Writes the head file (atomically, 0600). */
export function writeChainHead(path: string, head: ChainHead, key: Buffer | null, at: Date): void {
  const file: ChainHeadFile = {
    format: CHAIN_HEAD_FORMAT,
    version: 1,
    seq: head.seq,
    hash: head.hash,
    writtenAt: at.toISOString(),
    mac: key ? macOf(head, key) : null,
  };
  writeFileAtomically(path, `${JSON.stringify(file)}\n`, 0o600);
}

export type ChainHeadReading =
  | { readonly kind: 'absent' }
  | { readonly kind: 'unreadable' }
  | { readonly kind: 'head'; readonly head: ChainHead; readonly mac: string | null };

export function readChainHead(path: string): ChainHeadReading {
  if (!existsSync(path)) return { kind: 'absent' };
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<ChainHeadFile>;
    if (parsed.format !== CHAIN_HEAD_FORMAT || typeof parsed.seq !== 'number' || typeof parsed.hash !== 'string') {
      return { kind: 'unreadable' };
    }
    return { kind: 'head', head: { seq: parsed.seq, hash: parsed.hash }, mac: parsed.mac ?? null };
  } catch {
    return { kind: 'unreadable' };
  }
}

/**
 * Holds the database's audit log against its head file. Null when they agree (or the database is
 * ahead: a change committed after the last head write, by a program that could not write it);
 * otherwise one sentence for the chair.
 */
export function checkChainHead(
  entries: readonly AuditEntry[],
  reading: ChainHeadReading,
  key: Buffer | null,
  /** True where a head file has been written for this database before (its key exists): a missing one is then suspicious. */
  expected: boolean,
): string | null {
  if (reading.kind === 'absent') {
    return expected && entries.length > 0
      ? 'The head file beside the database is missing: it records the newest audit entry, so removing it is how a rolled-back file would hide. Restore the latest backup if the chair did not remove it.'
      : null;
  }
  if (reading.kind === 'unreadable')
    return 'The head file beside the database is not a Tallyroom chain head: it was changed.';
  const { head, mac } = reading;
  if (key && mac === null && expected) {
    return 'The head file beside the database was not written by this app (it carries no MAC): `tallyroom restore` writes such a file after restoring a backup; if the chair did not restore one, the file was replaced.';
  }
  if (key && mac !== null) {
    const expectedMac = Buffer.from(macOf(head, key), 'hex');
    const given = Buffer.from(mac, 'hex');
    if (given.length !== expectedMac.length || !timingSafeEqual(given, expectedMac)) {
      return 'The head file beside the database was not written by this app (its MAC does not verify): it was changed.';
    }
  }
  const newest = entries.at(-1);
  if (!newest || newest.seq < head.seq) {
    return `The audit log ends at entry ${newest?.seq ?? 0}, but the head file beside the database records entry ${head.seq}: newer history was removed, or the file was rolled back to an older copy. Restore the latest backup.`;
  }
  const anchored = entries[head.seq - 1];
  if (!anchored || anchored.seq !== head.seq || anchored.hash !== head.hash) {
    return `Audit entry ${head.seq} is not the one the head file beside the database recorded: history was rewritten.`;
  }
  return null;
}

/**
 * The key that MACs head files, from the SecretStore: made once, then kept there. Null where the
 * store cannot keep a secret between runs (the serve harness, a Linux laptop without a keyring):
 * head files are then written without a MAC and still checked for a chain cut short.
 */
export async function chainHeadKey(secrets: SecretStore): Promise<{ key: Buffer | null; existed: boolean }> {
  if (!secrets.isPersistent) return { key: null, existed: false };
  const kept = await secrets.get('chain-head-key');
  if (kept) return { key: Buffer.from(kept, 'hex'), existed: true };
  const made = randomBytes(32);
  await secrets.set('chain-head-key', made.toString('hex'));
  return { key: made, existed: false };
}
