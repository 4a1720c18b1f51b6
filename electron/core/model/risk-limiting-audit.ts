/**
 * What the risk-limiting audit shows and the API returns (docs/RLA.md). Numbers a person reads
 * are plain numbers or decimal text; exact fractions travel as "num/den" text for re-derivation.
 */
import type { RulesProfileId } from './rules-profile';

export const AUDIT_STATUSES = [
  /** The seed is fixed; round 1 is not drawn yet. */
  'ready-to-draw',
  /** A round is drawn and some sampled precincts still need their hand tally. */
  'counting',
  /** Every hand tally is in; the measured risk is at or below the limit. */
  'confirmed',
  /** Every hand tally is in; the risk is above the limit: escalate with more draws. */
  'another-round',
  /** Every hand tally is in; only a full hand count can settle it: escalate to every precinct. */
  'full-hand-count',
  /** The full hand count found other winners than reported. */
  'outcome-changed',
  /** The full hand count is a tie: settle it as the rules say. */
  'hand-count-tied',
] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

export interface AuditPlanView {
  readonly contest: string;
  readonly rulesProfile: RulesProfileId;
  readonly riskLimitPercent: number;
  /** False when the results are not fixed yet (the reason says what to do); the figures are then null. */
  readonly ready: boolean;
  readonly notReadyReason: string | null;
  readonly winners: readonly string[] | null;
  /** U, the total error bound; null when infinite (a tie) or not ready. */
  readonly U: number | null;
  readonly UExact: string | null;
  /** Draws in the first round (with replacement); the number of precincts for a full hand count. */
  readonly sampleSize: number | null;
  readonly fullHandCount: boolean;
  readonly precincts: number;
  /** The seed given, checked (digits only); null when none was given. */
  readonly seed: string | null;
  /** An audit of these same results already started: continue it (a second seed is not allowed). */
  readonly existingAuditId: number | null;
}

export interface AuditCandidateCount {
  readonly candidate: string;
  readonly count: number;
}

export interface AuditTicketView {
  readonly ticket: number;
  readonly precinct: string;
  readonly precinctName: string;
  /** H / 2^256 of the draw (18 decimals); null when taken whole in a full hand count. */
  readonly random: string | null;
  readonly digest: string | null;
}

export interface AuditMeasurementView {
  readonly round: number;
  readonly pValue: number;
  /** The exact measured risk ("num/den"), null when infinite or after a full hand count. */
  readonly riskExact: string | null;
  readonly confirmed: boolean;
  readonly verdict: Exclude<AuditStatus, 'ready-to-draw' | 'counting'>;
  readonly verdictText: string;
  /** Another round: its draws. Full hand count: the precincts not yet drawn. */
  readonly nextRoundDraws: number | null;
  readonly measuredBy: string | null;
  readonly measuredAt: string | null;
}

export interface AuditRoundView {
  readonly round: number;
  readonly kind: 'sample' | 'full-hand-count';
  readonly sampleSize: number;
  readonly drawnBy: string;
  readonly drawnAt: string;
  readonly tickets: readonly AuditTicketView[];
  /** The newest stored measurement after this round (null until measured). */
  readonly measurement: AuditMeasurementView | null;
}

export interface AuditHandTallyView {
  readonly id: number;
  readonly enteredBy: string;
  readonly enteredAt: string;
  readonly replacesId: number | null;
  readonly reason: string | null;
  readonly ballots: number | null;
  readonly counts: readonly AuditCandidateCount[];
}

/** One sampled precinct: what to fetch, and after its hand tally, how it compares. */
export interface AuditSampledPrecinct {
  readonly precinct: string;
  readonly precinctName: string;
  /** Its tickets (a precinct drawn twice counts twice in the risk) and the round it was first drawn in. */
  readonly tickets: readonly number[];
  readonly firstRound: number;
  /** The certified report whose numbers are audited (what to pull from the files with the paper). */
  readonly reportId: number;
  readonly tally: AuditHandTallyView | null;
  /** Earlier tallies it replaced (corrections), oldest first. */
  readonly corrections: number;
  /** The reported numbers, only once the hand tally is in: the count stays blind. */
  readonly reported: readonly AuditCandidateCount[] | null;
  readonly ballots: number | null;
  /** u_p, this precinct's maximum error, as a decimal. */
  readonly maxError: string;
  /** After the tally: the winner-loser pair margin overstated (votes; negative: understated). */
  readonly discrepancyVotes: number | null;
  readonly discrepancyPair: { readonly winner: string; readonly loser: string } | null;
  /** e_p / u_p as a decimal (0 for an understatement); null before the tally or when infinite. */
  readonly taint: string | null;
  readonly taintValue: number | null;
}

export interface AuditView {
  readonly id: number;
  readonly contest: string;
  readonly rulesProfile: RulesProfileId;
  readonly riskLimitPercent: number;
  readonly seed: string;
  readonly seedNote: string | null;
  readonly seedEnteredBy: string;
  readonly seedEnteredAt: string;
  /** sha256 of the reported results audited (docs/RLA.md, "The audit in the app"). */
  readonly reportedSha256: string;
  /** The certified results changed (a recount or correction) since the audit started. */
  readonly resultsChangedSince: boolean;
  readonly candidates: readonly string[];
  readonly winners: readonly string[];
  readonly U: number | null;
  readonly UExact: string | null;
  readonly firstRoundSize: number;
  readonly precinctCount: number;
  readonly status: AuditStatus;
  /** Escalation reached every precinct: the audit is (or was) a full hand count. */
  readonly fullHandCount: boolean;
  readonly statusText: string;
  readonly rounds: readonly AuditRoundView[];
  /** Sampled precincts, in the order they were first drawn. */
  readonly sampled: readonly AuditSampledPrecinct[];
  /** Precincts drawn and not yet hand tallied. */
  readonly awaiting: readonly string[];
  /** The risk over every round so far, once every drawn precinct is tallied (null before). */
  readonly current: AuditMeasurementView | null;
  /** Every measurement stored, oldest first (the chart: risk per round against the limit). */
  readonly history: readonly AuditMeasurementView[];
}

export interface AuditHandTallyResult {
  readonly precinct: string;
  readonly tally: AuditHandTallyView;
  /** Revealed now that the hand count is in. */
  readonly reported: readonly AuditCandidateCount[];
  readonly discrepancyVotes: number | null;
  /** Sampled precincts still waiting for a hand tally. */
  readonly awaiting: readonly string[];
}

export interface AuditReportFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly contentBase64: string;
}
