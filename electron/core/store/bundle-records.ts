import type { BundleStatus } from '../model/bundle-status';
import type { CountyStore } from './county-store';
import { databaseOf } from './database-of';

/** One exported bundle as the county database remembers it. */
/** A bundle is written as a folder or a zip. */
export const BUNDLE_FORMATS = ['folder', 'zip'] as const;

export interface BundleExportRecord {
  readonly sequence: number;
  readonly status: BundleStatus;
  readonly keyId: string;
  /** base64 of the raw Ed25519 public key that signed it. */
  readonly publicKey: string;
  /** sha256 of the bundle's tagmanifest-sha256.txt. */
  readonly fingerprint: string;
  readonly format: (typeof BUNDLE_FORMATS)[number];
  readonly fileName: string;
  readonly generatedAt: string;
  readonly operator: string;
  readonly auditSeq: number;
}

const COLUMNS = `sequence, status, key_id AS keyId, public_key AS publicKey, fingerprint, format,
  file_name AS fileName, generated_at AS generatedAt, operator, audit_seq AS auditSeq`;

/** The sequence the next export gets: one more than the highest ever exported. */
export function nextBundleSequence(store: CountyStore): number {
  const row = databaseOf(store).prepare('SELECT max(sequence) AS highest FROM bundle_export').get() as {
    highest: number | null;
  };
  return (row.highest ?? 0) + 1;
}

export function latestBundleExport(store: CountyStore): BundleExportRecord | null {
  const row = databaseOf(store).prepare(`SELECT ${COLUMNS} FROM bundle_export ORDER BY sequence DESC LIMIT 1`).get() as
    | BundleExportRecord
    | undefined;
  return row ?? null;
}

export function listBundleExports(store: CountyStore): BundleExportRecord[] {
  return databaseOf(store)
    .prepare(`SELECT ${COLUMNS} FROM bundle_export ORDER BY sequence`)
    .all() as BundleExportRecord[];
}

export function insertBundleExport(store: CountyStore, record: BundleExportRecord): void {
  databaseOf(store)
    .prepare(
      `INSERT INTO bundle_export (sequence, status, key_id, public_key, fingerprint, format, file_name, generated_at, operator, audit_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      record.sequence,
      record.status,
      record.keyId,
      record.publicKey,
      record.fingerprint,
      record.format,
      record.fileName,
      record.generatedAt,
      record.operator,
      record.auditSeq,
    );
}

/** A county signing key made in the app (migration 007). */
export interface SigningKeyRecord {
  readonly keyId: string;
  /** base64 of the raw Ed25519 public key. */
  readonly publicKey: string;
  /** What the chair reads out: groups of four hex digits (publicKeyFingerprint). */
  readonly fingerprint: string;
  /** The key folder (county.pub + county.key), beside the database. */
  readonly folder: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly auditSeq: number;
}

const KEY_COLUMNS = `key_id AS keyId, public_key AS publicKey, fingerprint, folder, created_by AS createdBy,
  created_at AS createdAt, audit_seq AS auditSeq`;

/** The key bundles are signed with: the newest one made. */
export function currentSigningKey(store: CountyStore): SigningKeyRecord | null {
  const row = databaseOf(store).prepare(`SELECT ${KEY_COLUMNS} FROM signing_key ORDER BY id DESC LIMIT 1`).get() as
    | SigningKeyRecord
    | undefined;
  return row ?? null;
}

export function countSigningKeys(store: CountyStore): number {
  return (databaseOf(store).prepare('SELECT count(*) AS n FROM signing_key').get() as { n: number }).n;
}

export function insertSigningKey(store: CountyStore, record: SigningKeyRecord): void {
  databaseOf(store)
    .prepare(
      `INSERT INTO signing_key (key_id, public_key, fingerprint, folder, created_by, created_at, audit_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      record.keyId,
      record.publicKey,
      record.fingerprint,
      record.folder,
      record.createdBy,
      record.createdAt,
      record.auditSeq,
    );
}

/** A stored file of a confirmed worksheet scan: the image or PDF a report with source 'scan' was read from. */
export interface ScanFileRecord {
  readonly importFileId: number;
  readonly fileName: string;
  readonly sha256: string;
  readonly bytes: Uint8Array;
}

/** Every stored file some report of source 'scan' links to (each once), oldest first. */
export function listConfirmedScanFiles(store: CountyStore): ScanFileRecord[] {
  return databaseOf(store)
    .prepare(
      `SELECT f.id AS importFileId, f.file_name AS fileName, f.sha256 AS sha256, f.bytes AS bytes
         FROM import_file f
        WHERE f.id IN (SELECT import_file_id FROM report WHERE source = 'scan' AND import_file_id IS NOT NULL)
        ORDER BY f.id`,
    )
    .all() as ScanFileRecord[];
}
