import { createHash, sign, verify } from 'node:crypto';
import { appError, ok, type Result } from '../result';
import { type CountyPublicKey, type CountySigningKey, keyIdHex, publicKeyObject } from './county-key';
import { decodeStrictBase64 } from './minisign-public-key';

/** minisign's prehashed algorithm: Ed25519 over BLAKE2b-512 of the file (minisign's default since 0.8). */
const PREHASHED_ALGORITHM = 'ED';
const SIGNATURE_BLOB_BYTES = 2 + 8 + 64;
/** minisign refuses longer trusted comments. */
const TRUSTED_COMMENT_MAX_BYTES = 8192 - 1;

export interface MinisignSignature {
  readonly keyNumber: Uint8Array;
  readonly signature: Uint8Array;
  readonly trustedComment: string;
  readonly globalSignature: Uint8Array;
}

/**
 * Signs `message` as `minisign -S -H` would: signature = Ed25519(BLAKE2b-512(message)); the global
 * signature covers signature || trusted comment, so the trusted comment cannot be altered either.
 */
export function signMinisign(key: CountySigningKey, message: Uint8Array, trustedComment: string): MinisignSignature {
  if (/[\r\n]/.test(trustedComment) || Buffer.byteLength(trustedComment) > TRUSTED_COMMENT_MAX_BYTES) {
    throw new Error('a trusted comment must be one line of at most 8191 bytes');
  }
  const signature = new Uint8Array(sign(null, blake2b512(message), key.privateKey));
  const globalSignature = new Uint8Array(
    sign(null, Buffer.concat([signature, Buffer.from(trustedComment, 'utf8')]), key.privateKey),
  );
  return { keyNumber: key.keyNumber, signature, trustedComment, globalSignature };
}

/** The .minisig file, in the one layout our verifier accepts byte for byte. */
export function formatMinisignSignature(signature: MinisignSignature): string {
  const blob = Buffer.concat([Buffer.from(PREHASHED_ALGORITHM), signature.keyNumber, signature.signature]);
  return [
    `untrusted comment: ${untrustedCommentFor(signature.keyNumber)}`,
    blob.toString('base64'),
    `trusted comment: ${signature.trustedComment}`,
    Buffer.from(signature.globalSignature).toString('base64'),
    '',
  ].join('\n');
}

/**
 * The untrusted comment is covered by no signature, so ours is fixed text derived from the key id:
 * a verifier that re-formats the signature and compares bytes then notices any change to it.
 */
function untrustedCommentFor(keyNumber: Uint8Array): string {
  return `signature from tallyroom county key ${keyIdHex(keyNumber)}`;
}

export function parseMinisignSignature(text: string): Result<MinisignSignature> {
  const unreadable = appError(
    'SIGNATURE_UNREADABLE',
    'The signature file tagmanifest-sha256.txt.minisig is damaged or is not a minisign signature.',
  );
  const lines = text.split('\n');
  const [untrusted, signatureLine, trusted, globalLine, rest] = lines;
  if (
    lines.length !== 5 ||
    rest !== '' ||
    !untrusted?.startsWith('untrusted comment: ') ||
    !trusted?.startsWith('trusted comment: ')
  ) {
    return unreadable;
  }
  const blob = decodeStrictBase64(signatureLine ?? '');
  const globalSignature = decodeStrictBase64(globalLine ?? '');
  if (!blob || blob.length !== SIGNATURE_BLOB_BYTES || !globalSignature || globalSignature.length !== 64) {
    return unreadable;
  }
  if (blob.subarray(0, 2).toString() !== PREHASHED_ALGORITHM) {
    return appError(
      'SIGNATURE_UNREADABLE',
      'The signature is not in minisign\'s prehashed "ED" form that Tallyroom bundles use.',
    );
  }
  const signature: MinisignSignature = {
    keyNumber: new Uint8Array(blob.subarray(2, 10)),
    signature: new Uint8Array(blob.subarray(10)),
    trustedComment: trusted.slice('trusted comment: '.length),
    globalSignature: new Uint8Array(globalSignature),
  };
  if (formatMinisignSignature(signature) !== text) {
    return appError(
      'SIGNATURE_FILE_ALTERED',
      'The signature file tagmanifest-sha256.txt.minisig was changed after signing (its layout or comment differs).',
    );
  }
  return ok(signature);
}

export type SignatureCheck =
  | { readonly valid: true }
  | { readonly valid: false; readonly code: 'WRONG_KEY' | 'SIGNATURE_INVALID' | 'TRUSTED_COMMENT_INVALID' };

/** minisign -V: key number, signature over BLAKE2b-512(message), then the global signature. */
export function verifyMinisign(
  key: CountyPublicKey,
  message: Uint8Array,
  signature: MinisignSignature,
): SignatureCheck {
  if (!Buffer.from(key.keyNumber).equals(Buffer.from(signature.keyNumber))) return { valid: false, code: 'WRONG_KEY' };
  const publicKey = publicKeyObject(key);
  if (!verify(null, blake2b512(message), publicKey, signature.signature)) {
    return { valid: false, code: 'SIGNATURE_INVALID' };
  }
  const signedComment = Buffer.concat([signature.signature, Buffer.from(signature.trustedComment, 'utf8')]);
  if (!verify(null, signedComment, publicKey, signature.globalSignature)) {
    return { valid: false, code: 'TRUSTED_COMMENT_INVALID' };
  }
  return { valid: true };
}

function blake2b512(message: Uint8Array): Buffer {
  return createHash('blake2b512').update(message).digest();
}
