/**
 * Files added in the app (chosen, dropped or a folder): read the way a drive is read, in chunks and
 * capped, each a report file, an email or a scan, with a result per file for the screen.
 */
import type { ReportSource } from '../model/report';
import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { fileKindOf, isLitterFile, isLitterFolder, safeFileName } from './file-kind';
import { heldMailReason, type ImportedFileResult, type ImportFilesResult, messageOf, outcomeOf } from './file-result';
import { importEmail } from './import-email';
import { ingestFile, SUPPORTED_FORMATS } from './ingest-file';
import { addOutcome, addSummary, emptySummary } from './intake-summary';
import { INTAKE_LIMITS } from './limits';
import type { MediaReader } from './media-reader';
import { stageFile } from './stage-file';

export interface UploadedFile {
  readonly fileName: string;
  readonly contentBase64: string;
}

/** Uploaded bytes, read the way a drive is read (chunks, capped by stageFile). */
function memoryReader(files: ReadonlyMap<string, Uint8Array>): MediaReader {
  return {
    async *read(path: string) {
      const bytes = files.get(path);
      if (!bytes) throw Object.assign(new Error(`${path} was not uploaded`), { code: 'ENOENT' });
      const chunk = 64 * 1024;
      for (let start = 0; start < bytes.length; start += chunk) yield bytes.subarray(start, start + chunk);
    },
  };
}

function litterIn(path: string): boolean {
  const parts = path.split(/[\\/]/).filter((part) => part !== '');
  const name = parts.pop() ?? '';
  return isLitterFile(name) || parts.some(isLitterFolder);
}

export async function importUploadedFiles(
  store: CountyStore,
  input: { readonly files: readonly UploadedFile[]; readonly source: ReportSource; readonly operator: string },
  clock: () => Date,
): Promise<Result<ImportFilesResult, AppError>> {
  if (!store.getElection()) return appError('NO_COUNTY', 'Set up the county before importing files.');
  const total = emptySummary();
  const files: ImportedFileResult[] = [];
  for (const [index, upload] of input.files.entries()) {
    const path = upload.fileName;
    const fileName = safeFileName(path, `file-${index + 1}`);
    const summary = emptySummary();
    let message: string | null = null;
    let skipped = false;
    const depth = path.split(/[\\/]/).filter((part) => part !== '').length - 1;
    if (litterIn(path)) {
      skipped = true;
      message = `${fileName} is a file the computer's system leaves on drives, not a report; skipped.`;
    } else if (depth > INTAKE_LIMITS.maxFolderDepth) {
      summary.rejected.push({
        path,
        code: 'TOO_DEEP',
        message: `${fileName} is nested more than ${INTAKE_LIMITS.maxFolderDepth} folders deep; it was not imported.`,
      });
    } else if (fileKindOf(fileName) === 'unsupported') {
      summary.rejected.push({
        path,
        code: 'UNSUPPORTED_FORMAT',
        message: `${fileName} is not a kind of file Tallyroom imports (${SUPPORTED_FORMATS}). Nothing was imported.`,
      });
    } else {
      const bytes = Buffer.from(upload.contentBase64, 'base64');
      const reader = memoryReader(new Map([[path, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)]]));
      const staged = await stageFile(reader, path, fileName);
      if (!staged.ok) {
        summary.rejected.push({ path, code: staged.error.code, message: staged.error.message });
      } else if (fileKindOf(fileName) === 'email') {
        addSummary(
          summary,
          await importEmail(store, {
            raw: staged.value.bytes,
            origin: `file ${path} (added in the app)`,
            label: path,
            operator: input.operator,
            at: clock().toISOString(),
          }),
        );
        if (summary.pendingReview > 0) message = heldMailReason(store, staged.value.sha256);
      } else {
        addOutcome(
          summary,
          path,
          ingestFile(store, {
            fileName,
            bytes: staged.value.bytes,
            source: input.source,
            operator: input.operator,
            at: clock().toISOString(),
          }),
        );
      }
    }
    addSummary(total, summary);
    const outcome = outcomeOf(summary, skipped);
    files.push({ path, outcome, summary, message: messageOf(summary, outcome, message) });
  }
  return ok({ ...total, files });
}
