/**
 * Who may call a method, declared once in its table entry (method-table.ts) and resolved by
 * createApi before the handler runs: the handler receives the person, never a session token to check.
 */
import type { ReportSource } from '../model/report';
import { mayNotRecord, type Permission, roleMayRecord } from '../operators/roles';
import { confirmPin, currentOperator, operatorWhoMay, type SignedIn } from '../operators/sessions';
import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { countOperators } from '../store/operator-records';

/** Anyone may call it (reads, sign-in itself); the handler gets no person. */
export interface OpenAccess {
  readonly kind: 'open';
}

/** Any signed-in person, whatever their role. */
export interface SignedInAccess {
  readonly kind: 'signed-in';
}

/** A signed-in person whose role allows the permission. */
export interface PermissionAccess<I = never> {
  readonly kind: 'permission';
  /** Fixed, or read from the parsed input (a recount typed on the worksheet screen needs 'enter-recount'). */
  readonly permission: Permission | ((input: I) => Permission);
  /**
   * A county with no team yet (before its first chair signs up) records the typed `operator` name
   * instead; only for entering results, as before sign-in existed.
   */
  readonly typedNameWithoutTeam?: boolean;
  /** The chair types their PIN again (`pin` in the input): the session alone is not enough for a final act. */
  readonly pinAgain?: boolean;
  /** Said instead of the role sentence when the person's role does not allow it. */
  readonly notAllowed?: string;
  /**
   * The source the stored report will carry, read from the input: the person's role must be allowed
   * to record it (roleMayRecord in operators/roles.ts), so entry cannot label a file a recount.
   */
  readonly records?: (input: I) => ReportSource;
}

export type Access = OpenAccess | SignedInAccess | PermissionAccess<never>;

export const open: OpenAccess = { kind: 'open' };
export const signedIn: SignedInAccess = { kind: 'signed-in' };

export function needs<I = never>(
  permission: PermissionAccess<I>['permission'],
  options: Omit<PermissionAccess<I>, 'kind' | 'permission'> = {},
): PermissionAccess<I> {
  return { kind: 'permission', permission, ...options };
}

/** What resolving an access gives the handler: nothing for open methods, the person and the moment otherwise. */
export type ActorOf<A> = A extends OpenAccess ? Record<never, never> : { readonly actor: SignedIn; readonly at: Date };

interface ActorInput {
  readonly session?: unknown;
  readonly operator?: unknown;
  readonly pin?: unknown;
}

/**
 * Resolves who is calling, once, before the handler: the signed-in person (if their role allows the
 * method), with the chair's PIN typed again where the method asks for it. Open methods resolve to
 * nothing and read no clock.
 */
export function resolveAccess(
  store: CountyStore,
  access: Access,
  input: unknown,
  clock: () => Date,
  /** The method called, named in the audit log when a PIN typed again is wrong. */
  method = 'a PIN typed again',
): Result<Record<never, never> | { actor: SignedIn; at: Date }, AppError> {
  if (access.kind === 'open') return ok({});
  const at = clock();
  const fields = (input ?? {}) as ActorInput;
  const session = typeof fields.session === 'string' && fields.session !== '' ? fields.session : undefined;
  if (access.kind === 'signed-in') {
    if (!session) return notSignedIn();
    const who = currentOperator(store, session, at);
    return who.ok ? ok({ actor: who.value, at }) : who;
  }
  const permission =
    typeof access.permission === 'function'
      ? (access.permission as (input: unknown) => Permission)(input)
      : access.permission;
  const who = actorFor(store, session, fields.operator, permission, access.typedNameWithoutTeam === true, at);
  if (!who.ok) {
    return who.error.code === 'NOT_ALLOWED' && access.notAllowed ? appError('NOT_ALLOWED', access.notAllowed) : who;
  }
  if (access.records) {
    const source = (access.records as (input: unknown) => ReportSource | undefined)(input);
    if (source !== undefined && !roleMayRecord(who.value.role, source))
      return appError('NOT_ALLOWED', mayNotRecord(who.value.name, source));
  }
  if (access.pinAgain) {
    const pin = confirmPin(store, who.value.name, typeof fields.pin === 'string' ? fields.pin : '', at, method);
    if (!pin.ok) return pin;
  }
  return ok({ actor: who.value, at });
}

/**
 * Who is making a change. With a session token: the signed-in person, if their role allows it.
 * Without one: only in a county that has no team yet (made before sign-in existed, or by
 * `tallyroom init` without a chair), where the typed name is recorded as before; once a county has
 * a team, every change needs a signed-in person, so one person cannot enter results under two names.
 */
function actorFor(
  store: CountyStore,
  session: string | undefined,
  operator: unknown,
  permission: Permission,
  typedNameWithoutTeam: boolean,
  now: Date,
): Result<SignedIn, AppError> {
  if (session) return operatorWhoMay(store, session, permission, now);
  if (countOperators(store) > 0 || !typedNameWithoutTeam || permission !== 'enter-results') return notSignedIn();
  if (typeof operator !== 'string' || operator === '') {
    return appError('NOT_SIGNED_IN', 'Enter the name of the person at the keyboard.');
  }
  return ok({ name: operator, role: 'entry' });
}

function notSignedIn(): Result<never, AppError> {
  return appError('NOT_SIGNED_IN', 'Sign in with your name and PIN first; every change is recorded under who made it.');
}
