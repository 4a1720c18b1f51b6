import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/** A county's Ed25519 signing key, in memory only: the seed never touches disk unencrypted. */
export interface CountySigningKey {
  /** minisign key number: 8 bytes, as stored in the public key and in every signature. */
  readonly keyNumber: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly privateKey: KeyObject;
}

/** A county's public key as the state party registers it. */
export interface CountyPublicKey {
  readonly keyNumber: Uint8Array;
  readonly publicKey: Uint8Array;
}

const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function generateCountySigningKey(): CountySigningKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  return signingKeyFromPrivateKey(privateKey);
}

/** Rebuilds the key from its 32-byte seed (what the encrypted key file holds). */
export function signingKeyFromSeed(seed: Uint8Array): CountySigningKey {
  if (seed.length !== 32) throw new Error(`Ed25519 seed must be 32 bytes, got ${seed.length}`);
  // PKCS#8 for Ed25519 is a fixed 16-byte header and the seed (RFC 8410); Node 20's JWK import
  // would also want the public key, which is what we are about to derive.
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return signingKeyFromPrivateKey(privateKey);
}

export function seedOf(key: CountySigningKey): Uint8Array {
  const jwk = key.privateKey.export({ format: 'jwk' });
  if (!jwk.d) throw new Error('Ed25519 private key without a seed');
  return Buffer.from(jwk.d, 'base64url');
}

function signingKeyFromPrivateKey(privateKey: KeyObject): CountySigningKey {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  if (!jwk.x) throw new Error('Ed25519 public key without x');
  const publicKey = new Uint8Array(Buffer.from(jwk.x, 'base64url'));
  return { keyNumber: keyNumberOf(publicKey), publicKey, privateKey };
}

/**
 * minisign picks a random key number; ours is derived from the public key instead, so the same
 * key always shows the same id and an id can never be reused for a different key by accident.
 */
export function keyNumberOf(publicKey: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('blake2b512').update(publicKey).digest().subarray(0, 8));
}

export function publicKeyObject(key: CountyPublicKey): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key.publicKey).toString('base64url') },
    format: 'jwk',
  });
}

/**
 * The key id exactly as minisign prints it: the 8 key-number bytes read as a little-endian
 * 64-bit number, in 16 upper-case hex digits. A chair comparing with minisign sees the same text.
 */
export function keyIdHex(keyNumber: Uint8Array): string {
  return Buffer.from(keyNumber).reverse().toString('hex').toUpperCase();
}

/**
 * What a chair reads out over the phone: sha256 of the public key blob, first 16 bytes, in eight
 * groups of four hex digits. 128 bits: unlike the 64-bit key id, nobody can forge a key to match it.
 */
export function publicKeyFingerprint(key: CountyPublicKey): string {
  const blob = Buffer.concat([Buffer.from('Ed'), key.keyNumber, key.publicKey]);
  return groupHex(createHash('sha256').update(blob).digest().subarray(0, 16).toString('hex'));
}

/** Hex in groups of four, upper case, for reading aloud and printing. */
export function groupHex(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}
