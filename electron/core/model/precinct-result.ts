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
