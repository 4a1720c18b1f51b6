/**
 * The fields of one scanned page, confirmed one by one from the keyboard, then the worksheet.
 * A field the reader is sure of (both engines agree, the sheet adds up) starts confirmed; every
 * other one waits for the person. Typing replaces a value (the field's text is selected on focus)
 * and makes it wait again until Enter. When the values need a coin toss (a tie in the delegate
 * allocation), the person records who won from the worksheet's coin-toss line, and the report
 * carries the toss exactly as a keyed worksheet does.
 */
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiOutputs } from '../../../electron/core/api/types';
import { errorMessage } from '../api/client';
import { useConfirmScanReading, useOverview } from '../api/hooks';
import type { CoinToss } from '../api/types';
import { useWorksheetEvaluation } from '../api/worksheet-hooks';
import { formatCount } from '../format';
import { useSessionToken } from '../session';
import { CoinTossPanel, pendingTieOf, RecordedCoinTosses, tossesToSubmit } from './CoinTosses';
import { ScanCrop } from './ScanCrop';
import { reviewReasonText } from './ScanProblems';
import { ConfirmScanDialog } from './scan/ConfirmScanDialog';
import { COLUMN_LABELS, type FieldState, isCount, linesOf, type PageView, type ScanView } from './scan/scan-fields';
import { Card, Kbd } from './ui';
import { useCtrlEnter } from './useCtrlEnter';
import './ScanFields.css';

/** What confirming a page made: the report, and the precinct's status with it. */
export interface ConfirmedPage {
  readonly reportId: number;
  readonly precinct: string;
  readonly status: ApiOutputs['confirmScanReading']['status'];
}

