/**
 * PINs are kept only as salted scrypt hashes (a stolen laptop's database gives no PIN away
 * without work per guess). A PIN is 4 to 12 digits: typed fast on a shared laptop, not a password.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 32;
/** scrypt cost: about 50 ms a check on a modest laptop; enough to slow guessing, quick to sign in. */
const COST = { N: 16384, r: 8, p: 1 } as const;

export { CHAIR_PIN_PATTERN, CHAIR_PIN_RULE, PIN_PATTERN, PIN_RULE } from '../model/pin-rule';

export interface PinHash {
  readonly salt: string;
  readonly hash: string;
}

export function hashPin(pin: string, salt: string = randomBytes(16).toString('base64')): PinHash {
  const hash = scryptSync(pin, Buffer.from(salt, 'base64'), KEY_LENGTH, COST).toString('base64');
  return { salt, hash };
}

export function pinMatches(pin: string, stored: PinHash): boolean {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(stored.salt, 'base64'), expected.length, COST);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
