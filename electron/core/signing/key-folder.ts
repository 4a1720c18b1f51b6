import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../files/atomic-write';
import { appError, ok, type Result } from '../result';
import { makeOwnerOnlyFolder } from '../store/owner-only';
import { type CountyPublicKey, type CountySigningKey, generateCountySigningKey } from './county-key';
import { formatMinisignPublicKey, parseMinisignPublicKey } from './minisign-public-key';
import {
  DEFAULT_SCRYPT,
  decryptSecretKey,
  encryptSecretKey,
  MIN_PASSPHRASE_LENGTH,
  type ScryptCost,
} from './secret-key-file';

/** The two files `tallyroom keygen` writes into a folder. */
export const PUBLIC_KEY_FILE = 'county.pub';
export const SECRET_KEY_FILE = 'county.key';

/**
 * A new county key in `dir`: county.pub (minisign public key, for the state party) and county.key
 * (encrypted, mode 600). Refuses to replace existing key files: losing a registered key means the
 * state party has to register a new one, so that must never happen by a mistyped folder.
 */
export function createKeyFolder(
  dir: string,
  passphrase: string,
  cost: ScryptCost = DEFAULT_SCRYPT,
): Result<CountySigningKey> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return appError(
      'PASSPHRASE_TOO_SHORT',
      `The key passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`,
    );
  }
  for (const name of [PUBLIC_KEY_FILE, SECRET_KEY_FILE]) {
    if (existsSync(join(dir, name))) {
      return appError(
        'KEY_EXISTS',
        `${join(dir, name)} already exists; Tallyroom never replaces a county key. Choose another folder, or move the old key away on purpose.`,
      );
    }
  }
  makeOwnerOnlyFolder(dir);
  const key = generateCountySigningKey();
  writeFileAtomically(join(dir, SECRET_KEY_FILE), encryptSecretKey(key, passphrase, cost), 0o600);
  writeFileAtomically(join(dir, PUBLIC_KEY_FILE), formatMinisignPublicKey(key), 0o644);
  return ok(key);
}

/** The county's signing key from a key folder, opened with the passphrase. */
export function openKeyFolder(dir: string, passphrase: string): Result<CountySigningKey> {
  const path = join(dir, SECRET_KEY_FILE);
  if (!existsSync(path)) {
    return appError('KEY_MISSING', `There is no county key at ${path}; make one with "tallyroom keygen --out ${dir}".`);
  }
  return decryptSecretKey(readFileSync(path, 'utf8'), passphrase, path);
}

export function readPublicKeyFile(path: string): Result<CountyPublicKey> {
  if (!existsSync(path)) return appError('PUBLIC_KEY_MISSING', `There is no public key file at ${path}.`);
  return parseMinisignPublicKey(readFileSync(path, 'utf8'), path);
}