export function ScanFields({
  scan,
  page,
  pageUrl,
  onFocusField,
  onConfirmed,
}: {
  scan: ScanView;
  page: PageView;
  pageUrl: string | null;
  onFocusField(index: number | null): void;
  onConfirmed(confirmed: ConfirmedPage): void;
}) {
  const session = useSessionToken();
  const overview = useOverview();
  const confirm = useConfirmScanReading();
  const [fields, setFields] = useState<FieldState[]>(() =>
    page.fields.map((field) => ({
      text: field.value === null ? '' : String(field.value),
      confirmed: !field.needsReview,
    })),
  );
  const [problem, setProblem] = useState<{ index: number | null; text: string } | null>(null);
  const [precinct, setPrecinct] = useState(page.precinct ?? page.expectedPrecinct ?? '');
  const [overrideReason, setOverrideReason] = useState('');
  const [coinTosses, setCoinTosses] = useState<CoinToss[]>([]);
  const lines = useMemo(() => linesOf(page, fields), [page, fields]);
  // The rules' live check of the values as they stand; nothing shown while a check fails.
  const live = useWorksheetEvaluation(precinct, lines, coinTosses);
  const evaluation = live.error ? null : live.evaluation;
  const pendingTie = pendingTieOf(evaluation);
  // Once every value is checked, focus goes to the coin toss the rules wait for, if any, else to confirming.
  const [tossFocus, setTossFocus] = useState(false);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // Shift+Enter on the confirm button goes back to the field just confirmed (a slip noticed at once).
  const lastConfirmed = useRef<number | null>(null);
  const [focusConfirm, setFocusConfirm] = useState(false);
  /** The last look before filing: every value beside its crop (ConfirmScanDialog). */
  const [reviewing, setReviewing] = useState(false);
  useEffect(() => {
    if (!focusConfirm) return;
    setFocusConfirm(false);
    if (pendingTie) setTossFocus(true);
    else confirmButton.current?.focus();
  }, [focusConfirm, pendingTie]);
  useEffect(() => {
    if (!tossFocus || pendingTie) return;
    // The last toss recorded: the allocation is decided, confirming is next.
    setTossFocus(false);
    confirmButton.current?.focus();
  }, [tossFocus, pendingTie]);

  const precincts = overview.data?.precincts ?? [];
  const qrDiffers = page.precinct !== null && precinct !== '' && precinct !== page.precinct;
  const waiting = fields.filter((field) => !field.confirmed).length;
  const ready = waiting === 0 && precinct !== '' && (!qrDiffers || overrideReason.trim().length >= 3);

  // Focus starts at the first field needing review (or the first field when the reader was sure of all).
  useEffect(() => {
    const first = page.fields.findIndex((field) => field.needsReview);
    inputs.current[Math.max(first, 0)]?.focus();
  }, [page.fields]);

  const focusField = (index: number) => {
    const input = inputs.current[index];
    if (input) input.focus();
  };

  const update = (index: number, next: Partial<FieldState>) =>
    setFields((current) => current.map((field, at) => (at === index ? { ...field, ...next } : field)));

  const confirmField = (index: number) => {
    const field = fields[index];
    if (!field) return;
    if (!isCount(field.text)) {
      setProblem({ index, text: 'Type the whole number the paper shows (0 when the boxes are empty).' });
      return;
    }
    setProblem(null);
    lastConfirmed.current = index;
    const after = fields.map((entry, at) => (at === index ? { ...entry, confirmed: true } : entry));
    setFields(after);
    const next = [...after.keys()]
      .map((offset) => (index + 1 + offset) % after.length)
      .find((at) => !after[at]?.confirmed);
    // The button is enabled only once this confirmation renders: focus it then.
    if (next === undefined) setFocusConfirm(true);
    else focusField(next);
  };

  /** Ctrl+Enter or the button: never files at once, but shows every value beside the paper to confirm. */
  const submit = () => {
    if (!ready || confirm.isPending || reviewing) return;
    setReviewing(true);
  };

  const file = () => {
    if (!ready || confirm.isPending) return;
    // mutateAsync, not mutate's callbacks: once confirmed, the page shows as confirmed and this list
    // unmounts, and a per-call onSuccess would then never run.
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
          value: Number(fields[index]?.text ?? ''),
        })),
        // As the keyed worksheet sends them: the tosses the allocation used.
        coinTosses: tossesToSubmit(evaluation, coinTosses),
        ...(qrDiffers ? { precinctOverrideReason: overrideReason.trim() } : {}),
      })
      .then(
        (value) => onConfirmed({ reportId: value.reportId, precinct: value.precinct, status: value.status }),
        (error: unknown) => {
          setReviewing(false);
          setProblem({ index: null, text: errorMessage(error) });
        },
      );
  };

  // Ctrl+Enter from anywhere on the screen opens the last look, as it saves a keyed worksheet.
  useCtrlEnter(submit);

  const onFieldKey = (index: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    if (event.shiftKey) focusField(Math.max(0, index - 1));
    else confirmField(index);
  };

  const nameOf = useMemo(() => new Map(precincts.map((row) => [row.code, row.name])), [precincts]);

  return (
    <Card
      title="Check every value against the paper"
      actions={
        <span className="scan-keys muted">
          <Kbd>Enter</Kbd> confirm and next · <Kbd>Shift+Enter</Kbd> back · <Kbd>Ctrl+Enter</Kbd> last look, then
          confirm
        </span>
      }
    >
      <div className="table-wrap">
        <table className="data-table scan-fields" aria-label="Values read">
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Field</th>
              <th scope="col">On the paper</th>
              <th scope="col">Value</th>
              <th scope="col">Check</th>
            </tr>
          </thead>
          <tbody>
            {page.fields.map((field, index) => {
              const state = fields[index] ?? { text: '', confirmed: false };
              const label = `${field.candidate}, ${COLUMN_LABELS[field.column].toLowerCase()}`;
              const edited = state.text !== (field.value === null ? '' : String(field.value));
              return (
                <tr
                  key={`${field.candidate}:${field.column}`}
                  className={field.needsReview ? 'scan-field needs-review' : 'scan-field'}
                  data-confirmed={state.confirmed ? 'true' : 'false'}
                  data-testid={`scan-field-${field.candidate}-${field.column}`}
                >
                  <th scope="row">{field.candidate}</th>
                  <td>{COLUMN_LABELS[field.column]}</td>
                  <td>
                    <ScanCrop pageUrl={pageUrl} page={page.page} box={field.box} label={`${label} on the paper`} />
                  </td>
                  <td>
                    <input
                      ref={(element) => {
                        inputs.current[index] = element;
                      }}
                      className="scan-value"
                      aria-label={label}
                      inputMode="numeric"
                      autoComplete="off"
                      value={state.text}
                      aria-invalid={problem?.index === index ? true : undefined}
                      onFocus={(event) => {
                        event.target.select();
                        onFocusField(index);
                        setTossFocus(false);
                      }}
                      onBlur={() => onFocusField(null)}
                      onChange={(event) => {
                        update(index, { text: event.target.value.replace(/[^\d]/g, ''), confirmed: false });
                        if (problem?.index === index) setProblem(null);
                      }}
                      onKeyDown={onFieldKey(index)}
                    />
                  </td>
                  <td className="scan-field-check">
                    {state.confirmed ? (
                      <span className="scan-ok">
                        ✓{' '}
                        {edited
                          ? `Corrected (read ${formatCount(field.value)})`
                          : field.needsReview
                            ? 'Checked'
                            : 'Sure'}
                      </span>
                    ) : (
                      <span className="scan-check">
                        {edited
                          ? `Changed from ${formatCount(field.value)}: Enter to confirm`
                          : reviewReasonText(field.reasons, field.engines)}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="scan-precinct-choice">
        <label className="field">
          <span className="field-label">Precinct</span>
          <select
            aria-label="Precinct"
            value={precinct}
            onChange={(event) => {
              setPrecinct(event.target.value);
              // Another precinct has other delegates: its ties, if any, are not these.
              setCoinTosses([]);
            }}
          >
            <option value="">Choose the precinct…</option>
            {precincts.map((row) => (
              <option key={row.code} value={row.code}>
                {row.code} · {row.name}
              </option>
            ))}
          </select>
        </label>
        {qrDiffers ? (
          <label className="field grow">
            <span className="field-label">
              Why precinct {precinct} ({nameOf.get(precinct) ?? ''}) and not {page.precinct}, which the QR code names?
            </span>
            <textarea
              aria-label="Why another precinct than the QR code’s"
              rows={2}
              maxLength={2000}
              value={overrideReason}
              onChange={(event) => setOverrideReason(event.target.value)}
            />
          </label>
        ) : null}
      </div>
      {pendingTie ? (
        <CoinTossPanel
          tie={pendingTie}
          source="the paper"
          autoFocus={tossFocus}
          onRecord={(winners) => {
            setCoinTosses((current) => [...current, { tied: [...pendingTie.tied], winners }]);
            setTossFocus(true);
          }}
        />
      ) : null}
      <RecordedCoinTosses tosses={coinTosses} onUndo={setCoinTosses} />
      {problem ? (
        <p className="field-message error" role="alert">
          {problem.text}
        </p>
      ) : null}
      <div className="form-actions">
        <span className="muted" data-testid="scan-progress">
          {waiting === 0
            ? 'Every value is confirmed.'
            : `${waiting} of ${fields.length} value${fields.length === 1 ? '' : 's'} still to confirm.`}
        </span>
        {pendingTie ? (
          <span className="warning-text" data-testid="scan-toss-pending">
            The coin toss is not recorded yet. You can still confirm what the worksheet says.
          </span>
        ) : null}
        <button
          ref={confirmButton}
          type="button"
          className="button primary"
          disabled={!ready || confirm.isPending}
          onClick={submit}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || !event.shiftKey) return;
            // Not a click: Shift+Enter means back, everywhere on this list.
            event.preventDefault();
            focusField(lastConfirmed.current ?? page.fields.length - 1);
          }}
        >
          {confirm.isPending ? 'Confirming…' : 'Confirm worksheet…'} <Kbd>Ctrl+Enter</Kbd>
        </button>
      </div>
      {reviewing ? (
        <ConfirmScanDialog
          page={page}
          pageUrl={pageUrl}
          values={fields.map((field) => field.text.trim())}
          precinct={precinct}
          precinctName={nameOf.get(precinct) ?? ''}
          coinTosses={tossesToSubmit(evaluation, coinTosses)}
          confirming={confirm.isPending}
          onConfirm={file}
          onBack={() => setReviewing(false)}
        />
      ) : null}
    </Card>
  );
}
