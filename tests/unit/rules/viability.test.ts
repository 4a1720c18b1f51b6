import { describe, expect, it } from 'vitest';
import { isViable, viabilityThreshold } from '../../../electron/core/rules/viability';

// docs/CONTRACTS.md "Caucus rules — profile iowa-dem-2020": D = 1 -> none; D = 2 -> ceil(25% of N);
// D = 3 -> ceil(N/6); D >= 4 -> ceil(15% of N), in integer arithmetic.

describe('viabilityThreshold: the docs/CONTRACTS.md examples', () => {
  it.each([
    [45, 3, 8],
    [25, 5, 4],
    [40, 2, 10],
    [60, 18, 9],
  ])('N=%i, D=%i -> %i', (attendees, delegates, threshold) => {
    expect(viabilityThreshold(attendees, delegates)).toBe(threshold);
  });
});

describe('viabilityThreshold: one-delegate precincts have no threshold', () => {
  it.each([0, 1, 7, 250])('D=1, N=%i -> null', (attendees) => {
    expect(viabilityThreshold(attendees, 1)).toBeNull();
  });
});

describe('viabilityThreshold: D = 2 is 25% rounded up', () => {
  it.each([
    [0, 0],
    [1, 1],
    [4, 1],
    [5, 2],
    [40, 10],
    [41, 11],
    [43, 11],
    [44, 11],
    [45, 12],
    [100, 25],
    [2000, 500],
  ])('N=%i -> %i', (attendees, threshold) => {
    expect(viabilityThreshold(attendees, 2)).toBe(threshold);
  });
});

describe('viabilityThreshold: D = 3 is one sixth rounded up', () => {
  it.each([
    [0, 0],
    [1, 1],
    [6, 1],
    [7, 2],
    [12, 2],
    [45, 8],
    [48, 8],
    [49, 9],
    [100, 17],
    [2000, 334],
  ])('N=%i -> %i', (attendees, threshold) => {
    expect(viabilityThreshold(attendees, 3)).toBe(threshold);
  });
});

describe('viabilityThreshold: D >= 4 is 15% rounded up', () => {
  it.each([
    // 15N/100 is a whole number: no rounding up.
    [20, 4, 3],
    [60, 18, 9],
    [100, 4, 15],
    [140, 9, 21],
    [1660, 4, 249],
    [2000, 20, 300],
    // Just past a whole number.
    [21, 4, 4],
    [61, 4, 10],
    [101, 5, 16],
    // Far from one.
    [37, 7, 6],
    [130, 6, 20],
    [1, 4, 1],
    [0, 4, 0],
    [0, 40, 0],
  ])('N=%i, D=%i -> %i', (attendees, delegates, threshold) => {
    expect(viabilityThreshold(attendees, delegates)).toBe(threshold);
  });

  it('is an exact integer for every N up to 5000 (no float drift, e.g. 15% of 60 is 9, not 10)', () => {
    for (let attendees = 0; attendees <= 5000; attendees++) {
      const threshold = viabilityThreshold(attendees, 4) as number;
      expect(Number.isInteger(threshold)).toBe(true);
      // The smallest whole T with 100 T >= 15 N.
      expect(100 * threshold).toBeGreaterThanOrEqual(15 * attendees);
      expect(100 * (threshold - 1)).toBeLessThan(15 * attendees);
    }
  });
});

describe('viabilityThreshold: the boundaries between D = 2, 3 and 4', () => {
  it('N=100 -> 25 at D=2, 17 at D=3, 15 at D=4 and every larger D', () => {
    expect(viabilityThreshold(100, 2)).toBe(25);
    expect(viabilityThreshold(100, 3)).toBe(17);
    expect(viabilityThreshold(100, 4)).toBe(15);
    expect(viabilityThreshold(100, 5)).toBe(15);
    expect(viabilityThreshold(100, 12)).toBe(15);
    expect(viabilityThreshold(100, 60)).toBe(15);
  });

  it('N=45 -> 12 at D=2, 8 at D=3, 7 at D=4', () => {
    expect(viabilityThreshold(45, 2)).toBe(12);
    expect(viabilityThreshold(45, 3)).toBe(8);
    expect(viabilityThreshold(45, 4)).toBe(7);
  });
});

describe('isViable', () => {
  it('is at or above the threshold', () => {
    expect(isViable(8, 8)).toBe(true);
    expect(isViable(9, 8)).toBe(true);
    expect(isViable(7, 8)).toBe(false);
  });

  it('an empty group is never viable, even with a threshold of 0', () => {
    expect(isViable(0, 0)).toBe(false);
    expect(isViable(0, null)).toBe(false);
  });

  it('with no threshold (D = 1) any group with members is viable', () => {
    expect(isViable(1, null)).toBe(true);
  });
});
