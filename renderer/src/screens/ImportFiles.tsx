/**
 * Import files (docs/INTAKE.md): reports from USB sticks, files precinct chairs sent, saved emails (.eml).
 * Files are dropped or chosen (one by one, or a whole folder laid out like a drive), read here as
 * bytes and sent a few at a time, so the progress bar is real; the API stages, hashes, parses and
 * stores each file exactly as `tallyroom import` does and says what happened to each.
 */
import { type DragEvent, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { useImportFiles, useInvalidateAfterImport } from '../api/hooks';
import { type DriveView, useImportFromDrive, useInvalidateAfterIntake } from '../api/settings-hooks';
import type { ReportSource } from '../api/types';
import { useAnnounceWhenChanged } from '../components/Announcer';
import { DriveInboxes } from '../components/DriveInboxes';
import { fileToBase64 } from '../components/file-bytes';
import { FileProblemList } from '../components/import/FileProblemList';
import { ImportSummary } from '../components/import/ImportSummary';
import { Total } from '../components/import/ImportTotal';
import {
  ACCEPT,
  batches,
  DRIVE_BATCH_FILES,
  describeRow,
  droppedFiles,
  type FileRow,
  importOutcomeWords,
  MAX_FILE_BYTES,
  MAX_FILES,
  OUTCOME_LABELS,
  type Picked,
  problemsOf,
  SOURCES,
  type Totals,
} from '../components/import/import-files';
import { MailboxLine } from '../components/import/MailboxLine';
import { Card, Notice, PageHeader } from '../components/ui';
import { formatCount, plural } from '../format';
import { useSession, useSessionToken } from '../session';
import './ImportFiles.css';

export function ImportFiles() {
  const { navigate } = useSession();
  const session = useSessionToken();
  const importFiles = useImportFiles();
  const invalidate = useInvalidateAfterImport();
  const [source, setSource] = useState<ReportSource>('usb');
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; current: string } | null>(null);
  const [rows, setRows] = useState<readonly FileRow[]>([]);
  const [totals, setTotals] = useState<Totals | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const importFromDrive = useImportFromDrive();
  const invalidateIntake = useInvalidateAfterIntake();
  useAnnounceWhenChanged(!busy && totals && rows.length > 0 ? importOutcomeWords(rows.length, totals) : null);

  /** A drive's files straight from the drive: a few per call, so the progress bar is real. */
  async function runDrive(drive: DriveView, paths: readonly string[]) {
    if (busy || paths.length === 0) return;
    setBusy(true);
    setFailure(null);
    const results: FileRow[] = [];
    const sum: Totals = { imported: 0, duplicates: 0, conflicts: 0, rejected: 0, pendingReview: 0 };
    setRows([]);
    setTotals(sum);
    const prefix = `${drive.inbox.drive.mountPath.replace(/[\\/]+$/, '')}/`;
    const shown = (path: string) =>
      `${drive.inbox.drive.label}/${path.startsWith(prefix) ? path.slice(prefix.length) : path}`;
    let done = 0;
    setProgress({ done: 0, total: paths.length, current: shown(paths[0] ?? '') });
    try {
      for (let start = 0; start < paths.length; start += DRIVE_BATCH_FILES) {
        const batch = paths.slice(start, start + DRIVE_BATCH_FILES);
        setProgress({ done, total: paths.length, current: shown(batch[0] ?? '') });
        const value = await importFromDrive.mutateAsync({ session, driveId: drive.inbox.drive.id, paths: batch });
        for (const file of value.files) {
          results.push({
            path: shown(file.path),
            outcome: file.outcome,
            reports: file.summary.imported,
            message: file.message,
            problems: problemsOf(file.summary.rejected),
          });
        }
        sum.imported += value.imported;
        sum.duplicates += value.duplicates;
        sum.conflicts += value.conflicts;
        sum.rejected += value.rejected.length;
        sum.pendingReview += value.pendingReview;
        done += batch.length;
        setProgress({ done, total: paths.length, current: '' });
        setRows([...results]);
        setTotals({ ...sum });
      }
    } catch (error) {
      setFailure(
        `${errorMessage(error)} ${done > 0 ? `The ${plural(done, 'file')} before it were handled as shown; import again to finish — files already imported are recognised.` : ''}`,
      );
    } finally {
      setRows([...results]);
      setTotals({ ...sum });
      setBusy(false);
      void invalidateIntake();
    }
  }

  async function run(picked: readonly Picked[]) {
    if (busy || picked.length === 0) return;
    setBusy(true);
    setFailure(null);
    const results: FileRow[] = [];
    const sum: Totals = { imported: 0, duplicates: 0, conflicts: 0, rejected: 0, pendingReview: 0 };
    setRows([]);
    setTotals(sum);
    // In name order, as a drive is walked (`tallyroom import`), whatever order the browser gave.
    const ordered = [...picked].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const accepted = ordered.slice(0, MAX_FILES);
    for (const extra of ordered.slice(MAX_FILES)) {
      results.push({
        path: extra.path,
        outcome: 'rejected',
        reports: 0,
        message: `More than ${formatCount(MAX_FILES)} files in one import; this one was not read. Import the folders one at a time.`,
        problems: [],
      });
      sum.rejected++;
    }
    setProgress({ done: 0, total: accepted.length, current: accepted[0]?.path ?? '' });
    let done = 0;
    try {
      for (const batch of batches(accepted)) {
        setProgress({ done, total: accepted.length, current: batch[0]?.path ?? '' });
        const tooLarge = batch.filter((entry) => entry.file.size > MAX_FILE_BYTES);
        for (const entry of tooLarge) {
          results.push({
            path: entry.path,
            outcome: 'rejected',
            reports: 0,
            message: `${entry.file.name} is larger than 40 MB, far more than a precinct report, scan or email. Check that it is the right file. Nothing was imported.`,
            problems: [],
          });
          sum.rejected++;
        }
        const toSend = batch.filter((entry) => entry.file.size <= MAX_FILE_BYTES);
        if (toSend.length > 0) {
          const files = await Promise.all(
            toSend.map(async (entry) => ({ fileName: entry.path, contentBase64: await fileToBase64(entry.file) })),
          );
          const value = await importFiles.mutateAsync({ files, source, session });
          for (const file of value.files) {
            results.push({
              path: file.path,
              outcome: file.outcome,
              reports: file.summary.imported,
              message: file.message,
              problems: problemsOf(file.summary.rejected),
            });
          }
          sum.imported += value.imported;
          sum.duplicates += value.duplicates;
          sum.conflicts += value.conflicts;
          sum.rejected += value.rejected.length;
          sum.pendingReview += value.pendingReview;
        }
        done += batch.length;
        setProgress({ done, total: accepted.length, current: '' });
        setRows([...results]);
        setTotals({ ...sum });
      }
    } catch (error) {
      setFailure(
        `${errorMessage(error)} ${done > 0 ? `The ${plural(done, 'file')} before it were handled as shown; import again to finish — files already imported are recognised.` : ''}`,
      );
    } finally {
      setRows([...results]);
      setTotals({ ...sum });
      setBusy(false);
      void invalidate();
    }
  }

  async function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    const picked = await droppedFiles(event.dataTransfer);
    void run(picked);
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="screen import-screen">
      <PageHeader
        title="Import files"
        subtitle="Precinct reports from USB sticks, files precinct chairs sent, and saved emails (.eml). Each file is stored exactly as received; the same file twice changes nothing."
      />
      <MailboxLine />
      <DriveInboxes busy={busy} onImport={(drive, paths) => void runDrive(drive, paths)} />
      <Card>
        <section
          className={`import-drop${dragging ? ' dragging' : ''}${busy ? ' busy' : ''}`}
          data-testid="import-drop"
          aria-label="Drop files to import"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => void onDrop(event)}
        >
          <svg className="import-drop-icon" viewBox="0 0 48 48" aria-hidden="true">
            <path
              d="M24 8v22M15 21l9 9 9-9M9 30v6a4 4 0 0 0 4 4h22a4 4 0 0 0 4-4v-6"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.4"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          <div className="import-drop-text">
            <strong>Drop files or a whole drive’s folder here</strong>
            <span className="muted">
              CSV or XLSX results, precinct report JSON, emails (.eml), worksheet scans (PNG, JPEG, PDF), station
              batches (.tallyroom-batch)
            </span>
          </div>
          <div className="import-drop-actions">
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() => filesInput.current?.click()}
            >
              Choose files…
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => folderInput.current?.click()}>
              Choose a folder…
            </button>
          </div>
          <input
            ref={filesInput}
            className="visually-hidden"
            type="file"
            multiple
            accept={ACCEPT}
            aria-label="Files to import"
            tabIndex={-1}
            onChange={(event) => {
              const list = Array.from(event.target.files ?? []);
              event.target.value = '';
              void run(list.map((file) => ({ path: file.name, file })));
            }}
          />
          <input
            ref={(element) => {
              folderInput.current = element;
              // React does not know webkitdirectory; set it on the element itself.
              element?.setAttribute('webkitdirectory', '');
            }}
            className="visually-hidden"
            type="file"
            multiple
            aria-label="Folder to import"
            tabIndex={-1}
            onChange={(event) => {
              const list = Array.from(event.target.files ?? []);
              event.target.value = '';
              void run(list.map((file) => ({ path: file.webkitRelativePath || file.name, file })));
            }}
          />
        </section>
        <div className="import-options">
          <label className="field">
            <span className="field-label">Where these files came from</span>
            <select
              value={source}
              disabled={busy}
              onChange={(event) => setSource(event.target.value as ReportSource)}
              aria-label="Where these files came from"
            >
              {SOURCES.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
          <p className="hint">
            Emails are always recorded as email, with their sender. System files a computer leaves on a drive
            (.DS_Store, Thumbs.db, ._ files) are skipped.
          </p>
        </div>
      </Card>

      {progress ? (
        <div className={`progress-block import-progress${busy ? '' : ' done'}`} data-testid="import-progress">
          <div className="progress-text">
            <span>
              {busy ? 'Importing' : 'Read'}{' '}
              <strong data-testid="import-progress-count">
                {formatCount(progress.done)} of {plural(progress.total, 'file')}
              </strong>
              {busy && progress.current ? <span className="muted"> · {progress.current}</span> : null}
            </span>
            {busy ? <span className="progress-percent">{percent}%</span> : null}
          </div>
          <div
            className="progress-bar"
            role="progressbar"
            aria-label="Files read"
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
          >
            <span className="progress-segment import-progress-fill" style={{ width: `${percent}%` }} />
          </div>
        </div>
      ) : null}

      {failure ? (
        <Notice kind="error" role="alert">
          <strong>The import stopped.</strong> {failure}
        </Notice>
      ) : null}

      {totals && rows.length > 0 ? (
        <Card
          title="What happened to each file"
          actions={
            busy ? null : (
              <>
                {totals.pendingReview > 0 ? (
                  <button type="button" className="button" onClick={() => navigate({ screen: 'review' })}>
                    Review {plural(totals.pendingReview, 'held item')}
                  </button>
                ) : null}
                {totals.conflicts > 0 ? (
                  <button type="button" className="button" onClick={() => navigate({ screen: 'discrepancies' })}>
                    Open discrepancies
                  </button>
                ) : null}
                <button type="button" className="button primary" onClick={() => navigate({ screen: 'dashboard' })}>
                  Dashboard
                </button>
              </>
            )
          }
        >
          {busy ? null : <ImportSummary files={rows.length} totals={totals} />}
          <div className="import-totals" data-testid="import-totals">
            <Total label="Reports imported" value={totals.imported} kind="imported" />
            <Total label="Already imported" value={totals.duplicates} kind="duplicate" />
            <Total label="Conflicts" value={totals.conflicts} kind="conflict" />
            <Total label="Refused" value={totals.rejected} kind="rejected" />
            <Total label="Sent to review" value={totals.pendingReview} kind="pending-review" />
          </div>
          <div className="table-wrap">
            <table className="data-table import-results" aria-label="Import results">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Result</th>
                  <th scope="col">What happened</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.path} data-outcome={row.outcome}>
                    <th scope="row" className="import-path" title={row.path}>
                      {row.path}
                    </th>
                    <td>
                      <span className={`outcome-chip outcome-${row.outcome}`}>{OUTCOME_LABELS[row.outcome]}</span>
                    </td>
                    <td className="import-message">
                      {describeRow(row)}
                      <FileProblemList problems={row.problems} fileName={row.path} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
