/**
 * The county key made in the app (docs/BUNDLE.md): the chair makes it once, on this laptop. The key folder
 * (county.pub + county.key, encrypted with the chair's passphrase) sits in the app's data folder
 * beside the database; the database records which key is current, who made it and when, so a
 * replaced key is an event in the audit log and never a silent swap.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appError, ok, type Result } from '../result';
import { countSigningKeys, currentSigningKey, insertSigningKey, type SigningKeyRecord } from '../store/bundle-records';
import type { CountyStore } from '../store/county-store';
import { type CountySigningKey, keyIdHex, publicKeyFingerprint } from './county-key';
import { createKeyFolder, openKeyFolder, PUBLIC_KEY_FILE } from './key-folder';
import { formatMinisignPublicKey, parseMinisignPublicKey, publicKeyFileName } from './minisign-public-key';
import { DEFAULT_SCRYPT, type ScryptCost } from './secret-key-file';

/** What the app shows of the county key: never the secret half. */
export interface SigningKeyView {
  readonly keyId: string;
  readonly fingerprint: string;
  /** The public key as minisign writes it, its comment naming the county: what the chair sends to the state party. */
  readonly publicKeyText: string;
  /** What to save it as: the county's name ("Polk County.pub"); the state party may rename it, nothing reads the name. */
  readonly publicKeyFileName: string;
  readonly createdBy: string;
  readonly createdAt: string;
  /** How many keys this county has made; more than one means the state party must register the new one. */
  readonly keysMade: number;
}

export function signingKeyView(store: CountyStore): SigningKeyView | null {
  const record = currentSigningKey(store);
  if (!record) return null;
  const county = store.getElection()?.county ?? 'county';
  const publicKeyText = countyPublicKeyText(readPublicKeyText(record), county);
  return {
    keyId: record.keyId,
    fingerprint: record.fingerprint,
    publicKeyText,
    publicKeyFileName: publicKeyFileName(county),
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    keysMade: countSigningKeys(store),
  };
}

/**
 * Makes the county key in a new folder under `keysRoot` and records it. A second key is allowed
 * (a lost passphrase leaves no other way) but it is recorded as a replacement in the audit log.
 */
export function createAppSigningKey(
  store: CountyStore,
  input: {
    readonly keysRoot: string;
    readonly passphrase: string;
    readonly operator: string;
    readonly at: string;
    readonly cost?: ScryptCost;
  },
): Result<SigningKeyView> {
  const previous = currentSigningKey(store);
  const folder = freshFolder(input.keysRoot, countSigningKeys(store) + 1);
  const made = createKeyFolder(folder, input.passphrase, input.cost ?? DEFAULT_SCRYPT);
  if (!made.ok) return made;
  const key = made.value;
  const keyId = keyIdHex(key.keyNumber);
  const fingerprint = publicKeyFingerprint(key);
  return store.transaction(() => {
    const entry = store.appendAudit({
      at: input.at,
      operator: input.operator,
      action: 'signing-key.created',
      payload: { keyId, fingerprint, replaces: previous?.keyId ?? null },
    });
    insertSigningKey(store, {
      keyId,
      publicKey: Buffer.from(key.publicKey).toString('base64'),
      fingerprint,
      folder,
      createdBy: input.operator,
      createdAt: input.at,
      auditSeq: entry.seq,
    });
    const view = signingKeyView(store);
    return view ? ok(view) : appError('KEY_MISSING', 'The new county key could not be read back.');
  });
}

/** The current county key, opened with the passphrase (a wrong one is refused in plain words). */
export function openAppSigningKey(store: CountyStore, passphrase: string): Result<CountySigningKey> {
  const record = currentSigningKey(store);
  if (!record) {
    return appError('NO_SIGNING_KEY', 'This county has no signing key yet. The chair makes one under Export first.');
  }
  const opened = openKeyFolder(record.folder, passphrase);
  if (!opened.ok && opened.error.code === 'WRONG_PASSPHRASE') {
    return appError(
      'WRONG_PASSPHRASE',
      'That passphrase does not open the county signing key. Type it again exactly as it was set; nothing was signed.',
    );
  }
  if (!opened.ok) return opened;
  if (keyIdHex(opened.value.keyNumber) !== record.keyId) {
    return appError(
      'KEY_UNREADABLE',
      `The key file in ${record.folder} is not the county key this database recorded (${record.keyId}); it may have been replaced.`,
    );
  }
  return opened;
}

/** The key file with the county named in its comment, so the state party's check knows whose key it is. */
function countyPublicKeyText(text: string, county: string): string {
  const key = parseMinisignPublicKey(text, PUBLIC_KEY_FILE);
  return key.ok ? formatMinisignPublicKey(key.value, county) : text;
}

function readPublicKeyText(record: SigningKeyRecord): string {
  const path = join(record.folder, PUBLIC_KEY_FILE);
  if (existsSync(path)) return readFileSync(path, 'utf8');
  // The folder was moved: the database still knows the public key, which is all county.pub holds.
  const publicKey = new Uint8Array(Buffer.from(record.publicKey, 'base64'));
  const keyNumber = new Uint8Array(Buffer.from(record.keyId, 'hex').reverse());
  return formatMinisignPublicKey({ keyNumber, publicKey });
}

function freshFolder(root: string, number: number): string {
  let candidate = number;
  while (existsSync(join(root, `key-${candidate}`))) candidate++;
  return join(root, `key-${candidate}`);
}
