/**
 * The keyed worksheet as typed: the text of every box, which boxes were left, the coin tosses
 * recorded, what the boxes say as numbers, and the rules' live check of it (useWorksheetEvaluation).
 */
import { type Dispatch, type SetStateAction, useCallback, useMemo, useState } from 'react';
import type { CoinToss, WorksheetLine } from '../../api/types';
import { type LiveEvaluation, useWorksheetEvaluation } from '../../api/worksheet-hooks';
import { type ParsedCount, parseCount } from './parse-count';

export type Column = 'firstAlignment' | 'finalAlignment' | 'delegatesAwarded';
export type CellTexts = Record<Column, string>;

export const COLUMN_LABELS: Record<Column, string> = {
  firstAlignment: 'First alignment',
  finalAlignment: 'Final alignment',
  delegatesAwarded: 'Delegates awarded',
};

const EMPTY_CELLS: CellTexts = { firstAlignment: '', finalAlignment: '', delegatesAwarded: '' };

export type ParsedRow = { readonly candidate: string } & Record<Column, ParsedCount>;

export interface WorksheetDraft extends LiveEvaluation {
  readonly cells: Readonly<Record<string, CellTexts>>;
  /** Boxes the person has left ("candidate:column"): a missing value is pointed out only there. */
  readonly touched: ReadonlySet<string>;
  readonly coinTosses: readonly CoinToss[];
  readonly parsed: readonly ParsedRow[];
  readonly lines: WorksheetLine[];
  /** A box is not a number at all. */
  readonly hasProblems: boolean;
  /** A box cannot be a count (-3, 2.5, 1O): nothing is worked out from the boxes then. */
  readonly uncountable: boolean;
  /** Something is typed. */
  readonly dirty: boolean;
  setCell(candidate: string, column: Column, text: string): void;
  touch(candidate: string, column: Column): void;
  setCoinTosses: Dispatch<SetStateAction<CoinToss[]>>;
  clear(): void;
}

export function useWorksheetDraft(
  precinct: string | null,
  candidates: readonly string[],
  plurality: boolean,
): WorksheetDraft {
  const [cells, setCells] = useState<Record<string, CellTexts>>({});
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [coinTosses, setCoinTossList] = useState<CoinToss[]>([]);

  const parsed = useMemo(
    () =>
      candidates.map((candidate) => {
        const texts = cells[candidate] ?? EMPTY_CELLS;
        return {
          candidate,
          firstAlignment: parseCount(texts.firstAlignment),
          finalAlignment: parseCount(plurality ? '' : texts.finalAlignment),
          delegatesAwarded: parseCount(plurality ? '' : texts.delegatesAwarded),
        };
      }),
    [candidates, cells, plurality],
  );
  const lines: WorksheetLine[] = useMemo(
    () =>
      parsed.map((row) => ({
        candidate: row.candidate,
        firstAlignment: row.firstAlignment.value,
        finalAlignment: row.finalAlignment.value,
        delegatesAwarded: row.delegatesAwarded.value,
      })),
    [parsed],
  );
  const live = useWorksheetEvaluation(precinct, lines, coinTosses);

  const setCell = useCallback((candidate: string, column: Column, text: string) => {
    setCells((current) => ({ ...current, [candidate]: { ...(current[candidate] ?? EMPTY_CELLS), [column]: text } }));
  }, []);
  const touch = useCallback((candidate: string, column: Column) => {
    setTouched((current) => {
      const key = `${candidate}:${column}`;
      if (current.has(key)) return current;
      const next = new Set(current);
      next.add(key);
      return next;
    });
  }, []);
  const clear = useCallback(() => {
    setCells({});
    setTouched(new Set());
    setCoinTossList([]);
  }, []);

  return {
    ...live,
    cells,
    touched,
    coinTosses,
    parsed,
    lines,
    hasProblems: parsed.some(
      (row) => row.firstAlignment.problem || row.finalAlignment.problem || row.delegatesAwarded.problem,
    ),
    uncountable: parsed.some(
      (row) => !row.firstAlignment.countable || !row.finalAlignment.countable || !row.delegatesAwarded.countable,
    ),
    dirty: Object.values(cells).some((texts) => Object.values(texts).some((text) => text.trim() !== '')),
    setCell,
    touch,
    setCoinTosses: setCoinTossList,
    clear,
  };
}
