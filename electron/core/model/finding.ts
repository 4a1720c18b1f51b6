/** Stable finding codes: a contract with bundles and the CLI (docs/RULES.md). */
export const FINDING_CODES = [
  'FINAL_EXCEEDS_FIRST',
  'VIABLE_GROUP_SHRANK',
  'DELEGATES_TO_NONVIABLE',
  'DELEGATE_TOTAL_MISMATCH',
  'ALLOCATION_MISMATCH',
  'SDE_MISMATCH',
  'MORE_VOTES_FEWER_DELEGATES',
  'NEGATIVE_OR_NON_INTEGER',
  'MISSING_DATA',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** The field of a worksheet a finding concerns, so the UI can show it beside that field. */
export type FindingField =
  | 'precinctDelegates'
  | 'sdePerDelegate'
  | 'firstAlignment'
  | 'finalAlignment'
  | 'delegatesAwarded'
  | 'sde';

export interface Finding {
  readonly code: FindingCode;
  readonly candidate?: string;
  readonly field?: FindingField;
  /** A sentence a precinct chair understands. */
  readonly message: string;
}
