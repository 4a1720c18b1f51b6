/**
 * Set up the county: typed in (editable tables), or imported from the county definition file
 * (CSV/XLSX) and reviewed before anything is saved; or open the demo county.
 */
import { type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import { ApiCallError, callApi } from '../api/client';
import { useCreateCounty, useLoadDemoCounty, useOverview, usePreviewCountyDefinition } from '../api/hooks';
import {
  type CountySetupInput,
  type ElectionInfo,
  type FileProblem,
  type Overview,
  PIN_PATTERN,
  PIN_RULE,
  RULES_LABELS,
  RULES_PROFILES,
  type RulesProfileId,
} from '../api/types';
import { CreateCountyDialog } from '../components/setup/CreateCountyDialog';
import { TeamCard } from '../components/TeamCard';
import { Card, ErrorNotice, Loading, Notice, PageHeader } from '../components/ui';
import { formatDate, formatSde, plural } from '../format';
import { useSession } from '../session';
import './CountySetup.css';

interface PrecinctDraft {
  readonly key: number;
  code: string;
  name: string;
  delegates: string;
  chairEmail: string;
}

interface Draft {
  county: string;
  name: string;
  date: string;
  rulesProfile: RulesProfileId;
  sdePerDelegate: string;
  precincts: PrecinctDraft[];
  candidates: { key: number; name: string }[];
}

let nextKey = 1;
const newKey = () => nextKey++;

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function emptyPrecinct(): PrecinctDraft {
  return { key: newKey(), code: '', name: '', delegates: '', chairEmail: '' };
}

function emptyDraft(): Draft {
  return {
    county: '',
    name: '',
    date: today(),
    rulesProfile: 'iowa-dem-2020',
    sdePerDelegate: '',
    precincts: [emptyPrecinct()],
    candidates: [{ key: newKey(), name: '' }],
  };
}

function draftFrom(setup: CountySetupInput): Draft {
  return {
    county: setup.county,
    name: setup.name,
    date: setup.date || today(),
    rulesProfile: setup.rulesProfile,
    sdePerDelegate: String(setup.sdePerDelegate),
    precincts: setup.precincts.map((p) => ({
      key: newKey(),
      code: p.code,
      name: p.name,
      delegates: String(p.delegates),
      chairEmail: p.chairEmail ?? '',
    })),
    candidates: setup.candidates.map((name) => ({ key: newKey(), name })),
  };
}

/** The setup to send, or the problems a person must fix first. */
function toSetup(draft: Draft): { setup: CountySetupInput | null; problems: string[] } {
  const problems: string[] = [];
  if (!draft.county.trim()) problems.push('Enter the county name.');
  if (!draft.name.trim()) problems.push('Enter the name of the election or caucus.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) problems.push('Enter the date of the caucus.');
  const sde = Number(draft.sdePerDelegate.trim());
  if (!draft.sdePerDelegate.trim() || !Number.isFinite(sde) || sde <= 0) {
    problems.push('Enter the SDE per county delegate as a number above zero, for example 0.25.');
  }
  const precincts = draft.precincts.filter((p) => p.code.trim() || p.name.trim() || p.delegates.trim());
  if (precincts.length === 0) problems.push('Add at least one precinct.');
  const seen = new Set<string>();
  precincts.forEach((p, index) => {
    const label = `Precinct ${index + 1}${p.code.trim() ? ` (${p.code.trim()})` : ''}`;
    if (!p.code.trim()) problems.push(`${label}: enter its code.`);
    else if (seen.has(p.code.trim().toLowerCase())) problems.push(`${label}: this code is used twice.`);
    seen.add(p.code.trim().toLowerCase());
    if (!p.name.trim()) problems.push(`${label}: enter its name.`);
    if (!/^\d+$/.test(p.delegates.trim())) problems.push(`${label}: enter the delegates it elects as a whole number.`);
    if (p.chairEmail.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(p.chairEmail.trim())) {
      problems.push(`${label}: the chair email does not look like an email address.`);
    }
  });
  const candidates = draft.candidates.map((c) => c.name.trim()).filter(Boolean);
  if (candidates.length === 0) problems.push('Add at least one candidate.');
  const names = new Set<string>();
  for (const name of candidates) {
    if (names.has(name.toLowerCase())) problems.push(`The candidate “${name}” is listed twice.`);
    names.add(name.toLowerCase());
  }
  if (problems.length > 0) return { setup: null, problems };
  return {
    problems,
    setup: {
      county: draft.county.trim(),
      name: draft.name.trim(),
      date: draft.date,
      rulesProfile: draft.rulesProfile,
      sdePerDelegate: sde,
      precincts: precincts.map((p) => ({
        code: p.code.trim(),
        name: p.name.trim(),
        delegates: Number(p.delegates.trim()),
        chairEmail: p.chairEmail.trim() || null,
      })),
      candidates,
    },
  };
}

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

function isFileProblems(details: unknown): details is FileProblem[] {
  return (
    Array.isArray(details) &&
    details.every((d) => d && typeof d === 'object' && 'row' in d && 'message' in d && typeof d.message === 'string')
  );
}

export function CountySetup() {
  const overview = useOverview();
  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorNotice error={overview.error} title="The county could not be loaded." />;
  if (overview.data.election) return <ExistingCounty election={overview.data.election} overview={overview.data} />;
  return <SetupForm />;
}

function ExistingCounty({ election, overview }: { election: ElectionInfo; overview: Overview }) {
  return (
    <div className="screen">
      <PageHeader title="County setup" subtitle="The county this database holds, and its team." />
      <TeamCard />
      <Card title={`${election.county} · ${election.name}`}>
        <dl className="facts">
          <div>
            <dt>Date</dt>
            <dd>{formatDate(election.date)}</dd>
          </div>
          <div>
            <dt>Rules</dt>
            <dd>{RULES_LABELS[election.rulesProfile]}</dd>
          </div>
          <div>
            <dt>SDE per county delegate</dt>
            <dd>{formatSde(election.sdePerDelegate)}</dd>
          </div>
          <div>
            <dt>Precincts</dt>
            <dd>
              {election.precinctCount} electing {plural(election.totalDelegates, 'county delegate')}
            </dd>
          </div>
        </dl>
        <h3 className="subhead">Candidates in ballot order</h3>
        <ol className="candidate-order">
          {[...election.candidates]
            .sort((a, b) => a.ballotOrder - b.ballotOrder)
            .map((candidate) => (
              <li key={candidate.name}>{candidate.name}</li>
            ))}
        </ol>
        <h3 className="subhead">Precincts</h3>
        <div className="table-wrap">
          <table className="data-table" aria-label="Precincts of the county">
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Name</th>
                <th scope="col" className="num">
                  Delegates
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.precincts.map((row) => (
                <tr key={row.code}>
                  <td className="mono">{row.code}</td>
                  <td>{row.name}</td>
                  <td className="num">{row.delegates}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">
          A database holds one county and its setup is part of the audited record. To set up a different county, start
          Tallyroom with a new database.
        </p>
      </Card>
    </div>
  );
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
        <ImportPanel
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
          <Card title="Election">
            <div className="form-grid">
              <label className="field">
                <span className="field-label">County</span>
                <input
                  aria-label="County name"
                  value={draft.county}
                  onChange={(e) => update({ county: e.target.value })}
                  placeholder="e.g. Story County"
                />
              </label>
              <label className="field wide">
                <span className="field-label">Election or caucus</span>
                <input
                  aria-label="Election name"
                  value={draft.name}
                  onChange={(e) => update({ name: e.target.value })}
                  placeholder="e.g. 2028 Democratic Precinct Caucuses"
                />
              </label>
              <label className="field">
                <span className="field-label">Date</span>
                <input
                  type="date"
                  aria-label="Date"
                  value={draft.date}
                  onChange={(e) => update({ date: e.target.value })}
                />
              </label>
              <label className="field">
                <span className="field-label">Rules</span>
                <select
                  aria-label="Rules profile"
                  value={draft.rulesProfile}
                  onChange={(e) => update({ rulesProfile: e.target.value as RulesProfileId })}
                >
                  {RULES_PROFILES.map((profile) => (
                    <option key={profile} value={profile}>
                      {RULES_LABELS[profile]} ({profile})
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">SDE per county delegate</span>
                <input
                  aria-label="SDE per county delegate"
                  inputMode="decimal"
                  value={draft.sdePerDelegate}
                  onChange={(e) => update({ sdePerDelegate: e.target.value })}
                  placeholder="e.g. 0.25"
                />
                <span className="field-hint">State delegates ÷ county convention delegates</span>
              </label>
            </div>
          </Card>

          <Card
            title={`Precincts (${draft.precincts.length})`}
            actions={
              <button
                type="button"
                className="button small"
                onClick={() => {
                  update({ precincts: [...draft.precincts, emptyPrecinct()] });
                  focusLast('input[data-precinct-code]');
                }}
              >
                + Add precinct
              </button>
            }
          >
            <div className="table-wrap">
              <table className="edit-table" aria-label="Precincts">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Code</th>
                    <th scope="col">Name</th>
                    <th scope="col" className="num">
                      Delegates it elects
                    </th>
                    <th scope="col">Chair email (optional)</th>
                    <th scope="col">
                      <span className="visually-hidden">Remove</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {draft.precincts.map((p, index) => (
                    <tr key={p.key} data-precinct-row={index}>
                      <td className="row-number">{index + 1}</td>
                      <td>
                        <input
                          data-precinct-code
                          aria-label={`Precinct ${index + 1} code`}
                          value={p.code}
                          onChange={(e) => updatePrecinct(p.key, { code: e.target.value })}
                          className="mono narrow"
                        />
                      </td>
                      <td>
                        <input
                          aria-label={`Precinct ${index + 1} name`}
                          value={p.name}
                          onChange={(e) => updatePrecinct(p.key, { name: e.target.value })}
                        />
                      </td>
                      <td>
                        <input
                          aria-label={`Precinct ${index + 1} delegates`}
                          inputMode="numeric"
                          className="num narrow"
                          value={p.delegates}
                          onChange={(e) => updatePrecinct(p.key, { delegates: e.target.value })}
                        />
                      </td>
                      <td>
                        <input
                          type="email"
                          aria-label={`Precinct ${index + 1} chair email`}
                          value={p.chairEmail}
                          onChange={(e) => updatePrecinct(p.key, { chairEmail: e.target.value })}
                        />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="icon-button"
                          aria-label={`Remove precinct ${index + 1}`}
                          title="Remove this precinct"
                          disabled={draft.precincts.length === 1}
                          onClick={() => update({ precincts: draft.precincts.filter((other) => other.key !== p.key) })}
                        >
                          ×
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>

          <Card
            title={`Candidates in ballot order (${draft.candidates.length})`}
            actions={
              <button
                type="button"
                className="button small"
                onClick={() => {
                  update({ candidates: [...draft.candidates, { key: newKey(), name: '' }] });
                  focusLast('input[data-candidate-name]');
                }}
              >
                + Add candidate
              </button>
            }
          >
            <p className="hint">
              Include “Uncommitted” as a candidate if the caucus counts it as a group. The order here is the order of
              the worksheet.
            </p>
            <ol className="candidate-edit">
              {draft.candidates.map((c, index) => (
                <li key={c.key} data-candidate-row={index}>
                  <span className="row-number">{index + 1}</span>
                  <input
                    data-candidate-name
                    aria-label={`Candidate ${index + 1} name`}
                    value={c.name}
                    onChange={(e) =>
                      update({
                        candidates: draft.candidates.map((other) =>
                          other.key === c.key ? { ...other, name: e.target.value } : other,
                        ),
                      })
                    }
                  />
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move candidate ${index + 1} up`}
                    disabled={index === 0}
                    onClick={() => update({ candidates: move(draft.candidates, index, index - 1) })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Move candidate ${index + 1} down`}
                    disabled={index === draft.candidates.length - 1}
                    onClick={() => update({ candidates: move(draft.candidates, index, index + 1) })}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove candidate ${index + 1}`}
                    disabled={draft.candidates.length === 1}
                    onClick={() => update({ candidates: draft.candidates.filter((other) => other.key !== c.key) })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ol>
          </Card>

          <Card title="County chair">
            <p className="hint">
              You set up the county, so you are its chair: you add the team, resolve discrepancies and certify results.
              Choose a PIN of 4 to 12 digits that only you know; you type it again to certify.
            </p>
            <div className="form-grid">
              <label className="field">
                <span className="field-label">Chair’s name</span>
                <input
                  aria-label="Chair’s name"
                  autoComplete="off"
                  maxLength={80}
                  value={chair.name}
                  onChange={(e) => setChair({ ...chair, name: e.target.value })}
                />
              </label>
              <label className="field">
                <span className="field-label">Chair’s PIN</span>
                <input
                  aria-label="Chair’s PIN"
                  type="password"
                  inputMode="numeric"
                  autoComplete="new-password"
                  maxLength={12}
                  value={chair.pin}
                  onChange={(e) => setChair({ ...chair, pin: e.target.value.replace(/\D/g, '') })}
                />
              </label>
            </div>
          </Card>

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

function chairProblem(chair: { name: string; pin: string }): string | null {
  if (!chair.name.trim()) return 'Enter the county chair’s name.';
  if (!PIN_PATTERN.test(chair.pin)) return `Choose the chair’s PIN. ${PIN_RULE}`;
  return null;
}

function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

function ImportPanel({ onPreview }: { onPreview(setup: CountySetupInput, fileName: string): void }) {
  const preview = usePreviewCountyDefinition();
  const [fileName, setFileName] = useState<string | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const error = preview.error;
  const fileProblems = error instanceof ApiCallError && isFileProblems(error.details) ? error.details : null;

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    setReadError(null);
    preview.reset();
    let contentBase64: string;
    try {
      contentBase64 = await fileToBase64(file);
    } catch {
      setReadError('That file could not be read. Copy it to this computer and choose it again.');
      return;
    }
    preview.mutate({ fileName: file.name, contentBase64 }, { onSuccess: (setup) => onPreview(setup, file.name) });
  };

  return (
    <Card title="Import the county definition">
      <p>
        The county definition is the precinct results file with the counts left empty: one row per precinct and
        candidate, with the columns <code>county</code>, <code>precinct</code>, <code>precinct_delegates</code>,{' '}
        <code>sde_per_delegate</code>, <code>candidate</code> and, optionally, <code>precinct_name</code> and{' '}
        <code>chair_email</code>. CSV or Excel (.xlsx). Nothing is saved until you review it and create the county.
      </p>
      <label className="file-drop">
        <input
          className="visually-hidden"
          type="file"
          aria-label="County definition file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            void choose(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        <span className="button primary" aria-hidden="true">
          Choose a file…
        </span>
        <span className="file-drop-text">
          <strong>{fileName ?? 'No file chosen yet'}</strong>
          <span className="muted">
            {fileName ? 'Choose again after fixing the file.' : 'A .csv or .xlsx county definition'}
          </span>
        </span>
      </label>
      {preview.isPending ? <p className="hint">Reading {fileName}…</p> : null}
      {readError ? <Notice kind="error">{readError}</Notice> : null}
      {fileProblems ? (
        <div className="file-problems" role="alert">
          <p>
            <strong>Nothing was saved.</strong> {error?.message}
          </p>
          <table className="data-table" aria-label="Problems in the file">
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {fileProblems.map((problem) => (
                <tr key={`${problem.row}:${problem.column ?? ''}:${problem.message}`}>
                  <td className="nowrap">
                    Row {problem.row}
                    {problem.column ? `, column ${problem.column}` : ''}
                  </td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : error ? (
        <ErrorNotice error={error} title={`${fileName ?? 'The file'} could not be read. Nothing was saved.`} />
      ) : null}
    </Card>
  );
}
