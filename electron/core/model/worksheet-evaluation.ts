import type { Finding } from './finding';
import type { CoinToss } from './precinct-result';

export type TieReason =
  | 'one-delegate-largest-group'
  | 'more-groups-than-delegates'
  | 'remove-extra-delegate'
  | 'add-missing-delegate';

/** A tie the rules send to a coin toss: `awarded` of the `tied` groups get the better outcome. */
export interface Tie {
  readonly reason: TieReason;
  readonly tied: readonly string[];
  readonly awarded: number;
}

export type ComputedAllocation =
  | {
      readonly kind: 'decided';
      readonly delegates: Readonly<Record<string, number>>;
      readonly sde: Readonly<Record<string, number>>;
      readonly coinTosses: readonly CoinToss[];
    }
  | { readonly kind: 'coin-toss-needed'; readonly tie: Tie }
  /** Counts missing or invalid, or a profile without delegates. */
  | { readonly kind: 'not-computable'; readonly reason: string };

/** A worksheet checked as it is keyed: thresholds, viability, the delegates the rules give, findings. */
export interface WorksheetEvaluation {
  readonly precinct: string;
  readonly precinctDelegates: number;
  readonly eligibleAttendees: number;
  readonly finalTotal: number;
  readonly threshold: number | null;
  readonly thresholdRule: string;
  /** Candidates viable in the first alignment (locked in). */
  readonly viableFirst: readonly string[];
  /** Candidates viable in the final alignment. */
  readonly viableFinal: readonly string[];
  readonly allocation: ComputedAllocation;
  readonly findings: readonly Finding[];
}
