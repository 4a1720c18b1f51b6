/** Recounts and corrections of certified results, and the report that lists them (verify/recount-summary.ts). */

/** Per candidate, one precinct's certified numbers against a recount or correction. */
export interface CandidateChange {
  readonly candidate: string;
  readonly before: CandidateNumbers;
  readonly after: CandidateNumbers;
}

export interface CandidateNumbers {
  readonly firstAlignment: number | null;
  readonly finalAlignment: number | null;
  /** Null when the rules cannot give delegates (a coin toss not recorded) or under `plurality`. */
  readonly delegates: number | null;
  readonly sde: number | null;
}

export interface PrecinctRecount {
  readonly precinct: string;
  readonly precinctName: string;
  readonly kind: 'recount' | 'correction';
  readonly operator: string;
  readonly at: string;
  readonly reason: string;
  readonly reportId: number;
  readonly certifiedReportId: number;
  readonly candidates: readonly CandidateChange[];
  /** The candidates who hold at least one delegate, before and after (the winner of a one-delegate precinct). */
  readonly delegateWinnersBefore: readonly string[];
  readonly delegateWinnersAfter: readonly string[];
}

export interface RecountSummary {
  readonly county: string;
  readonly election: string;
  readonly rulesProfile: string;
  readonly generatedAt: string;
  /** Every recount and correction of a certified result, oldest first. */
  readonly changes: readonly PrecinctRecount[];
  /** County totals over settled precincts, with certified numbers (before) and current numbers (after). */
  readonly countyTotals: readonly CandidateChange[];
}

export interface RecountReportFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly contentBase64: string;
}
