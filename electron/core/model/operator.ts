export type OperatorRoleName = 'chair' | 'entry' | 'verifier';

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
