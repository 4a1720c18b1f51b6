/**
 * Drives with report files (docs/INTAKE.md): when a USB stick with reports is plugged in, its files are
 * listed here by precinct before anything is imported, with one button to import them all.
 * Files already imported and files that would be refused are shown as such, not imported again.
 */

import { errorMessage } from '../api/client';
import { type DriveView, type InboxFile, useDriveInboxes, useEjectDrive } from '../api/settings-hooks';
import { formatCount, plural } from '../format';
import { useSessionToken } from '../session';
import { Card, Notice } from './ui';
import './DriveInboxes.css';

export function DriveInboxes({
  busy,
  onImport,
}: {
  busy: boolean;
  onImport: (drive: DriveView, paths: readonly string[]) => void;
}) {
  const session = useSessionToken();
  const drives = useDriveInboxes(session);
  const eject = useEjectDrive();
  if (!drives.data || drives.data.length === 0) return null;
  return (
    <>
      {drives.data.map((drive) => {
        const { inbox } = drive;
        const importable = importablePaths(drive);
        return (
          <Card
            key={inbox.drive.id}
            className="drive-card"
            title={`Drive ${inbox.drive.label}`}
            actions={
              <>
                <button
                  type="button"
                  className="button"
                  disabled={busy || eject.isPending}
                  onClick={() => eject.mutate({ driveId: inbox.drive.id, ...(session ? { session } : {}) })}
                >
                  Eject
                </button>
                <button
                  type="button"
                  className="button primary"
                  disabled={busy || importable.length === 0}
                  data-testid="drive-import-all"
                  onClick={() => onImport(drive, importable)}
                >
                  {importable.length === 0 ? 'Everything imported' : `Import ${plural(importable.length, 'file')}`}
                </button>
              </>
            }
          >
            <p className="drive-meta" data-testid="drive-summary">
              {inbox.drive.mountPath} · {plural(drive.waiting, 'file')} not imported yet
              {inbox.problems.length > 0 ? ` · ${plural(inbox.problems.length, 'file')} that would be refused` : ''}
            </p>
            {eject.error ? (
              <Notice kind="error" role="alert">
                {errorMessage(eject.error)}
              </Notice>
            ) : null}
            <div className="table-wrap">
              <table className="data-table drive-files" aria-label={`Files on ${inbox.drive.label}`}>
                <thead>
                  <tr>
                    <th scope="col">Precinct</th>
                    <th scope="col">File</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {inbox.byPrecinct.flatMap((group) =>
                    group.files.map((file) => (
                      <FileLine key={`${group.precinct}:${file.path}`} precinct={group.precinct} file={file} />
                    )),
                  )}
                  {inbox.scans.map((file) => (
                    <FileLine key={`scan:${file.path}`} precinct="Scan (read later)" file={file} />
                  ))}
                  {inbox.problems.map((file) => (
                    <FileLine key={`problem:${file.path}`} precinct="—" file={file} />
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        );
      })}
    </>
  );
}

function FileLine({ precinct, file }: { precinct: string; file: InboxFile }) {
  const status = file.problem
    ? file.problem.message
    : file.alreadyImported
      ? 'Already imported'
      : `Ready to import (${formatCount(Math.ceil(file.size / 1024))} KB)`;
  return (
    <tr className={file.alreadyImported ? 'drive-file-imported' : undefined}>
      <td>{precinct}</td>
      <th scope="row" className="import-path">
        {file.fileName}
      </th>
      <td className={file.problem ? 'text-error' : undefined}>{status}</td>
    </tr>
  );
}

/** Every file on the drive that would be imported and is not yet: each once, in the drive's order. */
function importablePaths(drive: DriveView): string[] {
  const paths = new Set<string>();
  const add = (file: InboxFile) => {
    if (!file.alreadyImported && file.problem === null) paths.add(file.path);
  };
  for (const group of drive.inbox.byPrecinct) group.files.forEach(add);
  drive.inbox.scans.forEach(add);
  return [...paths].sort();
}
