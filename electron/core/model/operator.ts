/**
 * The county team's roles. The chair sets up the county, resolves discrepancies, certifies and
 * signs; data entry keys worksheets; recount verifiers enter hand counts.
 */
export const OPERATOR_ROLES = ['chair', 'entry', 'verifier'] as const;
export type OperatorRoleName = (typeof OPERATOR_ROLES)[number];

export interface OperatorView {
  readonly name: string;
  readonly role: OperatorRoleName;
}

export interface SessionView extends OperatorView {
  /** Sent with every change (`session`); the API records the change under this person. */
  readonly session: string;
  readonly expiresAt: string;
}

export interface TeamView {
  readonly operators: readonly OperatorView[];
  /** False on a county made without a chair (e.g. `tallyroom init`): the first person to sign up becomes chair. */
  readonly hasChair: boolean;
}
