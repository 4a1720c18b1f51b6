import type { BundleStatus } from '../bundle/bundle-status';
import type { CountyStore } from './county-store';

/** One exported bundle as the county database remembers it. */
export interface BundleExportRecord {
  readonly sequence: number;
  readonly status: BundleStatus;
  readonly keyId: string;
  /** base64 of the raw Ed25519 public key that signed it. */
  readonly publicKey: string;
  /** sha256 of the bundle's tagmanifest-sha256.txt. */
  readonly fingerprint: string;
  readonly format: 'folder' | 'zip';
  readonly fileName: string;
  readonly generatedAt: string;
  readonly operator: string;
  readonly auditSeq: number;
}

const COLUMNS = `sequence, status, key_id AS keyId, public_key AS publicKey, fingerprint, format,
  file_name AS fileName, generated_at AS generatedAt, operator, audit_seq AS auditSeq`;

/** The sequence the next export gets: one more than the highest ever exported. */
export function nextBundleSequence(store: CountyStore): number {
  const row = store.db.prepare('SELECT max(sequence) AS highest FROM bundle_export').get() as {
    highest: number | null;
  };
  return (row.highest ?? 0) + 1;
}

export function latestBundleExport(store: CountyStore): BundleExportRecord | null {
  const row = store.db.prepare(`SELECT ${COLUMNS} FROM bundle_export ORDER BY sequence DESC LIMIT 1`).get() as
    | BundleExportRecord
    | undefined;
  return row ?? null;
}

export function listBundleExports(store: CountyStore): BundleExportRecord[] {
  return store.db.prepare(`SELECT ${COLUMNS} FROM bundle_export ORDER BY sequence`).all() as BundleExportRecord[];
}

export function insertBundleExport(store: CountyStore, record: BundleExportRecord): void {
  store.db
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
