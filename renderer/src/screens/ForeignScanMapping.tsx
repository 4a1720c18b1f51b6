/**
 * A sheet that is not ours (the full-page fallback, docs/OCR.md): a photo of a hand-drawn tally or another party's
 * form, read as a table of numbers. The person maps it: the precinct, and for every candidate the
 * first, final and delegates, each prefilled from the suggestion and checked against the paper.
 * Keyboard-first: Tab or Enter moves on (Enter also marks the value checked), typing replaces a
 * value, Ctrl+Enter confirms once every value is checked. Clicking a number box on the picture puts
 * its number in the field being edited. Nothing goes in until the person confirms every field.
 */
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiOutputs } from '../../../electron/core/api/types';
import { errorMessage } from '../api/client';
import { useConfirmForeignScan, useOverview, useReadForeignScan } from '../api/hooks';
import { useObjectUrl } from '../components/ScanCrop';
import type { ConfirmedPage } from '../components/ScanFields';
import { Card, Kbd, Notice } from '../components/ui';
import { useCtrlEnter } from '../components/useCtrlEnter';
import { useSessionToken } from '../session';

type ScanView = ApiOutputs['getScanReading'];
type PageView = ScanView['pages'][number];
type Column = PageView['fields'][number]['column'];
type Token = NonNullable<PageView['foreign']>['tokens'][number];

const COLUMN_LABELS: Record<Column, string> = {
  first: 'First alignment',
  final: 'Final alignment',
  delegates: 'Delegates awarded',
};
const COLUMNS: readonly Column[] = ['first', 'final', 'delegates'];

interface FieldState {
  readonly text: string;
  /** The number box the value came from; null when typed. */
  readonly tokenIndex: number | null;
  readonly checked: boolean;
}

/** The number boxes over the picture, a little larger than the digits so their strokes stay visible (inline: styles.css is shared by every screen). */
const BOX_STYLE = {
  position: 'absolute',
  padding: 0,
  border: '2px solid rgba(37, 99, 235, 0.85)',
  borderRadius: '3px',
  cursor: 'pointer',
} as const;

const isCount = (text: string) => /^\d{1,6}$/.test(text.trim());

/** Offered on a page where no Tallyroom worksheet was found: read the picture as a table instead. */
export function ReadAsTableOffer({ scanId }: { scanId: number }) {
  const session = useSessionToken();
  const read = useReadForeignScan();
  return (
    <Card title="Not a Tallyroom worksheet?">
      <p>
        If this is a precinct’s own tally or another form (a photo of any table of numbers), Tallyroom can read the
        numbers on it and suggest where they go. You then check and map every one against the paper.
      </p>
      {read.isError ? <Notice kind="error">{errorMessage(read.error)}</Notice> : null}
      <div className="form-actions">
        <button
          type="button"
          className="button primary"
          disabled={read.isPending}
          onClick={() => read.mutate({ session, scanId })}
        >
          {read.isPending ? 'Reading the numbers…' : 'Read it as a table of numbers'}
        </button>
      </div>
    </Card>
  );
}

