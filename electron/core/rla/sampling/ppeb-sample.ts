import type { Bound } from '../math/bound';
import { isInfinite } from '../math/bound';
import { add, isZero, type Rational, sum, ZERO } from '../math/rational';
import { drawRandom, fractionText, TWO_TO_256 } from './draw-random';

/** A batch that may be drawn, with its error bound u_p (its weight). */
export interface WeightedBatch {
  readonly name: string;
  readonly maxError: Bound;
}

/** One ticket of the sample: which draw it was and which batch it picked. */
export interface SampleTicket {
  /** Draw number in the contest's stream: 1, 2, 3, ... continuing across rounds. */
  readonly ticket: number;
  readonly batch: string;
  /** H / 2^256 of the draw, 18 decimals; null for a batch taken whole in a full hand count. */
  readonly random: string | null;
  /** The SHA-256 digest of the draw (hex); null in a full hand count. */
  readonly digest: string | null;
}

/**
 * Probability proportional to error bound (PPEB, Aslam, Popa and Rivest; Arlo: sampler.draw_ppeb_sample),
 * with replacement, from a public seed. Batches are put in order of name (by Unicode code point);
 * draw k picks the first batch whose running total of u_p exceeds (H_k / 2^256) x U, compared
 * exactly as H_k x U < 2^256 x running total. Batches with u_p = 0 are never drawn.
 *
 * Arlo draws with numpy's generator; this is our own, fully specified in docs/RLA.md. As in Arlo,
 * when earlier draws plus this round's reach the number of batches, the round is a full hand count:
 * every batch not drawn before, in name order.
 */
export function drawPpebSample(input: {
  readonly seed: string;
  readonly contestName: string;
  readonly batches: readonly WeightedBatch[];
  /** How many draws earlier rounds made (their tickets are 1..previous). */
  readonly previousDraws?: number;
  readonly previouslyDrawnBatches?: readonly string[];
  readonly draws: number;
}): SampleTicket[] {
  const previous = input.previousDraws ?? 0;
  const ordered = [...input.batches].sort((a, b) => compareCodePoints(a.name, b.name));
  if (previous + input.draws >= ordered.length || ordered.some((batch) => isInfinite(batch.maxError))) {
    const drawnBefore = new Set(input.previouslyDrawnBatches ?? []);
    return ordered
      .filter((batch) => !drawnBefore.has(batch.name))
      .map((batch, index) => ({ ticket: previous + index + 1, batch: batch.name, random: null, digest: null }));
  }
  return ppebDraws({
    seed: input.seed,
    contestName: input.contestName,
    batches: ordered,
    first: previous + 1,
    draws: input.draws,
  });
}

/**
 * Draws first .. first + draws - 1 of the contest's stream, by PPEB, without the full-hand-count
 * rule; `batches` must already be in name order.
 */
export function ppebDraws(input: {
  readonly seed: string;
  readonly contestName: string;
  readonly batches: readonly WeightedBatch[];
  readonly first: number;
  readonly draws: number;
}): SampleTicket[] {
  const weights = input.batches.map((batch) => batch.maxError as Rational);
  const total = sum(weights);
  if (isZero(total)) return [];
  const runningTotals: Rational[] = [];
  weights.reduce((running, weight) => {
    const next = add(running, weight);
    runningTotals.push(next);
    return next;
  }, ZERO);

  const tickets: SampleTicket[] = [];
  for (let ticket = input.first; ticket < input.first + input.draws; ticket++) {
    const { digestHex, value } = drawRandom(input.seed, input.contestName, ticket);
    // value / 2^256 < running / U  <=>  value x U.num x running.den < 2^256 x running.num x U.den
    const picked = runningTotals.findIndex(
      (running) => value * total.num * running.den < TWO_TO_256 * running.num * total.den,
    );
    const batch = input.batches[picked];
    if (!batch) throw new Error('ppebDraws: the running total must reach U');
    tickets.push({ ticket, batch: batch.name, random: fractionText(value), digest: digestHex });
  }
  return tickets;
}

/** Orders names by Unicode code point, the same on every machine and locale. */
export function compareCodePoints(a: string, b: string): number {
  const left = [...a].map((char) => char.codePointAt(0) as number);
  const right = [...b].map((char) => char.codePointAt(0) as number);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = (left[i] as number) - (right[i] as number);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}
