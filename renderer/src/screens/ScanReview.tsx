/**
 * Scan review (docs/OCR.md): a person confirms every value read from a scanned worksheet before any of
 * it enters the results. Before reading, the person may say which precinct the sheet should be
 * (the envelope, the sender); the QR code still decides, and a sheet of another precinct is
 * flagged at the top of the page, naming both. Each field's crop sits beside the value read;
 * fields the reader was not sure of are highlighted with the reasons. Keyboard-first: focus starts at the first field needing
 * review, Enter confirms and moves on, typing replaces the value, Shift+Enter goes back, Ctrl+Enter
 * confirms the worksheet once every field is confirmed.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiCallError } from '../api/client';
import { useOverview, useReadScan, useRejectScan, useScanReading } from '../api/hooks';
import { ScanCrop, ScanPageView, useObjectUrl } from '../components/ScanCrop';
import { type ConfirmedPage as Confirmed, ScanFields } from '../components/ScanFields';
import { isScanProblemCode, ScanProblems } from '../components/ScanProblems';
import { pageTurnWords } from '../components/scan/page-turn-words';
import { Card, EmptyState, ErrorNotice, Loading, Notice, PageHeader, StatusBadge } from '../components/ui';
import { formatCount, formatTime } from '../format';
import { useSession, useSessionToken } from '../session';
import { ForeignScanMapping, ReadAsTableOffer } from './ForeignScanMapping';
import './ScanReview.css';

type ScanView = NonNullable<ReturnType<typeof useScanReading>['data']>;
type PageView = ScanView['pages'][number];

const COLUMN_LABELS = { first: 'First alignment', final: 'Final alignment', delegates: 'Delegates awarded' } as const;

export function ScanReview() {
  const { route, navigate } = useSession();
  const session = useSessionToken();
  const scanId = route.scanId ?? null;
  const scan = useScanReading(scanId);
  const read = useReadScan();
  const [pageIndex, setPageIndex] = useState(0);
  const [confirmed, setConfirmed] = useState<Confirmed | null>(null);
  // Reading again asks the same question as the first read: which precinct the sheet should be.
  const [askAgain, setAskAgain] = useState(false);
  const readAs = (expectedPrecinct: string | null) => {
    if (scanId === null) return;
    setAskAgain(false);
    read.mutate({ session, scanId, ...(expectedPrecinct ? { expectedPrecinct } : {}) });
  };

  const back = (
    <button type="button" className="button ghost" onClick={() => navigate({ screen: 'review' })}>
      Back to the scan queue
    </button>
  );
  if (scanId === null) {
    return (
      <div className="screen scan-review-screen">
        <PageHeader title="Review a scan" actions={back} />
        <EmptyState title="No scan chosen">
          <p>Choose a scan to read from the scan queue on the Review screen.</p>
        </EmptyState>
      </div>
    );
  }
  if (scan.isPending) return <Loading label="Loading the scan…" />;
  if (scan.isError) return <ErrorNotice error={scan.error} title="The scan could not be loaded." />;

  const view = scan.data;
  const page = view.pages[Math.min(pageIndex, view.pages.length - 1)] ?? null;
  const canRead = view.status !== 'confirmed' && view.status !== 'rejected';
  return (
    <div className="screen scan-review-screen">
      <PageHeader
        title={`Review scan · ${view.fileName}`}
        subtitle="Nothing read from a scan enters the results until you have checked every value against its crop and confirmed the worksheet."
        actions={
          <>
            {canRead && !read.isPending && view.pages.length > 0 && !askAgain ? (
              <button type="button" className="button" onClick={() => setAskAgain(true)}>
                Read again…
              </button>
            ) : null}
            {back}
          </>
        }
      />
      {confirmed ? (
        <Notice kind="success" role="status">
          Confirmed as report #{confirmed.reportId} of precinct <strong>{confirmed.precinct}</strong>, which is now{' '}
          <StatusBadge status={confirmed.status} />{' '}
          <button
            type="button"
            className="button small"
            onClick={() => navigate({ screen: 'precincts', precinct: confirmed.precinct })}
          >
            Open precinct {confirmed.precinct}
          </button>{' '}
          <button type="button" className="button small primary" onClick={() => navigate({ screen: 'review' })}>
            Next scan
          </button>
        </Notice>
      ) : null}
      {read.isPending ? <ReadingProgress fileName={view.fileName} /> : null}
      {canRead && !read.isPending && !read.isError && (view.pages.length === 0 || askAgain) ? (
        <ReadScanForm
          fileName={view.fileName}
          again={view.pages.length > 0}
          initialPrecinct={view.pages[0]?.expectedPrecinct ?? null}
          onRead={readAs}
          onCancel={view.pages.length > 0 ? () => setAskAgain(false) : null}
        />
      ) : null}
      {read.isError ? (
        <Card>
          {read.error instanceof ApiCallError && isScanProblemCode(read.error.code) ? (
            <ScanProblems problems={[{ code: read.error.code, message: read.error.message }]} />
          ) : (
            <ErrorNotice error={read.error} title="The scan could not be read." />
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={() => readAs(read.variables?.expectedPrecinct ?? null)}>
              Try again
            </button>
          </div>
        </Card>
      ) : null}
      {view.rejection ? (
        <Notice kind="warning" role="status">
          Set aside as unreadable by <strong>{view.rejection.operator}</strong> ({formatTime(view.rejection.rejectedAt)}
          ): “{view.rejection.reason}”. Nothing from it is in the results; the file stays stored as received.
        </Notice>
      ) : null}
      {view.pages.length > 1 ? (
        <div className="scan-page-tabs" role="tablist" aria-label="Pages">
          {view.pages.map((entry, index) => (
            <button
              key={entry.readingId}
              type="button"
              role="tab"
              aria-selected={entry === page}
              className={`button small${entry === page ? ' primary' : ''}`}
              onClick={() => setPageIndex(index)}
            >
              Page {entry.pageNumber}
              {entry.confirmation ? ' ✓' : ''}
            </button>
          ))}
        </div>
      ) : null}
      {page && !read.isPending && !askAgain ? (
        page.confirmation ? (
          <ConfirmedPage key={page.readingId} scan={view} page={page} />
        ) : page.kind === 'foreign' ? (
          // Not our worksheet, read as a table of numbers: the person maps every field (the full-page fallback, docs/OCR.md).
          <ForeignScanMapping key={page.readingId} scan={view} page={page} onConfirmed={setConfirmed} />
        ) : (
          <ScanPageReview
            key={page.readingId}
            scan={view}
            page={page}
            onConfirmed={(result) => {
              setConfirmed(result);
              const next = view.pages.findIndex((entry) => entry !== page && !entry.confirmation);
              if (next >= 0) setPageIndex(next);
            }}
          />
        )
      ) : null}
      {canRead && !read.isPending && !view.rejection ? <RejectScan scanId={scanId} /> : null}
    </div>
  );
}

/**
 * Before reading: which precinct should this sheet be? Optional, and only a check: the QR code on
 * the sheet decides, and a sheet of another precinct is flagged. Keyboard-first: the read button
 * has focus, so Enter reads; Shift+Tab reaches the precinct.
 */
