import type { RulesProfileId } from './rules-profile';

export interface CandidateInfo {
  readonly name: string;
  readonly ballotOrder: number;
}

export interface PrecinctInfo {
  readonly code: string;
  readonly name: string;
  /** D: county delegates this precinct elects. */
  readonly delegates: number;
  readonly chairEmail: string | null;
}

export interface ElectionInfo {
  readonly county: string;
  readonly name: string;
  /** ISO date (YYYY-MM-DD) of the caucus or election. */
  readonly date: string;
  readonly rulesProfile: RulesProfileId;
  /** The county's state delegates / county convention delegates. */
  readonly sdePerDelegate: number;
  readonly candidates: readonly CandidateInfo[];
  readonly precinctCount: number;
  readonly totalDelegates: number;
}

/** A county as it is set up: typed in, or read from a county definition file. */
export interface CountySetupInput {
  readonly county: string;
  readonly name: string;
  readonly date: string;
  readonly rulesProfile: RulesProfileId;
  readonly sdePerDelegate: number;
  readonly precincts: readonly { code: string; name: string; delegates: number; chairEmail?: string | null }[];
  readonly candidates: readonly string[];
}
