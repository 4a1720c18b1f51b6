/**
 * Scan review (docs/OCR.md): a person confirms every value read from a scanned worksheet before any of
 * it enters the results. Before reading, the person may say which precinct the sheet should be
 * (the envelope, the sender); the QR code still decides, and a sheet of another precinct is
 * flagged at the top of the page, naming both. Each field's crop sits beside the value read;
 * fields the reader was not sure of are highlighted with the reasons. Keyboard-first: focus starts at the first field needing
 * review, Enter confirms and moves on, typing replaces the value, Shift+Enter goes back, Ctrl+Enter
 * confirms the worksheet once every field is confirmed.
 */
import { useState } from 'react';
import { ApiCallError } from '../api/client';
import { useReadScan, useScanReading } from '../api/hooks';
import { ScanPageView, useObjectUrl } from '../components/ScanCrop';
import { type ConfirmedPage as Confirmed, ScanFields } from '../components/ScanFields';
import { isScanProblemCode, ScanProblems } from '../components/ScanProblems';
import { ConfirmedPage } from '../components/scan/ConfirmedPage';
import { pageTurnWords } from '../components/scan/page-turn-words';
import { ReadingProgress, ReadScanForm } from '../components/scan/ReadScanForm';
import { RejectScan } from '../components/scan/RejectScan';
import { PrecinctFromQr, PrecinctMismatch } from '../components/scan/ScanPrecinctChecks';
import type { PageView, ScanView } from '../components/scan/scan-types';
import { Card, EmptyState, ErrorNotice, Loading, Notice, PageHeader, StatusBadge } from '../components/ui';
import { formatTime } from '../format';
import { useSession, useSessionToken } from '../session';
import { ForeignScanMapping, ReadAsTableOffer } from './ForeignScanMapping';
import './ScanReview.css';

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
