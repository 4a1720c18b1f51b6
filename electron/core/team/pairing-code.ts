/**
 * The one-time pairing code and the proofs built on it (docs/TEAM.md, "Pairing").
 *
 * Ten Crockford base32 characters (50 bits) that a person types; the code is stretched with
 * scrypt into a key, and each side proves it knows the key with an HMAC over the hub's
 * certificate fingerprint as the station sees it, both nonces, and what the station registers.
 * A machine in the middle presents another certificate, so its fingerprint differs and neither
 * proof fits; what it overhears costs one scrypt per guess against a code that dies in minutes.
 */
import { createHash, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** Crockford base32: no I, L, O, U, so a typed O or I/L can be read as 0 and 1. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10;
/** ~50 ms and 32 MB per guess: an overheard proof cannot be searched before the code expires. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const SALT = 'tallyroom team pairing v1';

export const PAIRING_CODE_MINUTES = 10;

export function newPairingCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What a person typed, as the code's ten characters; null when it cannot be a code. */
export function normalizePairingCode(typed: string): string | null {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== CODE_LENGTH) return null;
  for (const char of cleaned) if (!ALPHABET.includes(char)) return null;
  return cleaned;
}

/** Stored in the database: enough to recognise the code, not to use it (it lives in memory). */
export function pairingCodeHash(normalized: string): string {
  return createHash('sha256').update(`${SALT}\n${normalized}`).digest('hex');
}

export function pairingKey(normalized: string): Buffer {
  return scryptSync(normalized, SALT, 32, SCRYPT);
}

export interface PairingTranscript {
  /** The hub certificate's sha256 fingerprint as seen on this TLS connection. */
  readonly fingerprint: string;
  readonly stationNonce: string;
  readonly hubNonce: string;
  readonly stationName: string;
  /** The station's Ed25519 public key (SPKI DER, base64). */
  readonly publicKey: string;
}

function transcript(role: 'station' | 'hub', parts: PairingTranscript, extra: readonly string[]): string {
  return [
    `tallyroom-pair-v1:${role}`,
    parts.fingerprint.toUpperCase(),
    parts.stationNonce,
    parts.hubNonce,
    parts.stationName,
    parts.publicKey,
    ...extra,
  ].join('\n');
}

export function stationProof(key: Buffer, parts: PairingTranscript): string {
  return createHmac('sha256', key)
    .update(transcript('station', parts, []))
    .digest('base64');
}

/** The hub's answer also covers the station id it gave, so that cannot be swapped either. */
export function hubProof(key: Buffer, parts: PairingTranscript, stationId: string): string {
  return createHmac('sha256', key)
    .update(transcript('hub', parts, [stationId]))
    .digest('base64');
}

export function proofsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'base64');
  const right = Buffer.from(b, 'base64');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

export function newNonce(): string {
  return randomBytes(24).toString('base64url');
}
