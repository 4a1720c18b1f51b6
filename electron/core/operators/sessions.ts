/**
 * Sign-in on the shared laptop: name and PIN give a session token the app sends with every
 * change, so each change is recorded under the person who made it (never a name typed at will).
 * Only the token's sha256 is stored: a copy of the database cannot be used to act as someone.
 */
import { createHash, randomBytes } from 'node:crypto';
import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import {
  endSession,
  findOperatorById,
  findOperatorByName,
  findSession,
  insertSession,
} from '../store/operator-records';
import { insertSignInFailure, signInFailuresSince } from '../store/sign-in-records';
import { pinMatches } from './pin';
import { type OperatorRole, type Permission, ROLE_LABELS, roleMay } from './roles';
import { failureWindowStart, SIGN_IN_THROTTLE, signInPausedUntil } from './sign-in-throttle';

/** A caucus night is long; a session lasts a shift, then the person signs in again. */
const SESSION_HOURS = 14;

export interface SignedIn {
  readonly name: string;
  readonly role: OperatorRole;
}

export interface NewSession extends SignedIn {
  readonly session: string;
  readonly expiresAt: string;
}

const WRONG_PIN =
  'That name and PIN do not match. Check both and try again; the chair can tell you the name you were added under.';

export function signIn(
  store: CountyStore,
  input: { name: string; pin: string },
  now: Date,
): Result<NewSession, AppError> {
  const pausedUntil = pinPausedUntil(store, input.name, now);
  if (pausedUntil) return appError('SIGN_IN_PAUSED', pausedMessage(pausedUntil, now));
  const operator = findOperatorByName(store, input.name);
  // The same answer for an unknown name and a wrong PIN: the prompt does not confirm who exists.
  if (!operator || !pinMatches(input.pin, { salt: operator.pinSalt, hash: operator.pinHash })) {
    const paused = recordWrongPin(store, input.name, 'sign-in', now);
    return paused ? appError('SIGN_IN_PAUSED', pausedMessage(paused, now)) : appError('SIGN_IN_REFUSED', WRONG_PIN);
  }
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  store.transaction(() => {
    insertSession(store, { tokenHash: tokenHash(token), operatorId: operator.id, startedAt: at, expiresAt });
    store.appendAudit({ at, operator: operator.name, action: 'operator.signed-in', payload: { role: operator.role } });
    return ok(undefined);
  });
  return ok({ session: token, name: operator.name, role: operator.role, expiresAt });
}

/** When PIN checks for the name open again (sign-in and re-typed PINs share the count), or null. */
function pinPausedUntil(store: CountyStore, name: string, now: Date): Date | null {
  return signInPausedUntil(signInFailuresSince(store, name, failureWindowStart(now)), now);
}

/**
 * Records a wrong PIN for the name in the shared count and in the audit log (which check: `sign-in`
 * or the method the PIN was typed again for; never the PIN). The one that reaches the limit pauses
 * the name and says so in the audit log too. Returns when the pause ends, or null.
 */
function recordWrongPin(store: CountyStore, name: string, check: string, now: Date): Date | null {
  const at = now.toISOString();
  const paused = store.transaction(() => {
    insertSignInFailure(store, name, at);
    store.appendAudit({ at, operator: 'system', action: 'operator.wrong-pin', payload: { name: name.trim(), check } });
    const until = pinPausedUntil(store, name, now);
    if (until) {
      store.appendAudit({
        at,
        operator: 'system',
        action: 'operator.sign-in-paused',
        payload: { name: name.trim(), failures: SIGN_IN_THROTTLE.maxFailures, until: until.toISOString() },
      });
    }
    return ok(until);
  });
  return paused.ok ? paused.value : null;
}

function pausedMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `Too many wrong PINs for this name. Its PIN is paused for ${minutes} minute${minutes === 1 ? '' : 's'}, at sign-in and when typed again; if you have forgotten your PIN, ask the county chair.`;
}

export function signOut(store: CountyStore, token: string, now: Date): Result<null, AppError> {
  const who = currentOperator(store, token, now);
  if (!who.ok) return ok(null);
  const at = now.toISOString();
  return store.transaction(() => {
    endSession(store, tokenHash(token), at);
    store.appendAudit({ at, operator: who.value.name, action: 'operator.signed-out', payload: {} });
    return ok(null);
  });
}

/** The person a session token stands for, or why it no longer does. */
export function currentOperator(store: CountyStore, token: string, now: Date): Result<SignedIn, AppError> {
  const session = findSession(store, tokenHash(token));
  if (!session || session.endedAt !== null) {
    return appError('NOT_SIGNED_IN', 'You are not signed in. Sign in with your name and PIN, then try again.');
  }
  if (session.expiresAt <= now.toISOString()) {
    return appError('SESSION_EXPIRED', 'Your sign-in has expired after a long shift. Sign in again with your PIN.');
  }
  const operator = findOperatorById(store, session.operatorId);
  if (!operator) return appError('NOT_SIGNED_IN', 'You are not signed in. Sign in with your name and PIN.');
  return ok({ name: operator.name, role: operator.role });
}

/** The signed-in person, if their role allows `permission`; a sentence saying who may otherwise. */
export function operatorWhoMay(
  store: CountyStore,
  token: string,
  permission: Permission,
  now: Date,
): Result<SignedIn, AppError> {
  const who = currentOperator(store, token, now);
  if (!who.ok) return who;
  if (!roleMay(who.value.role, permission)) {
    return appError(
      'NOT_ALLOWED',
      `${who.value.name} is signed in as ${ROLE_LABELS[who.value.role].toLowerCase()}; only ${whoMay(permission)} may ${PERMISSION_WORDS[permission]}.`,
    );
  }
  return who;
}

/**
 * A chair's PIN typed again to confirm a certification or a correction: the session alone is not
 * enough. It shares the sign-in count of wrong PINs, so re-typing is no faster way to guess.
 * `check` names what the PIN was typed for, for the audit log.
 */
export function confirmPin(
  store: CountyStore,
  name: string,
  pin: string,
  now: Date,
  check: string,
): Result<null, AppError> {
  const pausedUntil = pinPausedUntil(store, name, now);
  if (pausedUntil) return appError('PIN_PAUSED', pausedMessage(pausedUntil, now));
  const operator = findOperatorByName(store, name);
  if (!operator || !pinMatches(pin, { salt: operator.pinSalt, hash: operator.pinHash })) {
    const paused = recordWrongPin(store, name, check, now);
    if (paused) return appError('PIN_PAUSED', pausedMessage(paused, now));
    return appError('WRONG_PIN', `That is not ${name}’s PIN. Nothing was certified or changed.`);
  }
  return ok(null);
}

const PERMISSION_WORDS: Record<Permission, string> = {
  'enter-results': 'enter results',
  'enter-recount': 'enter a recount',
  resolve: 'resolve a discrepancy',
  certify: 'certify results or correct a certified result',
  'manage-operators': 'add people to the county team',
  'run-audit': 'run the risk-limiting audit',
};

function whoMay(permission: Permission): string {
  return permission === 'enter-recount' || permission === 'run-audit'
    ? 'a recount verifier or the county chair'
    : 'the county chair';
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