function ReadScanForm({
  fileName,
  again,
  initialPrecinct,
  onRead,
  onCancel,
}: {
  fileName: string;
  again: boolean;
  initialPrecinct: string | null;
  onRead(expectedPrecinct: string | null): void;
  onCancel: (() => void) | null;
}) {
  const overview = useOverview();
  const [expected, setExpected] = useState(initialPrecinct ?? '');
  const readButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    readButton.current?.focus();
  }, []);
  return (
    <Card title={again ? `Read ${fileName} again` : `Read ${fileName}`}>
      <form
        className="scan-read-form"
        onSubmit={(event) => {
          event.preventDefault();
          onRead(expected === '' ? null : expected);
        }}
      >
        <label className="field">
          <span className="field-label">Which precinct should this sheet be?</span>
          <select value={expected} onChange={(event) => setExpected(event.target.value)}>
            <option value="">Not said: the QR code decides</option>
            {(overview.data?.precincts ?? []).map((row) => (
              <option key={row.code} value={row.code}>
                {row.code} · {row.name}
              </option>
            ))}
          </select>
          <span className="hint">
            Optional: from the envelope, the sender or the file name. The QR code printed on the sheet decides which
            precinct it is; if it names another one, you will be told before anything is confirmed.
          </span>
        </label>
        <div className="form-actions">
          {onCancel ? (
            <button type="button" className="button ghost" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
          <button ref={readButton} type="submit" className="button primary">
            {again ? 'Read the scan again' : 'Read the scan'}
          </button>
        </div>
      </form>
    </Card>
  );
}

/** OCR takes a couple of seconds: say what is happening and show that it is. */
function ReadingProgress({ fileName }: { fileName: string }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setSeconds((value) => value + 1), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <Card>
      <div className="scan-reading-progress" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        <div>
          <strong>Reading {fileName}…</strong>
          <p className="muted">
            Finding the QR code and corner marks, straightening the page, then reading every box twice. This takes a few
            seconds{seconds > 0 ? ` (${seconds} s so far)` : ''}.
          </p>
          <div className="scan-progress-bar" aria-hidden="true">
            <span className="scan-progress-fill" />
          </div>
        </div>
      </div>
    </Card>
  );
}

