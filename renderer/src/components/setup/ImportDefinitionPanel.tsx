/** County setup from the county definition file (CSV/XLSX): read, with every problem listed by row and column. */
import { useState } from 'react';
import { ApiCallError } from '../../api/client';
import { usePreviewCountyDefinition } from '../../api/hooks';
import type { CountySetupInput, FileProblem } from '../../api/types';
import { fileToBase64 } from '../file-bytes';
import { Card, ErrorNotice, Notice } from '../ui';

function isFileProblems(details: unknown): details is FileProblem[] {
  return (
    Array.isArray(details) &&
    details.every((d) => d && typeof d === 'object' && 'row' in d && 'message' in d && typeof d.message === 'string')
  );
}

export function ImportDefinitionPanel({ onPreview }: { onPreview(setup: CountySetupInput, fileName: string): void }) {
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
