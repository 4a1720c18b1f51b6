import { isDeepStrictEqual } from 'node:util';
import { buildContest } from '../math/contest';
import { integer } from '../math/rational';
import type { ContestPlan } from './plan-audit';
import type { Verdict } from './verdict';

/**
 * Every precinct was hand counted: the hand count is the result. Arlo stops there (p = 0); we also
 * say plainly when the hand count's winners are not the reported ones, or when it is a tie.
 */
export function handCountVerdictOf(
  contestPlan: ContestPlan,
  tallyOf: (precinct: string) => ReadonlyMap<string, number> | undefined,
): Verdict {
  const totals = new Map([...contestPlan.contest.totals.keys()].map((candidate) => [candidate, 0]));
  for (const batch of contestPlan.batches) {
    for (const [candidate, count] of tallyOf(batch.name) ?? []) {
      totals.set(candidate, (totals.get(candidate) ?? 0) + count);
    }
  }
  const handCount = buildContest({
    name: contestPlan.contest.name,
    totals: new Map([...totals].map(([candidate, count]) => [candidate, integer(count)])),
    numberOfWinners: contestPlan.contest.winners.length,
  });
  if (!handCount.ok) return { kind: 'outcome-changed', handCountWinners: [] };
  const lastWinner = handCount.value.winners.at(-1) as string;
  const tied = [...totals].filter(([, votes]) => votes === totals.get(lastWinner)).map(([candidate]) => candidate);
  if (tied.some((candidate) => handCount.value.losers.includes(candidate))) return { kind: 'hand-count-tied', tied };
  const sameWinners = isDeepStrictEqual([...handCount.value.winners].sort(), [...contestPlan.contest.winners].sort());
  return sameWinners ? { kind: 'confirmed' } : { kind: 'outcome-changed', handCountWinners: handCount.value.winners };
}
