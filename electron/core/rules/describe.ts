import type { Delegates } from './allocation';

/** "1 delegate", "3 delegates". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "Sanders 4, Warren 2, Biden 1" in ballot order; groups with none are left out. */
export function describeAllocation(delegates: Delegates, lines: readonly { candidate: string }[]): string {
  const parts = lines
    .filter((line) => (delegates[line.candidate] ?? 0) > 0)
    .map((line) => `${line.candidate} ${delegates[line.candidate]}`);
  return parts.length > 0 ? parts.join(', ') : 'no delegates';
}
