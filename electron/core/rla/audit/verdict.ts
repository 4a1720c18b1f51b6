import { assertNever } from '../../result';
import type { RiskMeasurement } from '../math/measured-risk';
import type { SampleSize } from '../math/sample-size';

/** What a verifier is told after a round, in the words the audit board uses. */
export type Verdict =
  | { readonly kind: 'confirmed' }
  | { readonly kind: 'another-round'; readonly draws: number }
  | { readonly kind: 'full-hand-count'; readonly reason: 'zero-margin' | 'sample-covers-all' | 'risk-too-high' }
  | { readonly kind: 'outcome-changed'; readonly handCountWinners: readonly string[] }
  | { readonly kind: 'hand-count-tied'; readonly tied: readonly string[] };

/**
 * Confirmed when the measured risk is at or below the limit. Otherwise the next round's size
 * (Arlo: get_sample_sizes with the measured risk) decides: if the draws so far and the next round's
 * reach the number of precincts, it is a full hand count (Arlo: draw_ppeb_sample's
 * is_full_hand_tally_needed), else another round.
 */
export function verdictOf(input: {
  readonly measurement: RiskMeasurement;
  readonly nextRound: SampleSize;
  readonly drawsSoFar: number;
  readonly precincts: number;
}): Verdict {
  const { measurement, nextRound, drawsSoFar, precincts } = input;
  if (measurement.confirmed) return { kind: 'confirmed' };
  switch (nextRound.kind) {
    case 'risk-limit-met':
      return { kind: 'confirmed' };
    case 'full-hand-count':
      return { kind: 'full-hand-count', reason: nextRound.reason };
    case 'draws':
      if (measurement.kind === 'measured' && measurement.risk === 'infinite') {
        return { kind: 'full-hand-count', reason: 'risk-too-high' };
      }
      return drawsSoFar + nextRound.draws >= precincts
        ? { kind: 'full-hand-count', reason: 'sample-covers-all' }
        : { kind: 'another-round', draws: nextRound.draws };
    default:
      return assertNever(nextRound);
  }
}

export function verdictSentence(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'confirmed':
      return 'outcome confirmed at the risk limit';
    case 'another-round':
      return `another round needed (${verdict.draws} more draw${verdict.draws === 1 ? '' : 's'})`;
    case 'full-hand-count':
      return verdict.reason === 'zero-margin'
        ? 'full hand count needed (the margin is zero or less)'
        : 'full hand count needed';
    case 'outcome-changed':
      return `the full hand count changes the outcome: ${verdict.handCountWinners.join(', ')} won the hand count`;
    case 'hand-count-tied':
      return `the full hand count is a tie between ${verdict.tied.join(' and ')}: settle it as the rules say`;
    default:
      return assertNever(verdict);
  }
}
