import { appError } from '../result';
import type { CountyStore } from '../store/county-store';
import { addedFileKind } from './added-file-kinds';
import { fileKindOf } from './file-kind';
import { type ImportRequest, importResultsFile } from './import-results-file';
import { type FileOutcome, rejected } from './intake-summary';
import { queueScan } from './queue-scan';

export const SUPPORTED_FORMATS = 'CSV, XLSX, precinct report JSON, EML, PNG, JPEG, PDF or a station batch';

/**
 * One file already read into memory (staged from a drive, or attached to an email) through
 * intake by its kind: results and precinct reports into reports, scans into the OCR queue.
 * Emails are not handled here (they hold files of their own; see import-email.ts).
 */
export function ingestFile(store: CountyStore, request: ImportRequest): FileOutcome {
  const kind = fileKindOf(request.fileName);
  switch (kind) {
    case 'results-table':
    case 'precinct-report': {
      const result = importResultsFile(store, request);
      if (!result.ok) return rejected(result.error);
      if (result.value.outcome === 'duplicate') return { kind: 'duplicate' };
      return { kind: 'imported', reports: result.value.reportIds.length, conflicts: result.value.conflicts.length };
    }
    case 'scan': {
      const result = queueScan(store, request);
      if (!result.ok) return rejected(result.error);
      return result.value.outcome === 'duplicate' ? { kind: 'duplicate' } : { kind: 'pending-review' };
    }
    case 'email':
      return rejected(
        appError(
          'NESTED_EMAIL',
          `${request.fileName} is an email inside an email; forward the original message instead. Nothing was imported.`,
        ).error,
      );
    default: {
      const added = addedFileKind(kind);
      if (added) return added.ingest(store, request);
      return rejected(
        appError(
          'UNSUPPORTED_FORMAT',
          `${request.fileName} is not a kind of file Tallyroom imports (${SUPPORTED_FORMATS}). Nothing was imported.`,
        ).error,
      );
    }
  }
}
