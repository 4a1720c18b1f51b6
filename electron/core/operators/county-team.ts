/** The county team as the app shows it, and the chair's first sign-up in a county without a team. */
import type { SessionView, TeamView } from '../model/operator';
import { type AppError, appError, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { listOperators } from '../store/operator-records';
import { addFirstChair, addOperator, type NewOperatorInput } from './operator-accounts';
import type { OperatorRole } from './roles';
import { type SignedIn, signIn } from './sessions';

export function countyTeam(store: CountyStore): TeamView {
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

/** The chair adds a person to the team, in one transaction with its audit entry. */
export function addTeamMember(
  store: CountyStore,
  chair: SignedIn,
  input: NewOperatorInput,
  at: string,
): Result<{ name: string; role: OperatorRole }, AppError> {
  return store.transaction(() => addOperator(store, input, chair.name, at));
}