function ScanPageReview({
  scan,
  page,
  onConfirmed,
}: {
  scan: ScanView;
  page: PageView;
  onConfirmed(confirmed: Confirmed): void;
}) {
  const pageUrl = useObjectUrl(page.page?.pngBase64);
  const [focused, setFocused] = useState<number | null>(null);
  const focusBox = focused !== null ? (page.fields[focused]?.box ?? null) : null;
  return (
    <div className="scan-review-layout">
      <div className="scan-review-main">
        <PrecinctMismatch page={page} />
        <Card title={`Page ${page.pageNumber}: precinct ${page.precinct ?? 'unknown'}`}>
          <PrecinctFromQr page={page} />
          <ScanProblems problems={page.problems} />
        </Card>
        {page.fields.length > 0 ? (
          <ScanFields scan={scan} page={page} pageUrl={pageUrl} onFocusField={setFocused} onConfirmed={onConfirmed} />
        ) : (
          <>
            <Notice kind="info">
              No values could be read from this page. Set the scan aside as unreadable below, and key the worksheet in
              from the paper.
            </Notice>
            {page.problems.some((problem) => problem.code === 'NO_WORKSHEET_FOUND') ? (
              <ReadAsTableOffer scanId={scan.scanId} />
            ) : null}
          </>
        )}
      </div>
      <aside className="scan-review-side" aria-label="The page as read">
        <Card title="The page as read">
          <ScanPageView
            pageUrl={pageUrl}
            page={page.page}
            highlight={focusBox}
            label={`Page ${page.pageNumber} of ${scan.fileName}, straightened`}
          />
          <p className="hint">
            Read by {page.readBy} · {formatTime(page.readAt)} · {pageTurnWords(page.rotationDegrees)} ·{' '}
            {(page.elapsedMs / 1000).toFixed(1)} s
          </p>
        </Card>
      </aside>
    </div>
  );
}

/**
 * The sheet is not the precinct the person said: the first thing on the page, in words, with both
 * precincts named. The QR code decides; the numbers go to the precinct it names unless the person
 * chooses another below and says why.
 */
function PrecinctMismatch({ page }: { page: PageView }) {
  const overview = useOverview();
  const qr = page.precinct;
  const expected = page.expectedPrecinct;
  if (qr === null || expected === null || qr === expected) return null;
  const named = (code: string) => {
    const name = overview.data?.precincts.find((row) => row.code === code)?.name;
    return name ? `${code} · ${name}` : code;
  };
  return (
    <div className="notice notice-error scan-precinct-mismatch" role="alert" data-testid="scan-precinct-mismatch">
      <strong className="scan-mismatch-title">
        This sheet is precinct {named(qr)}, not {named(expected)} as you said.
      </strong>
      <p>
        Its QR code says so, and the QR code decides: confirming files these numbers under precinct{' '}
        <strong>{qr}</strong>, not {expected}. Check the paper: if it is {qr}’s worksheet, go on; find {expected}’s
        worksheet separately. Only if this paper really is {expected}’s, choose {expected} below and give the reason.
      </p>
    </div>
  );
}

