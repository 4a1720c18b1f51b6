/**
 * Key in a precinct's caucus worksheet from the keyboard alone. Every change is checked by the
 * API (evaluateWorksheet): threshold, viable groups, the delegates the rules give, SDEs and every
 * finding, shown beside the box it concerns. Ctrl+Enter saves (submitWorksheet).
 */
import {
  Fragment,
  type KeyboardEvent as ReactKeyboardEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { api } from '../api/client';
import { useOverview, useSubmitWorksheet } from '../api/hooks';
import type {
  CoinToss,
  ElectionInfo,
  Finding,
  FindingField,
  PrecinctRow,
  ReportSource,
  WorksheetEvaluation,
  WorksheetLine,
} from '../api/types';
import { useAnnounceWhenChanged } from '../components/Announcer';
import { CoinTossPanel, pendingTieOf, RecordedCoinTosses, tossesToSubmit } from '../components/CoinTosses';
import { PrecinctOpenWarning, usePrecinctLease } from '../components/PrecinctOpenWarning';
import { PrecinctPicker } from '../components/PrecinctPicker';
import { EmptyState, ErrorNotice, Kbd, Loading, Notice, PageHeader, StatusBadge } from '../components/ui';
import { useCtrlEnter } from '../components/useCtrlEnter';
import { ConfirmFindingsDialog } from '../components/worksheet/ConfirmFindingsDialog';
import { PrecinctMath } from '../components/worksheet/PrecinctMath';
import { parseCount } from '../components/worksheet/parse-count';
import { type Saved, SavedNotice } from '../components/worksheet/SavedNotice';
import { SourceSelect } from '../components/worksheet/SourceSelect';
import { FindingLine, FindingMessage, Viability } from '../components/worksheet/WorksheetMessages';
import { formatCount, formatSde, plural } from '../format';
import { useOperatorName, useSession, useSessionToken } from '../session';
import './WorksheetEntry.css';

type Column = 'firstAlignment' | 'finalAlignment' | 'delegatesAwarded';
type CellTexts = Record<Column, string>;

const COLUMN_LABELS: Record<Column, string> = {
  firstAlignment: 'First alignment',
  finalAlignment: 'Final alignment',
  delegatesAwarded: 'Delegates awarded',
};

const EMPTY_CELLS: CellTexts = { firstAlignment: '', finalAlignment: '', delegatesAwarded: '' };

export function WorksheetEntry() {
  const overview = useOverview();
  const { route } = useSession();
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorNotice error={overview.error} title="The county could not be loaded." />;
  const election = overview.data.election;
  if (!election) return <NoCountyYet />;
  return (
    <WorksheetForm
      election={election}
      precincts={overview.data.precincts}
      initialPrecinct={route.screen === 'worksheet' ? (route.precinct ?? null) : null}
    />
  );
}

function NoCountyYet() {
  const { navigate } = useSession();
  return (
    <EmptyState
      title="Set up the county first"
      actions={
        <button type="button" className="button primary" onClick={() => navigate({ screen: 'setup' })}>
          Go to county setup
        </button>
      }
    >
      <p>Worksheets are keyed against the county’s precincts and candidates. Set them up, or open the demo county.</p>
    </EmptyState>
  );
}

function WorksheetForm({
  election,
  precincts,
  initialPrecinct,
}: {
  election: ElectionInfo;
  precincts: readonly PrecinctRow[];
  initialPrecinct: string | null;
}) {
  const operator = useOperatorName();
  const session = useSessionToken();
  const candidates = useMemo(
    () => [...election.candidates].sort((a, b) => a.ballotOrder - b.ballotOrder).map((c) => c.name),
    [election.candidates],
  );
  const plurality = election.rulesProfile === 'plurality';
  const columns: Column[] = plurality ? ['firstAlignment'] : ['firstAlignment', 'finalAlignment', 'delegatesAwarded'];

  const [precinctCode, setPrecinctCode] = useState<string | null>(initialPrecinct);
  const precinct = precincts.find((row) => row.code === precinctCode) ?? null;
  const [cells, setCells] = useState<Record<string, CellTexts>>({});
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [coinTosses, setCoinTosses] = useState<CoinToss[]>([]);
  const [source, setSource] = useState<ReportSource>('manual');
  const [evaluation, setEvaluation] = useState<WorksheetEvaluation | null>(null);
  const [evaluationError, setEvaluationError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [triedSave, setTriedSave] = useState(false);
  /** The findings of the sheet about to be saved, while the person checks them against the paper. */
  const [confirming, setConfirming] = useState<readonly Finding[] | null>(null);
  const [checkingSave, setCheckingSave] = useState(false);
  const submit = useSubmitWorksheet();
  // Team mode: tell the hub this precinct is open here; warn when another laptop has it open.
  const leasePurpose = precinct && precinct.reportCount > 0 ? 'second-entry' : 'entry';
  const alsoOpen = usePrecinctLease(precinct?.code ?? null, leasePurpose);

  const pickerRef = useRef<HTMLInputElement>(null);
  const [focusRequest, setFocusRequest] = useState<{ target: 'picker' | 'grid' } | null>(null);
  const requestFocus = (target: 'picker' | 'grid') => setFocusRequest({ target });
  const saveRef = useRef<HTMLButtonElement>(null);
  const cellRefs = useRef(new Map<string, HTMLInputElement>());

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
  const hasProblems = parsed.some(
    (row) => row.firstAlignment.problem || row.finalAlignment.problem || row.delegatesAwarded.problem,
  );
  // A box that cannot be a count (-3, 2.5, 1O) leaves every total and the caucus math blank: nothing is
  // worked out from it (the checker still names it beside its box).
  const uncountable = parsed.some(
    (row) => !row.firstAlignment.countable || !row.finalAlignment.countable || !row.delegatesAwarded.countable,
  );
  const dirty = Object.values(cells).some((texts) => Object.values(texts).some((text) => text.trim() !== ''));

  // Check the worksheet on every change; a slower, older answer never replaces a newer one.
  const requestSeq = useRef(0);
  useEffect(() => {
    const seq = ++requestSeq.current;
    if (!precinctCode) {
      setEvaluation(null);
      setEvaluationError(null);
      return;
    }
    api
      .evaluateWorksheet({ precinct: precinctCode, lines, coinTosses })
      .then((result) => {
        if (seq !== requestSeq.current) return;
        if (result.ok) {
          setEvaluation(result.value);
          setEvaluationError(null);
        } else {
          setEvaluationError(result.error.message);
        }
      })
      .catch((cause: unknown) => {
        if (seq !== requestSeq.current) return;
        setEvaluationError(cause instanceof Error ? cause.message : String(cause));
      });
  }, [precinctCode, lines, coinTosses]);

  const focusCell = useCallback((row: number, column: number) => {
    const input = cellRefs.current.get(`${row}:${column}`);
    if (input) {
      input.focus();
      input.select();
      return true;
    }
    return false;
  }, []);

  const selectPrecinct = (row: PrecinctRow) => {
    setPrecinctCode(row.code);
    setSaved(null);
    setCoinTosses([]);
    setEvaluation(null);
    requestFocus('grid');
  };

  const clearWorksheet = useCallback(() => {
    setCells({});
    setTouched(new Set());
    setCoinTosses([]);
    setTriedSave(false);
    setEvaluation(null);
  }, []);

  const usedTosses = (): CoinToss[] => tossesToSubmit(evaluation, coinTosses);

  /**
   * Ctrl+Enter or the button: a clean sheet is saved at once; a sheet with findings first lists them
   * ("Check the paper") and is saved only from there. The findings are those of exactly what is saved.
   */
  const save = () => {
    setTriedSave(true);
    if (!precinct || hasProblems || uncountable || submit.isPending || confirming || checkingSave) return;
    const code = precinct.code;
    const lastFindings = evaluation?.precinct === code ? evaluation.findings : [];
    setCheckingSave(true);
    void api
      .evaluateWorksheet({ precinct: code, lines, coinTosses })
      .then((result) => {
        // A station whose hub is away cannot check now: the last check shown stands in, and the
        // entry is kept on the laptop as before (the hub checks it when it arrives).
        const findings = result.ok ? result.value.findings : lastFindings;
        if (findings.length > 0) setConfirming(findings);
        else store();
      })
      .catch(() => (lastFindings.length > 0 ? setConfirming(lastFindings) : store()))
      .finally(() => setCheckingSave(false));
  };

  const store = () => {
    if (!precinct) return;
    submit.mutate(
      { precinct: precinct.code, lines, coinTosses: usedTosses(), session, source },
      {
        onSuccess: (value) => {
          setSaved({
            precinct,
            reportId: value.reportId,
            status: value.status,
            findings: value.findings,
            queued: value.queued,
          });
          setConfirming(null);
          clearWorksheet();
          setPrecinctCode(null);
          requestFocus('picker');
        },
        onError: () => setConfirming(null),
      },
    );
  };
  useCtrlEnter(save);

  useLayoutEffect(() => {
    setFocusRequest({ target: initialPrecinct ? 'grid' : 'picker' });
  }, [initialPrecinct]);

  // Focus moves once the screen has rendered what it moves to (the picker or the grid's first box).
  useLayoutEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.target === 'picker' && pickerRef.current) {
      pickerRef.current.focus();
      setFocusRequest(null);
    } else if (focusRequest.target === 'grid' && focusCell(0, 0)) {
      setFocusRequest(null);
    }
  });

  const onCellKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>, row: number, column: number) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      if (focusCell(row + 1, column)) return;
      if (focusCell(0, column + 1)) return;
      saveRef.current?.focus();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusCell(row + 1, column);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focusCell(row - 1, column);
    }
  };

  const setCell = (candidate: string, column: Column, text: string) => {
    setCells((current) => ({ ...current, [candidate]: { ...(current[candidate] ?? EMPTY_CELLS), [column]: text } }));
    setSaved(null);
  };

  // Findings by place: beside a box, beside a candidate, or at the top of the worksheet.
  const findings = evaluation && precinctCode && evaluation.precinct === precinctCode ? evaluation.findings : [];
  const showFinding = (finding: Finding) => {
    if (finding.code !== 'MISSING_DATA') return true;
    if (triedSave) return true;
    if (finding.candidate && finding.field) return touched.has(`${finding.candidate}:${finding.field}`);
    return touched.size > 0;
  };
  // A box that is not a number has its own message; what the checker says of the empty value it sent is noise.
  const notANumber = new Set(
    parsed.flatMap((row) =>
      columns.filter((column) => row[column].problem).map((column) => `${row.candidate}:${column}`),
    ),
  );
  const visible = findings.filter(
    (finding) => showFinding(finding) && !notANumber.has(`${finding.candidate ?? ''}:${finding.field ?? ''}`),
  );
  const cellFindings = (candidate: string, field: FindingField) =>
    visible.filter((f) => f.candidate === candidate && f.field === field);
  const rowFindings = (candidate: string) =>
    visible.filter(
      (f) => f.candidate === candidate && (!f.field || !(columns as string[]).includes(f.field as string)),
    );
  const topFindings = visible.filter((f) => !f.candidate);
  // Findings are read out once typing pauses, as they appear: the grid marks them only visually.
  useAnnounceWhenChanged(
    visible.length > 0 ? `${plural(visible.length, 'finding')} on this worksheet. ${visible[0]?.message ?? ''}` : null,
    { quietMs: 700 },
  );
  const totalColumns = 1 + columns.length + (plurality ? 0 : 3);
  const totalFlag = (field: Column) => topFindings.some((f) => f.field === field);

  // What is worked out from the boxes (viability, delegates, SDE, totals): nothing while a box cannot be counted.
  const worked = uncountable ? null : evaluation;
  const allocation = worked?.allocation;
  const pendingTie = pendingTieOf(worked);
  const delegatesByRules = allocation?.kind === 'decided' ? allocation.delegates : null;
  const sdeByRules = allocation?.kind === 'decided' ? allocation.sde : null;
  const localTotal = (column: Column) =>
    uncountable ? null : parsed.reduce((sum, row) => sum + (row[column].value ?? 0), 0);
  const eligible = uncountable ? null : (evaluation?.eligibleAttendees ?? localTotal('firstAlignment'));

  return (
    <div className="screen worksheet-screen">
      <PageHeader
        title="Enter a worksheet"
        subtitle={
          <span className="shortcut-line">
            <Kbd>Tab</Kbd> next box · <Kbd>Enter</Kbd> down the column · <Kbd>↑</Kbd>
            <Kbd>↓</Kbd> move · <Kbd>Ctrl+Enter</Kbd> save
          </span>
        }
      />

      {saved ? <SavedNotice saved={saved} /> : null}

      <div className="worksheet-top card">
        <div className="worksheet-precinct">
          <span className="field-label" id="precinct-label">
            Precinct
          </span>
          {precinct ? (
            <div className="precinct-chosen">
              <span className="precinct-chosen-code mono">{precinct.code}</span>
              <span className="precinct-chosen-name">{precinct.name}</span>
              <span className="precinct-chosen-meta">
                elects {plural(precinct.delegates, 'delegate')}
                {precinct.reportCount > 0 ? ` · already ${plural(precinct.reportCount, 'report')}` : ''}
              </span>
              <StatusBadge status={precinct.status} />
              <button
                type="button"
                className="button ghost small"
                onClick={() => {
                  setPrecinctCode(null);
                  requestFocus('picker');
                }}
              >
                Change precinct
              </button>
            </div>
          ) : (
            <PrecinctPicker ref={pickerRef} precincts={precincts} onSelect={selectPrecinct} />
          )}
          {precinct && precinct.reportCount > 0 ? (
            <p className="hint">
              This precinct already has {precinct.reportCount === 1 ? 'a report' : 'reports'}. Key the worksheet blind:
              its numbers are not shown here. What you save is stored as a separate report and compared only then:
              matching numbers from another person verify the result, different numbers go to the chair as a
              discrepancy.
            </p>
          ) : null}
          <PrecinctOpenWarning leases={alsoOpen} purpose={leasePurpose} />
        </div>
        <SourceSelect source={source} onChange={setSource} />
      </div>

      {!precinct ? (
        <div className="worksheet-placeholder">
          Type the precinct code or name from the top of the worksheet and press <Kbd>Enter</Kbd>. The grid for its
          candidates opens here.
        </div>
      ) : (
        <div className="worksheet-body">
          <div className="worksheet-main card">
            {evaluationError ? <Notice kind="error">{evaluationError}</Notice> : null}
            {topFindings.length > 0 ? (
              <ul className="findings-top" aria-label="Findings for the whole worksheet">
                {topFindings.map((finding) => (
                  <FindingLine key={`${finding.code}:${finding.field ?? ''}:${finding.message}`} finding={finding} />
                ))}
              </ul>
            ) : null}
            <table className="entry-grid" aria-label={`Worksheet for precinct ${precinct.code}`}>
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
                      <th scope="col">Viability</th>
                      <th scope="col" className="num computed">
                        Delegates by the rules
                      </th>
                      <th scope="col" className="num computed">
                        SDE
                      </th>
                    </>
                  )}
                </tr>
              </thead>
              <tbody>
                {candidates.map((candidate, rowIndex) => {
                  const row = parsed[rowIndex];
                  // Messages about a box sit right under it, in a row of their own starting at its column.
                  const messages = [
                    { field: 'row', columnIndex: -1, problem: null as string | null, findings: rowFindings(candidate) },
                    ...columns.map((column, columnIndex) => ({
                      field: column as string,
                      columnIndex,
                      problem: row?.[column].problem ?? null,
                      findings: cellFindings(candidate, column),
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
                          const text = cells[candidate]?.[column] ?? '';
                          const problem = row?.[column].problem ?? null;
                          const serious = cellFindings(candidate, column).some((f) => f.code !== 'MISSING_DATA');
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
                                onChange={(event) => setCell(candidate, column, event.target.value)}
                                onFocus={(event) => event.target.select()}
                                onBlur={() =>
                                  setTouched((current) => {
                                    const key = `${candidate}:${column}`;
                                    if (current.has(key)) return current;
                                    const next = new Set(current);
                                    next.add(key);
                                    return next;
                                  })
                                }
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
                          <tr
                            key={entry.field}
                            className="message-row"
                            data-candidate={candidate}
                            data-field={entry.field}
                          >
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
            {allocation?.kind === 'not-computable' && dirty ? (
              <p className="hint computed-note">{allocation.reason}</p>
            ) : null}
            {pendingTie ? (
              <CoinTossPanel
                tie={pendingTie}
                onRecord={(winners) =>
                  setCoinTosses((current) => [...current, { tied: [...pendingTie.tied], winners }])
                }
              />
            ) : null}
            <RecordedCoinTosses tosses={coinTosses} onUndo={setCoinTosses} />
            <div className="save-bar">
              <div className="save-bar-text">
                {hasProblems ? (
                  <span className="error-text">Fix the boxes that are not numbers before saving.</span>
                ) : uncountable ? (
                  <span className="error-text">
                    Fix the boxes that are not whole numbers of 0 or more before saving.
                  </span>
                ) : pendingTie ? (
                  <span className="warning-text">
                    The coin toss is not recorded yet. You can still save what the worksheet says.
                  </span>
                ) : (
                  <span className="muted">
                    Will be recorded as {source === 'phone' ? 'phoned in' : 'keyed from the paper worksheet'}, by{' '}
                    {operator}.
                  </span>
                )}
                <ErrorNotice error={submit.error} title="Not saved." />
              </div>
              <button type="button" className="button ghost" onClick={clearWorksheet} disabled={!dirty}>
                Clear
              </button>
              <button
                ref={saveRef}
                type="button"
                className="button primary large"
                onClick={save}
                disabled={submit.isPending || hasProblems || uncountable}
              >
                {submit.isPending ? 'Saving…' : 'Save worksheet'} <Kbd>Ctrl+Enter</Kbd>
              </button>
            </div>
            {confirming ? (
              <ConfirmFindingsDialog
                precinct={precinct.code}
                findings={confirming}
                saving={submit.isPending}
                onSave={store}
                onBack={() => setConfirming(null)}
              />
            ) : null}
          </div>

          {plurality ? null : (
            <PrecinctMath
              delegates={precinct.delegates}
              eligible={eligible}
              finalTotal={localTotal('finalAlignment')}
              evaluation={worked}
            />
          )}
        </div>
      )}
    </div>
  );
}
