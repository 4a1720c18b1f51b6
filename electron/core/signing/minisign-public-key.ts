import { appError, ok, type Result } from '../result';
import { type CountyPublicKey, keyIdHex } from './county-key';

const PUBLIC_KEY_ALGORITHM = 'Ed';
const PUBLIC_KEY_BLOB_BYTES = 2 + 8 + 32;

/**
 * minisign's public key file: an untrusted comment line, then base64 of "Ed" || key number (8)
 * || Ed25519 public key (32). `minisign -Vm FILE -p county.pub` reads exactly this.
 */
export function formatMinisignPublicKey(key: CountyPublicKey): string {
  const blob = Buffer.concat([Buffer.from(PUBLIC_KEY_ALGORITHM), key.keyNumber, key.publicKey]);
  return `untrusted comment: minisign public key ${keyIdHex(key.keyNumber)}\n${blob.toString('base64')}\n`;
}

export function parseMinisignPublicKey(text: string, fileName: string): Result<CountyPublicKey> {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const keyLine = lines[0]?.startsWith('untrusted comment:') ? lines[1] : lines[0];
  const blob = keyLine === undefined ? null : decodeStrictBase64(keyLine.trim());
  if (!blob || blob.length !== PUBLIC_KEY_BLOB_BYTES || blob.subarray(0, 2).toString() !== PUBLIC_KEY_ALGORITHM) {
    return appError(
      'PUBLIC_KEY_UNREADABLE',
      `${fileName} is not a minisign public key; use the county.pub file made by "tallyroom keygen".`,
    );
  }
  return ok({ keyNumber: new Uint8Array(blob.subarray(2, 10)), publicKey: new Uint8Array(blob.subarray(10)) });
}

/** Base64 that re-encodes to itself: Node's decoder skips junk, which would let altered text pass. */
export function decodeStrictBase64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}
