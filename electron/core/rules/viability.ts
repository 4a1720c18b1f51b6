/**
 * Viability threshold, iowa-dem-2020 (docs/CONTRACTS.md): D = 1 -> none; D = 2 -> ceil(25% of N);
 * D = 3 -> ceil(N/6); D >= 4 -> ceil(15% of N). Integer arithmetic only: floats would turn
 * 15% of 60 into 9.000000000000002 and a ceiling into 10.
 */
export function viabilityThreshold(eligibleAttendees: number, precinctDelegates: number): number | null {
  const n = eligibleAttendees;
  const d = precinctDelegates;
  if (d <= 1) return null;
  if (d === 2) return ceilOfShare(n, 25, 100);
  if (d === 3) return ceilOfShare(n, 1, 6);
  return ceilOfShare(n, 15, 100);
}

/** ceil(n x numerator / denominator), exactly: BigInt once n x numerator could pass 2^53. */
export function ceilOfShare(n: number, numerator: number, denominator: number): number {
  if (!Number.isInteger(n) || Number.isSafeInteger(n * numerator + denominator)) {
    return Math.floor((n * numerator + denominator - 1) / denominator);
  }
  const scaled = BigInt(n) * BigInt(numerator);
  const by = BigInt(denominator);
  return Number((scaled + by - 1n) / by);
}

/** Viability percentage a person reads on the worksheet, e.g. "15%". */
export function viabilityRuleText(precinctDelegates: number): string {
  if (precinctDelegates <= 1) return 'no threshold: the largest group wins the delegate';
  if (precinctDelegates === 2) return '25% of attendees, rounded up';
  if (precinctDelegates === 3) return 'one sixth of attendees, rounded up';
  return '15% of attendees, rounded up';
}

/** A group is viable when it reaches the threshold and has at least one member. */
export function isViable(members: number, threshold: number | null): boolean {
  return members > 0 && members >= (threshold ?? 0);
}
