/**
 * The keyed worksheet's grid: a row per candidate with its boxes, what the rules make of them
 * (viability, delegates, SDE), each message right under the box it concerns, and the totals.
 */
import { Fragment, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import type { WorksheetEvaluation } from '../../api/types';
import { formatCount, formatSde } from '../../format';
import { Term } from '../Term';
import { COLUMN_LABELS, type Column, type WorksheetDraft } from './useWorksheetDraft';
import { FindingMessage, Viability } from './WorksheetMessages';
import type { PlacedFindings } from './worksheet-findings';

export function EntryGrid({
  precinctCode,
  candidates,
  columns,
  plurality,
  draft,
  placed,
  worked,
  cellRefs,
  onCellChange,
  onCellKeyDown,
}: {
  precinctCode: string;
  candidates: readonly string[];
  columns: readonly Column[];
  plurality: boolean;
  draft: WorksheetDraft;
  placed: PlacedFindings;
  /** The rules' answer to work from (null while a box cannot be counted). */
  worked: WorksheetEvaluation | null;
  /** Each box by "row:column", for moving focus from the keyboard. */
  cellRefs: RefObject<Map<string, HTMLInputElement>>;
  onCellChange(candidate: string, column: Column, text: string): void;
  onCellKeyDown(event: ReactKeyboardEvent<HTMLInputElement>, row: number, column: number): void;
}) {
  const allocation = worked?.allocation;
  const delegatesByRules = allocation?.kind === 'decided' ? allocation.delegates : null;
  const sdeByRules = allocation?.kind === 'decided' ? allocation.sde : null;
  const totalColumns = 1 + columns.length + (plurality ? 0 : 3);
  const totalFlag = (field: Column) => placed.top.some((f) => f.field === field);
  const localTotal = (column: Column) =>
    draft.uncountable ? null : draft.parsed.reduce((sum, row) => sum + (row[column].value ?? 0), 0);
  return (
    <table className="entry-grid" aria-label={`Worksheet for precinct ${precinctCode}`}>
      <thead>
        <tr>
          <th scope="col">Candidate</th>
          {columns.map((column) => (
            <th scope="col" key={column} className="num">
              {plurality ? 'Votes' : COLUMN_LABELS[column]}
              {column === 'delegatesAwarded' ? <span className="th-note">if on the worksheet</span> : null}
            </th>
          ))}
          {plurality ? null : (
            <>
              <th scope="col">
                <Term name="viability" />
              </th>
              <th scope="col" className="num computed">
                Delegates by the rules
              </th>
              <th scope="col" className="num computed">
                <Term name="sde" />
              </th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {candidates.map((candidate, rowIndex) => {
          const row = draft.parsed[rowIndex];
          // Messages about a box sit right under it, in a row of their own starting at its column.
          const messages = [
            { field: 'row', columnIndex: -1, problem: null as string | null, findings: placed.row(candidate) },
            ...columns.map((column, columnIndex) => ({
              field: column as string,
              columnIndex,
              problem: row?.[column].problem ?? null,
              findings: placed.cell(candidate, column),
            })),
          ].filter((entry) => entry.problem || entry.findings.length > 0);
          const messageIds = (columnIndex: number) => {
            const entry = messages.find((m) => m.columnIndex === columnIndex);
            if (!entry) return undefined;
            return [
              entry.problem ? `p-${rowIndex}-${columnIndex}` : null,
              ...entry.findings.map((_, index) => `f-${rowIndex}-${columnIndex}-${index}`),
            ]
              .filter(Boolean)
              .join(' ');
          };
          return (
            <Fragment key={candidate}>
              <tr data-candidate={candidate} className={messages.length > 0 ? 'has-messages' : undefined}>
                <th scope="row" className="candidate-cell">
                  <span className="candidate-name">{candidate}</span>
                </th>
                {columns.map((column, columnIndex) => {
                  const text = draft.cells[candidate]?.[column] ?? '';
                  const problem = row?.[column].problem ?? null;
                  const serious = placed.cell(candidate, column).some((f) => f.code !== 'MISSING_DATA');
                  return (
                    <td key={column} className="entry-cell">
                      <input
                        ref={(element) => {
                          const key = `${rowIndex}:${columnIndex}`;
                          if (element) cellRefs.current.set(key, element);
                          else cellRefs.current.delete(key);
                        }}
                        className={`count-input${problem || serious ? ' invalid' : ''}`}
                        type="text"
                        inputMode="numeric"
                        autoComplete="off"
                        spellCheck={false}
                        aria-label={`${plurality ? 'Votes' : COLUMN_LABELS[column]} for ${candidate}`}
                        aria-invalid={problem || serious ? true : undefined}
                        aria-describedby={messageIds(columnIndex)}
                        value={text}
                        onChange={(event) => onCellChange(candidate, column, event.target.value)}
                        onFocus={(event) => event.target.select()}
                        onBlur={() => draft.touch(candidate, column)}
                        onKeyDown={(event) => onCellKeyDown(event, rowIndex, columnIndex)}
                      />
                    </td>
                  );
                })}
                {plurality ? null : (
                  <>
                    <td className="viability-cell">
                      <Viability evaluation={worked} candidate={candidate} />
                    </td>
                    <td className="num computed big" data-column="rules-delegates">
                      {delegatesByRules ? formatCount(delegatesByRules[candidate] ?? 0) : '—'}
                    </td>
                    <td className="num computed" data-column="rules-sde">
                      {sdeByRules ? formatSde(sdeByRules[candidate] ?? 0) : '—'}
                    </td>
                  </>
                )}
              </tr>
              {messages.map((entry) => {
                const start = Math.max(entry.columnIndex, 0);
                return (
                  <tr key={entry.field} className="message-row" data-candidate={candidate} data-field={entry.field}>
                    <td />
                    {start > 0 ? <td colSpan={start} /> : null}
                    <td colSpan={totalColumns - 1 - start}>
                      <div
                        className={`cell-messages${entry.columnIndex < 0 ? ' whole-row' : ''}${!entry.problem && entry.findings.every((f) => f.code === 'MISSING_DATA') ? ' quiet' : ''}`}
                      >
                        {entry.problem ? (
                          <p className="field-message error" id={`p-${rowIndex}-${entry.columnIndex}`}>
                            {entry.problem}
                          </p>
                        ) : null}
                        {entry.findings.map((finding, index) => (
                          <FindingMessage
                            key={`${finding.code}:${finding.message}`}
                            finding={finding}
                            id={`f-${rowIndex}-${entry.columnIndex}-${index}`}
                          />
                        ))}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </Fragment>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          {columns.map((column) => (
            <td
              key={column}
              className={`num total-cell${totalFlag(column) ? ' flagged' : ''}`}
              data-column={`total-${column}`}
            >
              {formatCount(localTotal(column))}
            </td>
          ))}
          {plurality ? null : (
            <>
              <td />
              <td className="num computed">
                {delegatesByRules
                  ? formatCount(Object.values(delegatesByRules).reduce((sum, value) => sum + value, 0))
                  : '—'}
              </td>
              <td className="num computed">
                {sdeByRules ? formatSde(Object.values(sdeByRules).reduce((sum, value) => sum + value, 0)) : '—'}
              </td>
            </>
          )}
        </tr>
      </tfoot>
    </table>
  );
}