function PrecinctFromQr({ page }: { page: PageView }) {
  const overview = useOverview();
  const name = overview.data?.precincts.find((row) => row.code === page.precinct)?.name;
  if (page.precinct === null) {
    return (
      <p className="scan-qr scan-qr-missing" data-testid="scan-qr">
        No QR code could be read on this page: choose the precinct from the paper below.
      </p>
    );
  }
  return (
    <p className="scan-qr" data-testid="scan-qr">
      <span className="field-label">The QR code says</span>{' '}
      <strong className="scan-qr-precinct">
        {page.precinct}
        {name ? ` · ${name}` : ''}
      </strong>
      {page.expectedPrecinct && page.expectedPrecinct !== page.precinct ? (
        <span className="tag warn">you said {page.expectedPrecinct}</span>
      ) : page.expectedPrecinct ? (
        <span className="tag muted">as you said</span>
      ) : null}
    </p>
  );
}

/** A page already confirmed: what was confirmed, by whom, and what the person changed. */
function ConfirmedPage({ scan, page }: { scan: ScanView; page: PageView }) {
  const { navigate } = useSession();
  const pageUrl = useObjectUrl(page.page?.pngBase64);
  const confirmation = page.confirmation;
  if (!confirmation) return null;
  const changed = confirmation.fields.filter((field) => field.changed);
  return (
    <Card
      title={`Page ${page.pageNumber}: confirmed`}
      actions={
        <button
          type="button"
          className="button small"
          onClick={() => navigate({ screen: 'precincts', precinct: confirmation.precinct })}
        >
          Open precinct {confirmation.precinct}
        </button>
      }
    >
      <Notice kind="success" role="status">
        Confirmed by <strong>{confirmation.operator}</strong> ({formatTime(confirmation.confirmedAt)}) as report #
        {confirmation.reportId} of precinct <strong>{confirmation.precinct}</strong>
        {confirmation.overrideReason
          ? `, not the QR’s ${confirmation.qrPrecinct}: “${confirmation.overrideReason}”`
          : ''}
        . {changed.length === 0 ? 'Every value was as read.' : `${changed.length} of the values read were corrected.`}
      </Notice>
      <div className="table-wrap">
        <table className="data-table scan-confirmed-table" aria-label="Confirmed values">
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Field</th>
              <th scope="col">On the paper</th>
              <th scope="col" className="num">
                Read
              </th>
              <th scope="col" className="num">
                Confirmed
              </th>
            </tr>
          </thead>
          <tbody>
            {confirmation.fields.map((field) => {
              const box = page.fields.find(
                (entry) => entry.candidate === field.candidate && entry.column === field.column,
              )?.box;
              return (
                <tr key={`${field.candidate}:${field.column}`} data-changed={field.changed ? 'true' : undefined}>
                  <th scope="row">{field.candidate}</th>
                  <td>{COLUMN_LABELS[field.column]}</td>
                  <td>
                    {box ? (
                      <ScanCrop
                        pageUrl={pageUrl}
                        page={page.page}
                        box={box}
                        label={`${field.candidate}, ${COLUMN_LABELS[field.column].toLowerCase()} on the paper`}
                      />
                    ) : null}
                  </td>
                  <td className="num">{formatCount(field.readValue)}</td>
                  <td className={`num${field.changed ? ' differs' : ''}`}>{formatCount(field.value)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="hint">The scan {scan.fileName} is stored with the report as its evidence.</p>
    </Card>
  );
}

/** An unreadable photo is set aside with a reason: nothing enters the results, the file stays stored. */
function RejectScan({ scanId }: { scanId: number }) {
  const session = useSessionToken();
  const reject = useRejectScan();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <div className="scan-reject">
        <button type="button" className="button ghost" onClick={() => setOpen(true)}>
          Set aside as unreadable…
        </button>
      </div>
    );
  }
  return (
    <Card title="Set aside as unreadable">
      <form
        className="scan-reject-form"
        onSubmit={(event) => {
          event.preventDefault();
          reject.mutate({ session, scanId, reason: reason.trim() });
        }}
      >
        <label className="field">
          <span className="field-label">Why</span>
          <textarea
            rows={2}
            maxLength={2000}
            value={reason}
            placeholder="e.g. Photo too dark to read; asked the precinct chair to send it again."
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        <ErrorNotice error={reject.error} />
        <div className="form-actions">
          <span className="muted">Nothing from it enters the results. The file stays stored as received.</span>
          <button type="button" className="button ghost" onClick={() => setOpen(false)}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={reject.isPending || reason.trim().length < 3}>
            Set aside
          </button>
        </div>
      </form>
    </Card>
  );
}
