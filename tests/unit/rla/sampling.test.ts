import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fraction, integer } from '../../../electron/core/rla/math/rational';
import { drawRandom, fractionText } from '../../../electron/core/rla/sampling/draw-random';
import { drawPpebSample, ppebDraws, type WeightedBatch } from '../../../electron/core/rla/sampling/ppeb-sample';

const weighted: WeightedBatch[] = [
  { name: 'P3', maxError: fraction(3n, 10n) },
  { name: 'P1', maxError: fraction(1n, 10n) },
  { name: 'P2', maxError: integer(0) },
  { name: 'P4', maxError: fraction(6n, 10n) },
];
/** With 16 more precincts of u_p = 0 (never drawn), so a dozen draws is not a full hand count. */
const batches: WeightedBatch[] = [
  ...weighted,
  ...Array.from({ length: 16 }, (_, index) => ({ name: `Z${index + 10}`, maxError: integer(0) })),
];
const inNameOrder = [...weighted].sort((a, b) => (a.name < b.name ? -1 : 1));

describe('drawing precincts from the public seed', () => {
  it('draw k is SHA-256 of "<seed>,<contest>,<k>" read as a fraction of 2^256', () => {
    const expectedHex = createHash('sha256').update('81726354091827364510,Story,1').digest('hex');
    const { digestHex, value } = drawRandom('81726354091827364510', 'Story', 1);
    expect(digestHex).toBe(expectedHex);
    expect(fractionText(value)).toBe(
      `0.${((BigInt(`0x${expectedHex}`) * 10n ** 18n) >> 256n).toString().padStart(18, '0')}`,
    );
  });

  it('is reproducible from the seed and changes with it', () => {
    const draw = (seed: string) => drawPpebSample({ seed, contestName: 'Story', batches, draws: 12 });
    expect(draw('81726354091827364510')).toEqual(draw('81726354091827364510'));
    expect(draw('81726354091827364510').map((ticket) => ticket.batch)).not.toEqual(
      draw('81726354091827364511').map((ticket) => ticket.batch),
    );
  });

  it('does not depend on the order precincts are listed in', () => {
    const listed = drawPpebSample({ seed: '4242424242', contestName: 'Story', batches, draws: 10 });
    const reversed = drawPpebSample({
      seed: '4242424242',
      contestName: 'Story',
      batches: [...batches].reverse(),
      draws: 10,
    });
    expect(reversed).toEqual(listed);
  });

  it('picks the first precinct (by name) whose running total of u_p exceeds r x U', () => {
    // Order P1 (0.1), P2 (0), P3 (0.3), P4 (0.6); U = 1, so r < 0.1 -> P1, r < 0.4 -> P3, else P4.
    for (const ticket of ppebDraws({ seed: '99', contestName: 'Story', batches: inNameOrder, first: 1, draws: 50 })) {
      const r = Number(ticket.random);
      expect(ticket.batch).toBe(r < 0.1 ? 'P1' : r < 0.4 ? 'P3' : 'P4');
    }
  });

  it('draws with probability proportional to the error bound, never a precinct with u_p = 0', () => {
    const counts = new Map<string, number>();
    for (const ticket of ppebDraws({
      seed: '1234567890',
      contestName: 'Story',
      batches: inNameOrder,
      first: 1,
      draws: 20_000,
    })) {
      counts.set(ticket.batch, (counts.get(ticket.batch) ?? 0) + 1);
    }
    expect(counts.get('P2')).toBeUndefined();
    expect((counts.get('P1') ?? 0) / 20_000).toBeCloseTo(0.1, 1);
    expect((counts.get('P3') ?? 0) / 20_000).toBeCloseTo(0.3, 1);
    expect((counts.get('P4') ?? 0) / 20_000).toBeCloseTo(0.6, 1);
  });

  it('continues the same stream in later rounds', () => {
    const both = drawPpebSample({ seed: '555', contestName: 'Story', batches, draws: 8 });
    const second = drawPpebSample({ seed: '555', contestName: 'Story', batches, draws: 3, previousDraws: 5 });
    expect(second).toEqual(both.slice(5));
  });

  it('takes every precinct not drawn before when the rounds reach the number of precincts', () => {
    expect(
      drawPpebSample({
        seed: '555',
        contestName: 'Story',
        batches: weighted,
        draws: 2,
        previousDraws: 2,
        previouslyDrawnBatches: ['P4'],
      }),
    ).toEqual([
      { ticket: 3, batch: 'P1', random: null, digest: null },
      { ticket: 4, batch: 'P2', random: null, digest: null },
      { ticket: 5, batch: 'P3', random: null, digest: null },
    ]);
  });
});
