import { appError, ok, type Result } from '../result';
import { type CountyPublicKey, keyIdHex } from './county-key';

const PUBLIC_KEY_ALGORITHM = 'Ed';
const PUBLIC_KEY_BLOB_BYTES = 2 + 8 + 32;

/**
 * minisign's public key file: an untrusted comment line, then base64 of "Ed" || key number (8)
 * || Ed25519 public key (32). `minisign -Vm FILE -p county.pub` reads exactly this.
 */
export function formatMinisignPublicKey(key: CountyPublicKey, county?: string): string {
  const blob = Buffer.concat([Buffer.from(PUBLIC_KEY_ALGORITHM), key.keyNumber, key.publicKey]);
  const owner = county === undefined ? '' : `${COUNTY_IN_COMMENT}${oneLine(county)}`;
  return `untrusted comment: minisign public key ${keyIdHex(key.keyNumber)}${owner}\n${blob.toString('base64')}\n`;
}

/**
 * The county a public key file says it is for, from its comment line ("... public key ID for Polk County"),
 * or null. The state party registers the file after checking its key id with the chair, so the comment is
 * as trusted as the file; its name, which any download or copy may change, is not read (docs/BUNDLE.md).
 */
export function countyOfPublicKeyFile(text: string): string | null {
  const comment = text.split(/\r?\n/).find((line) => line.startsWith('untrusted comment:'));
  const at = comment?.indexOf(COUNTY_IN_COMMENT) ?? -1;
  if (comment === undefined || at < 0) return null;
  const county = comment.slice(at + COUNTY_IN_COMMENT.length).trim();
  return county === '' ? null : county;
}

/** The file name a county's public key is downloaded as: "Polk County.pub", safe on every file system. */
export function publicKeyFileName(county: string): string {
  const safe = [...county]
    .map((char) => (char < ' ' || '\\/:*?"<>|'.includes(char) ? ' ' : char))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return `${safe === '' ? 'county' : safe}.pub`;
}

const COUNTY_IN_COMMENT = ' for ';

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
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
