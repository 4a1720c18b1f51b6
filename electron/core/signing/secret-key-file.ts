import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { appError, ok, type Result } from '../result';
import { type CountySigningKey, keyIdHex, seedOf, signingKeyFromSeed } from './county-key';

const FORMAT = 'tallyroom-county-secret-key';
const FORMAT_VERSION = 1;

/**
 * scrypt cost (OWASP's minimum for scrypt is N=2^17, r=8, p=1): about 0.7 s on a laptop core,
 * once per keygen or export, and expensive enough to slow guessing a stolen file's passphrase.
 */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
export type ScryptCost = { readonly N: number; readonly r: number; readonly p: number };

/** Shortest passphrase we accept: a county key guards the results of a whole county. */
export const MIN_PASSPHRASE_LENGTH = 8;

/**
 * county.key: JSON with the Ed25519 seed encrypted by AES-256-GCM under a key derived from the
 * passphrase with scrypt. The header (format, key id, public key, scrypt cost) is the GCM
 * additional data, so changing any of it makes decryption fail instead of loading a different key.
 */
export interface SecretKeyFile {
  readonly format: typeof FORMAT;
  readonly version: typeof FORMAT_VERSION;
  readonly algorithm: 'Ed25519';
  readonly keyId: string;
  readonly publicKey: string;
  readonly kdf: {
    readonly name: 'scrypt';
    readonly N: number;
    readonly r: number;
    readonly p: number;
    readonly salt: string;
  };
  readonly cipher: { readonly name: 'aes-256-gcm'; readonly iv: string; readonly tag: string };
  readonly ciphertext: string;
}

export function encryptSecretKey(key: CountySigningKey, passphrase: string, cost: ScryptCost = DEFAULT_SCRYPT): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header = {
    keyId: keyIdHex(key.keyNumber),
    publicKey: Buffer.from(key.publicKey).toString('base64'),
    kdf: { name: 'scrypt' as const, ...cost, salt: salt.toString('base64') },
  };
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt, cost), iv);
  cipher.setAAD(additionalData(header));
  const ciphertext = Buffer.concat([cipher.update(seedOf(key)), cipher.final()]);
  const file: SecretKeyFile = {
    format: FORMAT,
    version: FORMAT_VERSION,
    algorithm: 'Ed25519',
    ...header,
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    ciphertext: ciphertext.toString('base64'),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function decryptSecretKey(text: string, passphrase: string, fileName: string): Result<CountySigningKey> {
  const file = parseSecretKeyFile(text);
  if (!file) {
    return appError('KEY_UNREADABLE', `${fileName} is not a Tallyroom county key file, or it is damaged.`);
  }
  const salt = Buffer.from(file.kdf.salt, 'base64');
  let seed: Buffer;
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      deriveKey(passphrase, salt, file.kdf),
      Buffer.from(file.cipher.iv, 'base64'),
    );
    decipher.setAAD(additionalData(file));
    decipher.setAuthTag(Buffer.from(file.cipher.tag, 'base64'));
    seed = Buffer.concat([decipher.update(Buffer.from(file.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return appError(
      'WRONG_PASSPHRASE',
      `The passphrase does not open the county key ${fileName} (or the file was changed); check TALLYROOM_KEY_PASSPHRASE.`,
    );
  }
  const key = signingKeyFromSeed(seed);
  if (keyIdHex(key.keyNumber) !== file.keyId || Buffer.from(key.publicKey).toString('base64') !== file.publicKey) {
    return appError('KEY_UNREADABLE', `${fileName} holds a key that does not match its own public key; it is damaged.`);
  }
  return ok(key);
}

function deriveKey(passphrase: string, salt: Buffer, cost: ScryptCost): Buffer {
  // 128 * N * r bytes are needed; allow twice that so the default cost runs under Node's 32 MB cap.
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 });
}

function additionalData(header: Pick<SecretKeyFile, 'keyId' | 'publicKey' | 'kdf'>): Buffer {
  const { N, r, p, salt } = header.kdf;
  return Buffer.from(`${FORMAT}/${FORMAT_VERSION} ${header.keyId} ${header.publicKey} scrypt ${N} ${r} ${p} ${salt}`);
}

function parseSecretKeyFile(text: string): SecretKeyFile | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const file = value as Partial<SecretKeyFile> | null;
  const kdf = file?.kdf;
  const cipher = file?.cipher;
  const sane =
    file?.format === FORMAT &&
    file.version === FORMAT_VERSION &&
    file.algorithm === 'Ed25519' &&
    typeof file.keyId === 'string' &&
    typeof file.publicKey === 'string' &&
    typeof file.ciphertext === 'string' &&
    kdf?.name === 'scrypt' &&
    typeof kdf.salt === 'string' &&
    // Bounds keep a crafted file from asking for gigabytes of memory or hours of work.
    Number.isInteger(kdf.N) &&
    kdf.N >= 2 ** 10 &&
    kdf.N <= 2 ** 20 &&
    Number.isInteger(kdf.r) &&
    kdf.r >= 1 &&
    kdf.r <= 16 &&
    Number.isInteger(kdf.p) &&
    kdf.p >= 1 &&
    kdf.p <= 4 &&
    cipher?.name === 'aes-256-gcm' &&
    typeof cipher.iv === 'string' &&
    typeof cipher.tag === 'string';
  return sane ? (file as SecretKeyFile) : null;
}
