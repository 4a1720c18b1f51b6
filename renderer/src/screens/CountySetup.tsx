/**
 * Set up the county: typed in (editable tables), or imported from the county definition file
 * (CSV/XLSX) and reviewed before anything is saved; or open the demo county.
 */
import { type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import { callApi } from '../api/client';
import { useCreateCounty, useLoadDemoCounty, useOverview } from '../api/hooks';
import type { CountySetupInput } from '../api/types';
import { CandidatesEditor } from '../components/setup/CandidatesEditor';
import { ChairFields } from '../components/setup/ChairFields';
import { CreateCountyDialog } from '../components/setup/CreateCountyDialog';
import { ElectionFields } from '../components/setup/ElectionFields';
import { ExistingCounty } from '../components/setup/ExistingCounty';
import { ImportDefinitionPanel } from '../components/setup/ImportDefinitionPanel';
import { PrecinctsEditor } from '../components/setup/PrecinctsEditor';
import {
  chairProblem,
  type Draft,
  draftFrom,
  emptyDraft,
  emptyPrecinct,
  newKey,
  type PrecinctDraft,
  toSetup,
} from '../components/setup/setup-draft';
import { ErrorNotice, Loading, Notice, PageHeader } from '../components/ui';
import { plural } from '../format';
import { useSession } from '../session';
import './CountySetup.css';

export function CountySetup() {
  const overview = useOverview();
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorNotice error={overview.error} title="The county could not be loaded." />;
  if (overview.data.election) return <ExistingCounty election={overview.data.election} overview={overview.data} />;
  return <SetupForm />;
}

function SetupForm() {
  const { navigate, signedIn } = useSession();
  const [chair, setChair] = useState({ name: '', pin: '' });
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [mode, setMode] = useState<'type' | 'import'>('type');
  const [imported, setImported] = useState<string | null>(null);
  const [triedSubmit, setTriedSubmit] = useState(false);
  const createCounty = useCreateCounty();
  const demo = useLoadDemoCounty();
  const formRef = useRef<HTMLFormElement>(null);
  const [reviewing, setReviewing] = useState<CountySetupInput | null>(null);
  // A row added from the keyboard gets focus once it is on screen, before the next key is typed
  // (focusing a frame later let fast typing run into the previous box: "SandersWarren").
  const [focusRequest, setFocusRequest] = useState<{ selector: string; index: number } | null>(null);
  useLayoutEffect(() => {
    if (!focusRequest) return;
    const inputs = formRef.current?.querySelectorAll<HTMLInputElement>(focusRequest.selector);
    const target = inputs?.[focusRequest.index < 0 ? inputs.length - 1 : focusRequest.index];
    if (target) {
      target.focus();
      setFocusRequest(null);
    }
  });

  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const updatePrecinct = (key: number, patch: Partial<PrecinctDraft>) =>
    setDraft((current) => ({
      ...current,
      precincts: current.precincts.map((p) => (p.key === key ? { ...p, ...patch } : p)),
    }));

  // Once a save was tried, the list of what to fix follows the edits.
  const problems = triedSubmit
    ? [...toSetup(draft).problems, ...(chairProblem(chair) ? [chairProblem(chair) as string] : [])]
    : [];

  const focusLast = (selector: string) => setFocusRequest({ selector, index: -1 });

  /**
   * Enter never creates the county: in a candidate or precinct box it moves to the next row (adding
   * one after the last row, unless that row is still empty); in any other box it moves to the next box.
   */
  const onFormKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target;
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!(target instanceof HTMLInputElement) || target.type === 'file') return;
    event.preventDefault();
    const candidate = target.closest<HTMLElement>('[data-candidate-row]');
    if (candidate) {
      const index = Number(candidate.dataset.candidateRow);
      if (index < draft.candidates.length - 1) {
        setFocusRequest({ selector: 'input[data-candidate-name]', index: index + 1 });
      } else if (target.value.trim() !== '') {
        update({ candidates: [...draft.candidates, { key: newKey(), name: '' }] });
        setFocusRequest({ selector: 'input[data-candidate-name]', index: index + 1 });
      }
      return;
    }
    const precinct = target.closest<HTMLElement>('[data-precinct-row]');
    if (precinct) {
      const index = Number(precinct.dataset.precinctRow);
      const row = draft.precincts[index];
      if (index < draft.precincts.length - 1) {
        setFocusRequest({ selector: 'input[data-precinct-code]', index: index + 1 });
      } else if (row && (row.code.trim() || row.name.trim() || row.delegates.trim())) {
        update({ precincts: [...draft.precincts, emptyPrecinct()] });
        setFocusRequest({ selector: 'input[data-precinct-code]', index: index + 1 });
      }
      return;
    }
    const boxes = [...(formRef.current?.querySelectorAll<HTMLElement>('input, select') ?? [])];
    boxes[boxes.indexOf(target) + 1]?.focus();
  };

  /** "Create county": the problems to fix, or the summary to confirm. */
  const review = () => {
    const { setup } = toSetup(draft);
    setTriedSubmit(true);
    if (!setup || chairProblem(chair)) return;
    setReviewing(setup);
  };

  const create = (setup: CountySetupInput) => {
    const chairEntry = { name: chair.name.trim(), pin: chair.pin };
    // The person who set up the county is its chair, signed in straight away. Awaited rather than
    // per-call callbacks: this form unmounts as soon as the county exists.
    void createCounty
      .mutateAsync({ chair: chairEntry, setup })
      .then(() => callApi('signIn', chairEntry))
      .then((session) => {
        signedIn(session);
        navigate({ screen: 'dashboard' });
      })
      .catch(() => {
        // The error is shown by the form; a failed sign-in leaves the sign-in dialog open.
        setReviewing(null);
      });
  };

  return (
    <div className="screen setup-screen">
      <PageHeader
        title="Set up the county"
        subtitle="Precincts, the delegates each elects, and the candidates in ballot order. Type them in or import the county definition file."
        actions={
          <button
            type="button"
            className="button"
            disabled={demo.isPending}
            onClick={() => demo.mutate({}, { onSuccess: () => navigate({ screen: 'dashboard' }) })}
          >
            {demo.isPending ? 'Opening…' : 'Open the demo county'}
          </button>
        }
      />
      <ErrorNotice error={demo.error} title="The demo county could not be opened." />

      <div className="tabs" role="tablist" aria-label="How to set up the county">
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'type'}
          className={mode === 'type' ? 'tab on' : 'tab'}
          onClick={() => setMode('type')}
        >
          Type it in
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'import'}
          className={mode === 'import' ? 'tab on' : 'tab'}
          onClick={() => setMode('import')}
        >
          Import a file
        </button>
      </div>

      {mode === 'import' ? (
        <ImportDefinitionPanel
          onPreview={(setup, fileName) => {
            setDraft(draftFrom(setup));
            setImported(fileName);
            setTriedSubmit(false);
            setMode('type');
          }}
        />
      ) : (
        <form
          ref={formRef}
          onSubmit={(event) => event.preventDefault()}
          onKeyDown={onFormKeyDown}
          noValidate
          aria-label="County setup"
        >
          {imported ? (
            <Notice kind="info" role="status">
              <strong>Read from {imported}:</strong> {plural(draft.precincts.length, 'precinct')},{' '}
              {plural(draft.candidates.length, 'candidate')}. Nothing is saved yet — check everything below (the
              election name and date especially), then create the county.
            </Notice>
          ) : null}
          <ElectionFields draft={draft} update={update} />

          <PrecinctsEditor draft={draft} update={update} updatePrecinct={updatePrecinct} focusLast={focusLast} />

          <CandidatesEditor draft={draft} update={update} focusLast={focusLast} />

          <ChairFields chair={chair} setChair={setChair} />

          {problems.length > 0 ? (
            <div className="notice notice-error" role="alert">
              <strong>Please fix {problems.length === 1 ? 'this' : 'these'} first:</strong>
              <ul>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <ErrorNotice error={createCounty.error} title="The county was not created." />
          <div className="form-actions">
            <span className="muted">
              You check a summary before the county is created. The setup is written to the audit log under the chair’s
              name.
            </span>
            <button type="button" className="button primary large" onClick={review} disabled={createCounty.isPending}>
              Create county…
            </button>
          </div>
          {reviewing ? (
            <CreateCountyDialog
              setup={reviewing}
              chairName={chair.name.trim()}
              creating={createCounty.isPending}
              onConfirm={() => create(reviewing)}
              onCancel={() => setReviewing(null)}
            />
          ) : null}
        </form>
      )}
    </div>
  );
}
