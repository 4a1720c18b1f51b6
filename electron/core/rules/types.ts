/** Names of the caucus-math profiles (DESIGN.md, "Caucus rules"). */
export const RULES_PROFILES = ['iowa-dem-2020', 'plurality'] as const;
export type RulesProfileId = (typeof RULES_PROFILES)[number];

export function isRulesProfileId(value: string): value is RulesProfileId {
  return (RULES_PROFILES as readonly string[]).includes(value);
}

/**
 * One candidate's line of a precinct worksheet or results file, exactly as reported.
 * Numbers may be missing (null) or invalid (negative, fractional): the checker reports those.
 */
export interface CandidateLine {
  readonly candidate: string;
  readonly firstAlignment: number | null;
  readonly finalAlignment: number | null;
  readonly delegatesAwarded: number | null;
  readonly sde: number | null;
}

/** A recorded coin toss: among `tied`, the groups in `winners` got the better outcome. */
export interface CoinToss {
  readonly tied: readonly string[];
  readonly winners: readonly string[];
}

/** One precinct's reported result, in ballot order of candidates. */
export interface PrecinctResult {
  readonly county?: string;
  readonly precinct: string;
  /** D: the county delegates the precinct elects. */
  readonly precinctDelegates: number | null;
  /** The county's state delegates / county convention delegates. */
  readonly sdePerDelegate: number | null;
  readonly lines: readonly CandidateLine[];
  readonly coinTosses?: readonly CoinToss[];
}

/** The largest count (of people or delegates) the checker accepts as real: no precinct comes near it. */
export const MAX_PLAUSIBLE_COUNT = 1_000_000_000;

/** Stable finding codes (DESIGN.md findings table, a contract). */
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
