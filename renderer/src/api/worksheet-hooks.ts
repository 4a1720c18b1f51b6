/**
 * The rules' live check of a worksheet as it is typed (evaluateWorksheet), as a query keyed on the
 * worksheet itself: each change asks again, the answer for the current worksheet is the one shown
 * (a slower answer to an older worksheet never replaces it), and the last answer for the same
 * precinct stays on screen while the next one comes.
 */
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { callApi } from './client';
import type { CoinToss, WorksheetEvaluation, WorksheetLine } from './types';

export const worksheetKeys = {
  evaluation: (precinct: string, lines: readonly WorksheetLine[], coinTosses: readonly CoinToss[]) =>
    ['evaluate-worksheet', precinct, lines, coinTosses] as const,
};

export interface LiveEvaluation {
  /** The check of the worksheet as it stands (or the last one of this precinct while the next is asked). */
  readonly evaluation: WorksheetEvaluation | null;
  /** Why the last check failed (the earlier answer stays shown meanwhile). */
  readonly error: string | null;
}

/** The live check of `lines` on `precinct` (nothing while no precinct is chosen). */
export function useWorksheetEvaluation(
  precinct: string | null,
  lines: readonly WorksheetLine[],
  coinTosses: readonly CoinToss[],
): LiveEvaluation {
  const query = useQuery({
    queryKey: worksheetKeys.evaluation(precinct ?? '', lines, coinTosses),
    queryFn: () =>
      callApi('evaluateWorksheet', { precinct: precinct as string, lines: [...lines], coinTosses: [...coinTosses] }),
    enabled: precinct !== null && precinct !== '',
    // While the next answer comes, the last one stays, but never another precinct's.
    placeholderData: (previous, previousQuery) =>
      previousQuery && previousQuery.queryKey[1] === precinct ? previous : undefined,
    retry: false,
    gcTime: 60_000,
  });
  // A failed check keeps the last answer on screen, with the reason beside it.
  const lastAnswer = useRef<WorksheetEvaluation | null>(null);
  if (query.data && query.data.precinct === precinct) lastAnswer.current = query.data;
  if (!precinct) return { evaluation: null, error: null };
  if (query.isError) {
    const kept = lastAnswer.current?.precinct === precinct ? lastAnswer.current : null;
    return { evaluation: kept, error: query.error.message };
  }
  return { evaluation: query.data ?? null, error: null };
}
