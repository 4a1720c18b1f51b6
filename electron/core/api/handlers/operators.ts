/** Sign-in and the county team, behind the API (the transports only carry the session token). */
import { addFirstChair, addOperator, type NewOperatorInput } from '../../operators/operator-accounts';
import type { OperatorRole, Permission } from '../../operators/roles';
import { operatorWhoMay, type SignedIn, signIn } from '../../operators/sessions';
import { type AppError, appError, ok, type Result } from '../../result';
import type { CountyStore } from '../../store/county-store';
import { countOperators, listOperators } from '../../store/operator-records';
import type { SessionView, TeamView } from '../contract';

export function getTeam(store: CountyStore): TeamView {
  const operators = listOperators(store).map((operator) => ({ name: operator.name, role: operator.role }));
  return { operators, hasChair: operators.some((operator) => operator.role === 'chair') };
}

/** A county without a team yet: the person at the laptop becomes its chair, and is signed in. */
export function signUpFirstChair(
  store: CountyStore,
  input: { name: string; pin: string },
  now: Date,
): Result<SessionView, AppError> {
  if (!store.getElection()) return appError('NO_COUNTY', 'Set up the county first; its chair is named there.');
  const added = addFirstChair(store, input, now.toISOString());
  if (!added.ok) return added;
  return signIn(store, input, now);
}

export function addTeamMember(
  store: CountyStore,
  chair: SignedIn,
  input: NewOperatorInput,
  at: string,
): Result<{ name: string; role: OperatorRole }, AppError> {
  return store.transaction(() => addOperator(store, input, chair.name, at));
}

/**
 * Who is making a change. With a session token: the signed-in person, if their role allows it.
 * Without one: only in a county that has no team yet (made before sign-in existed, or by
 * `tallyroom init` without a chair), where the typed name is recorded as before; once a county has
 * a team, every change needs a signed-in person, so one person cannot enter results under two names.
 */
export function actorFor(
  store: CountyStore,
  input: { session?: string | undefined; operator?: string | undefined },
  permission: Permission,
  now: Date,
): Result<SignedIn, AppError> {
  if (input.session) return operatorWhoMay(store, input.session, permission, now);
  if (countOperators(store) > 0 || permission !== 'enter-results') {
    return appError(
      'NOT_SIGNED_IN',
      'Sign in with your name and PIN first; every change is recorded under who made it.',
    );
  }
  if (!input.operator) return appError('NOT_SIGNED_IN', 'Enter the name of the person at the keyboard.');
  return ok({ name: input.operator, role: 'entry' });
}
