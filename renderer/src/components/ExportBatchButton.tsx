/**
 * "Export entries to USB": with no network at all, the station saves its entries as one signed
 * batch file; the chair imports it on the hub like any other file (the signature is checked
 * against this station's key, and entries the hub already has are skipped).
 */
import { errorMessage } from '../api/client';
import { useExportStationBatch } from '../api/team-hooks';
import { plural } from '../format';
import { useSession } from '../session';
import { saveFile } from './file-bytes';
import './ExportBatchButton.css';

export function ExportBatchButton({ className = 'button' }: { className?: string }) {
  const { person } = useSession();
  const exportBatch = useExportStationBatch();
  const save = () =>
    exportBatch.mutate(person ? { session: person.session } : {}, {
      onSuccess: (file) => saveFile(file),
    });
  return (
    <span className="export-batch">
      <button type="button" className={className} disabled={exportBatch.isPending} onClick={save}>
        {exportBatch.isPending ? 'Exporting…' : 'Export entries to USB'}
      </button>
      {exportBatch.data ? (
        <span className="ok-text" role="status">
          {plural(exportBatch.data.entries, 'entry', 'entries')} in {exportBatch.data.fileName}: copy it to the stick
          and import it on the hub.
        </span>
      ) : null}
      {exportBatch.error ? (
        <span className="field-message error" role="alert">
          {errorMessage(exportBatch.error)}
        </span>
      ) : null}
    </span>
  );
}
