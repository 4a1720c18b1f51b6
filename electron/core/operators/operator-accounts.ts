/** Adding people to the county team. The first person added is the chair (county setup or first start). */
import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { countOperators, findOperatorByName, insertOperator } from '../store/operator-records';
import { CHAIR_PIN_PATTERN, CHAIR_PIN_RULE, hashPin, PIN_PATTERN, PIN_RULE } from './pin';
import { type OperatorRole, ROLE_LABELS } from './roles';

export interface OperatorInfo {
  readonly name: string;
  readonly role: OperatorRole;
}

export interface NewOperatorInput {
  readonly name: string;
  readonly role: OperatorRole;
  readonly pin: string;
}

/**
 * Adds an operator with their PIN hashed, and an audit entry. Call inside a store transaction.
 * `by` is who added them (the chair's name, or the person setting up the county). A chair's PIN
 * has at least six digits, except the demo county's public one (`publicDemoPin`, README.md).
 */
export function addOperator(
  store: CountyStore,
  input: NewOperatorInput,
  by: string,
  at: string,
  options: { readonly publicDemoPin?: boolean } = {},
): Result<OperatorInfo, AppError> {
  const name = input.name.trim();
  if (!PIN_PATTERN.test(input.pin)) return appError('INVALID_PIN', `${PIN_RULE} Choose another PIN for ${name}.`);
  if (input.role === 'chair' && !options.publicDemoPin && !CHAIR_PIN_PATTERN.test(input.pin)) {
    return appError('INVALID_PIN', `${CHAIR_PIN_RULE} Choose a longer PIN for ${name}.`);
  }
  if (findOperatorByName(store, name)) {
    return appError('OPERATOR_EXISTS', `${name} is already on the county team; each person signs in under one name.`);
  }
  const pin = hashPin(input.pin);
  insertOperator(store, { name, role: input.role, pinSalt: pin.salt, pinHash: pin.hash, createdAt: at, createdBy: by });
  store.appendAudit({ at, operator: by, action: 'operator.added', payload: { name, role: input.role } });
  return ok({ name, role: input.role });
}

/**
 * The county's first chair, for a database that has no operator yet (a county made by
 * `tallyroom init`, or one from before operators existed): whoever sets it up on the laptop.
 */
export function addFirstChair(
  store: CountyStore,
  input: { name: string; pin: string },
  at: string,
): Result<OperatorInfo, AppError> {
  return store.transaction(() => {
    if (countOperators(store) > 0) {
      return appError(
        'CHAIR_EXISTS',
        `This county already has its team; the ${ROLE_LABELS.chair.toLowerCase()} adds people from County setup.`,
      );
    }
    return addOperator(store, { ...input, role: 'chair' }, input.name.trim(), at);
  });
}
