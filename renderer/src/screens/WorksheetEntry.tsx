/**
 * Key in a precinct's caucus worksheet from the keyboard alone. Every change is checked by the
 * API (evaluateWorksheet, live through useWorksheetDraft): threshold, viable groups, the delegates
 * the rules give, SDEs and every finding, shown beside the box it concerns. Ctrl+Enter saves
 * (submitWorksheet); a sheet with findings is saved only after they are checked against the paper.
 */
import {
  type KeyboardEvent as ReactKeyboardEvent,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { api } from '../api/client';
import { useOverview, useSubmitWorksheet } from '../api/hooks';
import type { CoinToss, ElectionInfo, Finding, PrecinctRow, ReportSource } from '../api/types';
import { useAnnounceWhenChanged } from '../components/Announcer';
import { CoinTossPanel, pendingTieOf, RecordedCoinTosses, tossesToSubmit } from '../components/CoinTosses';
import { usePrecinctLease } from '../components/PrecinctOpenWarning';
import { EmptyState, ErrorNotice, Kbd, Loading, Notice, PageHeader } from '../components/ui';
import { useCtrlEnter } from '../components/useCtrlEnter';
import { ConfirmFindingsDialog } from '../components/worksheet/ConfirmFindingsDialog';
import { EntryGrid } from '../components/worksheet/EntryGrid';
import { PrecinctMath } from '../components/worksheet/PrecinctMath';
import { SaveBar } from '../components/worksheet/SaveBar';
import { type Saved, SavedNotice } from '../components/worksheet/SavedNotice';
import { SourceSelect } from '../components/worksheet/SourceSelect';
import { type Column, useWorksheetDraft } from '../components/worksheet/useWorksheetDraft';
import { FindingLine } from '../components/worksheet/WorksheetMessages';
import { WorksheetPrecinct } from '../components/worksheet/WorksheetPrecinct';
import { placeFindings } from '../components/worksheet/worksheet-findings';
import { plural } from '../format';
import { useOperatorName, useSession, useSessionToken } from '../session';
import './WorksheetEntry.css';

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
  const draft = useWorksheetDraft(precinctCode, candidates, plurality);
  const { evaluation, lines, coinTosses, hasProblems, uncountable, setCoinTosses } = draft;
  const [source, setSource] = useState<ReportSource>('manual');
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
    requestFocus('grid');
  };

  const clearWorksheet = () => {
    draft.clear();
    setTriedSave(false);
  };

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
      .evaluateWorksheet({ precinct: code, lines, coinTosses: [...coinTosses] })
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
    draft.setCell(candidate, column, text);
    setSaved(null);
  };

  // Findings by place: beside a box, beside a candidate, or at the top of the worksheet.
  const placed = placeFindings({
    findings: evaluation && precinctCode && evaluation.precinct === precinctCode ? evaluation.findings : [],
    columns,
    parsed: draft.parsed,
    touched: draft.touched,
    triedSave,
  });
  const { visible } = placed;
  // Findings are read out once typing pauses, as they appear: the grid marks them only visually.
  useAnnounceWhenChanged(
    visible.length > 0 ? `${plural(visible.length, 'finding')} on this worksheet. ${visible[0]?.message ?? ''}` : null,
    { quietMs: 700 },
  );

  // What is worked out from the boxes (viability, delegates, SDE, totals): nothing while a box cannot be counted.
  const worked = uncountable ? null : evaluation;
  const allocation = worked?.allocation;
  const pendingTie = pendingTieOf(worked);
  const finalTotal = uncountable ? null : draft.parsed.reduce((sum, row) => sum + (row.finalAlignment.value ?? 0), 0);
  const firstTotal = uncountable ? null : draft.parsed.reduce((sum, row) => sum + (row.firstAlignment.value ?? 0), 0);
  const eligible = uncountable ? null : (evaluation?.eligibleAttendees ?? firstTotal);

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
        <WorksheetPrecinct
          precinct={precinct}
          precincts={precincts}
          pickerRef={pickerRef}
          alsoOpen={alsoOpen}
          leasePurpose={leasePurpose}
          onSelect={selectPrecinct}
          onChange={() => {
            setPrecinctCode(null);
            requestFocus('picker');
          }}
        />
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
            {draft.error ? <Notice kind="error">{draft.error}</Notice> : null}
            {placed.top.length > 0 ? (
              <ul className="findings-top" aria-label="Findings for the whole worksheet">
                {placed.top.map((finding) => (
                  <FindingLine key={`${finding.code}:${finding.field ?? ''}:${finding.message}`} finding={finding} />
                ))}
              </ul>
            ) : null}
            <EntryGrid
              precinctCode={precinct.code}
              candidates={candidates}
              columns={columns}
              plurality={plurality}
              draft={draft}
              placed={placed}
              worked={worked}
              cellRefs={cellRefs}
              onCellChange={setCell}
              onCellKeyDown={onCellKeyDown}
            />
            {allocation?.kind === 'not-computable' && draft.dirty ? (
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
            <SaveBar
              hasProblems={hasProblems}
              uncountable={uncountable}
              pendingTie={pendingTie !== null}
              source={source}
              operator={operator}
              dirty={draft.dirty}
              saving={submit.isPending}
              saveError={submit.error}
              saveRef={saveRef}
              onClear={clearWorksheet}
              onSave={save}
            />
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
              finalTotal={finalTotal}
              evaluation={worked}
            />
          )}
        </div>
      )}
    </div>
  );
}