export function ForeignScanMapping({
  scan,
  page,
  onConfirmed,
}: {
  scan: ScanView;
  page: PageView;
  onConfirmed(confirmed: ConfirmedPage): void;
}) {
  const session = useSessionToken();
  const overview = useOverview();
  const confirm = useConfirmForeignScan();
  const pageUrl = useObjectUrl(page.page?.pngBase64);
  const tokens = page.foreign?.tokens ?? [];
  const tokenAt = (box: Token['box']) =>
    tokens.find((token) => token.box.x === box.x && token.box.y === box.y && box.width > 0)?.index ?? null;
  const [fields, setFields] = useState<FieldState[]>(() =>
    page.fields.map((field) => ({
      text: field.value === null ? '' : String(field.value),
      tokenIndex: field.value === null ? null : tokenAt(field.box),
      checked: false,
    })),
  );
  const [precinct, setPrecinct] = useState(page.foreign?.suggestedPrecinct ?? '');
  const [focused, setFocused] = useState<number | null>(0);
  const [problem, setProblem] = useState<string | null>(null);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const precincts = overview.data?.precincts ?? [];

  const waiting = fields.filter((field) => !field.checked || !isCount(field.text)).length;
  const ready = waiting === 0 && precinct !== '';

  useEffect(() => {
    inputs.current[0]?.focus();
  }, []);

  const update = (index: number, next: Partial<FieldState>) =>
    setFields((current) => current.map((field, at) => (at === index ? { ...field, ...next } : field)));

  const focusField = (index: number) => {
    if (index >= fields.length) confirmButton.current?.focus();
    else inputs.current[index]?.focus();
  };

  const checkAndNext = (index: number) => {
    const field = fields[index];
    if (!field) return;
    if (!isCount(field.text)) {
      setProblem('Type the whole number the paper shows (0 when the sheet shows none).');
      return;
    }
    setProblem(null);
    update(index, { checked: true });
    // The button is enabled only once this check renders.
    window.setTimeout(() => focusField(index + 1), 0);
  };

  const takeBox = (token: Token) => {
    const index = focused ?? fields.findIndex((field) => !field.checked);
    if (index < 0) return;
    update(index, { text: String(token.value), tokenIndex: token.index, checked: true });
    window.setTimeout(() => focusField(index + 1), 0);
  };

  const submit = () => {
    if (!ready || confirm.isPending) return;
    confirm
      .mutateAsync({
        session,
        scanId: scan.scanId,
        pageNumber: page.pageNumber,
        readingId: page.readingId,
        precinct,
        fields: page.fields.map((field, index) => ({
          candidate: field.candidate,
          column: field.column,
          value: isCount(fields[index]?.text ?? '') ? Number(fields[index]?.text) : null,
          tokenIndex: fields[index]?.tokenIndex ?? null,
        })),
      })
      .then(
        (value) => onConfirmed({ reportId: value.reportId, precinct: value.precinct, status: value.status }),
        (error: unknown) => setProblem(errorMessage(error)),
      );
  };
  useCtrlEnter(submit);

  const onFieldKey = (index: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    if (event.shiftKey) focusField(Math.max(0, index - 1));
    else checkAndNext(index);
  };

  const candidates = useMemo(() => [...new Set(page.fields.map((field) => field.candidate))], [page.fields]);
  const indexOf = (candidate: string, column: Column) =>
    page.fields.findIndex((field) => field.candidate === candidate && field.column === column);
  const highlighted = focused !== null ? (fields[focused]?.tokenIndex ?? null) : null;
  const suggested = page.fields.filter((field) => field.value !== null).length;
  const picture = page.page;

  return (
    <div
      className="scan-review-layout foreign-mapping"
      // The picture is where numbers are picked: give it more room than a worksheet's crops need.
      style={{ gridTemplateColumns: 'minmax(0, 1fr) minmax(320px, 560px)' }}
    >
      <div className="scan-review-main">
        <Notice kind="warning">
          <strong>This is not a Tallyroom worksheet.</strong> Tallyroom read it as a table of numbers and suggested{' '}
          {suggested} of {page.fields.length} values. Suggestions can be wrong: check every value against the paper
          before you confirm. Nothing goes into the results until you do.
        </Notice>
        <Card
          title="Map the sheet"
          actions={
            <span className="scan-keys muted">
              <Kbd>Enter</Kbd> checked, next · <Kbd>Shift+Enter</Kbd> back · <Kbd>Ctrl+Enter</Kbd> confirm · click a
              number on the picture to use it
            </span>
          }
        >
          <label className="field foreign-precinct">
            <span className="field-label">Precinct on the paper</span>
            <select aria-label="Precinct" value={precinct} onChange={(event) => setPrecinct(event.target.value)}>
              <option value="">Choose the precinct…</option>
              {precincts.map((row) => (
                <option key={row.code} value={row.code}>
                  {row.code} · {row.name}
                </option>
              ))}
            </select>
            {page.foreign?.suggestedPrecinct ? (
              <span className="hint">The sheet names {page.foreign.suggestedPrecinct}: check it on the paper.</span>
            ) : (
              <span className="hint">No precinct could be read on the sheet: choose it from the paper.</span>
            )}
          </label>
          <div className="table-wrap">
            <table className="data-table foreign-fields" aria-label="Values to map">
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  {COLUMNS.map((column) => (
                    <th scope="col" key={column}>
                      {COLUMN_LABELS[column]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {candidates.map((candidate) => (
                  <tr key={candidate}>
                    <th scope="row">{candidate}</th>
                    {COLUMNS.map((column) => {
                      const index = indexOf(candidate, column);
                      const state = fields[index];
                      if (index < 0 || !state) return <td key={column} />;
                      return (
                        <td
                          key={column}
                          className="foreign-field"
                          data-checked={state.checked ? 'true' : 'false'}
                          style={{ whiteSpace: 'nowrap' }}
                        >
                          <input
                            ref={(element) => {
                              inputs.current[index] = element;
                            }}
                            className="input count"
                            style={{ width: '6em' }}
                            inputMode="numeric"
                            aria-label={`${candidate}, ${COLUMN_LABELS[column].toLowerCase()}`}
                            aria-describedby={state.checked ? undefined : 'foreign-unchecked'}
                            value={state.text}
                            onFocus={(event) => {
                              setFocused(index);
                              event.target.select();
                            }}
                            onChange={(event) =>
                              update(index, { text: event.target.value.trim(), tokenIndex: null, checked: true })
                            }
                            onKeyDown={onFieldKey(index)}
                          />
                          <span
                            className="foreign-check"
                            aria-hidden="true"
                            style={{ marginLeft: '6px', fontWeight: 700, color: state.checked ? '#15803d' : '#b45309' }}
                          >
                            {state.checked ? '✓' : '?'}
                          </span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p id="foreign-unchecked" className="hint">
            A value marked ? is a suggestion not yet checked: press Enter on it once it matches the paper.
          </p>
          {problem ? (
            <Notice kind="error" role="alert">
              {problem}
            </Notice>
          ) : null}
          <div className="form-actions">
            <span className="muted" role="status">
              {waiting === 0
                ? precinct === ''
                  ? 'Choose the precinct to confirm.'
                  : 'Every value is checked.'
                : `${waiting} of ${fields.length} values still to check.`}
            </span>
            <button
              ref={confirmButton}
              type="button"
              className="button primary"
              disabled={!ready || confirm.isPending}
              onClick={submit}
            >
              Confirm the mapped sheet
            </button>
          </div>
        </Card>
        {page.foreign && page.foreign.lines.length > 0 ? (
          <details className="foreign-lines">
            <summary>What was read on the sheet ({page.foreign.lines.length} lines)</summary>
            <pre>{page.foreign.lines.map((line) => line.text).join('\n')}</pre>
          </details>
        ) : null}
      </div>
      <aside className="scan-review-side" aria-label="The picture with the numbers found">
        <Card title="The picture">
          {pageUrl && picture ? (
            <div className="scan-page foreign-page" style={{ aspectRatio: `${picture.width} / ${picture.height}` }}>
              <img src={pageUrl} alt={`${scan.fileName}, page ${page.pageNumber}`} />
              {tokens.map((token) => (
                <button
                  key={token.index}
                  type="button"
                  tabIndex={-1}
                  className={`foreign-box${token.index === highlighted ? ' active' : ''}`}
                  aria-label={`Use ${token.value} (number ${token.index + 1} on the picture)`}
                  title={`${token.value} — read as “${token.text}”, ${Math.round(token.confidence * 100)}% sure`}
                  // Keep focus in the field being edited: the click fills it.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => takeBox(token)}
                  style={{
                    ...BOX_STYLE,
                    background: token.index === highlighted ? 'rgba(37, 99, 235, 0.3)' : 'rgba(37, 99, 235, 0.06)',
                    left: `calc(${(token.box.x / picture.width) * 100}% - 4px)`,
                    top: `calc(${(token.box.y / picture.height) * 100}% - 4px)`,
                    width: `calc(${(token.box.width / picture.width) * 100}% + 8px)`,
                    height: `calc(${(token.box.height / picture.height) * 100}% + 8px)`,
                  }}
                />
              ))}
            </div>
          ) : (
            <p className="muted">No picture of the page could be made.</p>
          )}
          <p className="hint">
            {tokens.length} numbers found. Click one to put it in the field you are on; the highlighted box is where the
            field’s value came from.
          </p>
        </Card>
      </aside>
    </div>
  );
}
