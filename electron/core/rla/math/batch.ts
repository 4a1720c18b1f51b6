import type { Votes } from './contest';
import type { Rational } from './rational';

/** A batch (here: a precinct) as reported: its votes in the contest and its ballots (attendees). */
export interface ReportedBatch {
  readonly name: string;
  readonly votes: Votes;
  /** b_p: ballots cast in the batch; bounds how far its tally could be wrong. */
  readonly ballots: Rational;
}
