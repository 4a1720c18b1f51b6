/**
 * A small grid to type one precinct's numbers (first, final, delegates per candidate): used by the
 * chair to enter the right numbers of a discrepancy, and by recount verifiers for a hand count.
 */
import type { WorksheetLine } from '../api/types';

export type CountColumn = 'firstAlignment' | 'finalAlignment' | 'delegatesAwarded';
export type CountTexts = Record<string, Record<CountColumn, string>>;

const LABELS: Record<CountColumn, string> = {
  firstAlignment: 'First alignment',
  finalAlignment: 'Final alignment',
  delegatesAwarded: 'Delegates awarded',
};

export function columnsFor(plurality: boolean, withDelegates: boolean): CountColumn[] {
  if (plurality) return ['firstAlignment'];
  return withDelegates
    ? ['firstAlignment', 'finalAlignment', 'delegatesAwarded']
    : ['firstAlignment', 'finalAlignment'];
}

/** The typed texts as worksheet lines; null where a box is empty, NaN where it is not a whole number. */
export function linesOf(candidates: readonly string[], texts: CountTexts): WorksheetLine[] {
  const read = (text: string | undefined) => {
    const trimmed = (text ?? '').trim();
    if (trimmed === '') return null;
    return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  };
  return candidates.map((candidate) => ({
    candidate,
    firstAlignment: read(texts[candidate]?.firstAlignment),
    finalAlignment: read(texts[candidate]?.finalAlignment),
    delegatesAwarded: read(texts[candidate]?.delegatesAwarded),
  }));
}

/** The first problem a person must fix before saving, in words; null when every needed box holds a count. */
export function countsProblem(lines: readonly WorksheetLine[], columns: readonly CountColumn[]): string | null {
  for (const line of lines) {
    for (const column of columns) {
      const value = line[column];
      if (Number.isNaN(value))
        return `The ${LABELS[column].toLowerCase()} for ${line.candidate} is not a whole number.`;
      if (value === null && column !== 'delegatesAwarded') {
        return `Type the ${LABELS[column].toLowerCase()} for ${line.candidate} (0 if nobody).`;
      }
    }
  }
  return null;
}

export function CountsGrid({
  label,
  candidates,
  columns,
  texts,
  onChange,
}: {
  label: string;
  candidates: readonly string[];
  columns: readonly CountColumn[];
  texts: CountTexts;
  onChange(next: CountTexts): void;
}) {
  return (
    <div className="table-wrap">
      <table className="data-table counts-grid" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            {columns.map((column) => (
              <th key={column} scope="col" className="num">
                {columns.length === 1 ? 'Votes' : LABELS[column]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {candidates.map((candidate) => (
            <tr key={candidate}>
              <th scope="row">{candidate}</th>
              {columns.map((column) => (
                <td key={column} className="num">
                  <input
                    className="count-input"
                    inputMode="numeric"
                    aria-label={`${columns.length === 1 ? 'Votes' : LABELS[column]} for ${candidate}`}
                    value={texts[candidate]?.[column] ?? ''}
                    onChange={(event) =>
                      onChange({
                        ...texts,
                        [candidate]: {
                          firstAlignment: '',
                          finalAlignment: '',
                          delegatesAwarded: '',
                          ...texts[candidate],
                          [column]: event.target.value,
                        },
                      })
                    }
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
