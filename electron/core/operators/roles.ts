/**
 * What each of the county team's roles (model/operator.ts) may do. The chair may do everything
 * the others do.
 */
import { OPERATOR_ROLES, type OperatorRoleName } from '../model/operator';
import type { ReportSource } from '../model/report';

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

/**
 * The sources each role may record a report under: a source is a claim about where the numbers
 * came from (a recount is a hand count of the paper), so labelling one is a permission like any
 * other. Every method that stores a report checks this table (api/access.ts, team/station-batch.ts).
 */
const RECORDABLE_SOURCES: Record<OperatorRole, readonly ReportSource[]> = {
  chair: ['usb', 'email', 'scan', 'manual', 'phone', 'recount'],
  entry: ['usb', 'email', 'scan', 'manual', 'phone'],
  verifier: ['usb', 'email', 'scan', 'manual', 'phone', 'recount'],
};

export function roleMayRecord(role: OperatorRole, source: ReportSource): boolean {
  return RECORDABLE_SOURCES[role].includes(source);
}

/** Said when a role may not record a source. */
export function mayNotRecord(name: string, source: ReportSource): string {
  return source === 'recount'
    ? `${name} may not record a recount: only a recount verifier or the chair may.`
    : `${name} may not record results from this source.`;
}
