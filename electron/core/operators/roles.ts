/**
 * What each of the county team's roles (model/operator.ts) may do. The chair may do everything
 * the others do.
 */
import { OPERATOR_ROLES, type OperatorRoleName } from '../model/operator';

export { OPERATOR_ROLES };
export type OperatorRole = OperatorRoleName;

export const ROLE_LABELS: Record<OperatorRole, string> = {
  chair: 'County chair',
  entry: 'Data entry',
  verifier: 'Recount verifier',
};

/** What a role may do; the API checks these, the UI only hides what would be refused anyway. */
export type Permission =
  | 'enter-results'
  | 'enter-recount'
  | 'resolve'
  | 'certify'
  | 'manage-operators'
  /** Run the risk-limiting audit: enter the seed, draw, enter hand tallies, measure (docs/RLA.md). */
  | 'run-audit';

const PERMISSIONS: Record<OperatorRole, readonly Permission[]> = {
  chair: ['enter-results', 'enter-recount', 'resolve', 'certify', 'manage-operators', 'run-audit'],
  entry: ['enter-results'],
  verifier: ['enter-results', 'enter-recount', 'run-audit'],
};

export function roleMay(role: OperatorRole, permission: Permission): boolean {
  return PERMISSIONS[role].includes(permission);
}
