import { fileKindOf, isLitterFile, isLitterFolder, safeFileName } from '../../intake/file-kind';
import {
  heldMailReason,
  type ImportedFileResult,
  type ImportFilesResult,
  messageOf,
  outcomeOf,
} from '../../intake/file-result';
import { importEmail } from '../../intake/import-email';
import { ingestFile, SUPPORTED_FORMATS } from '../../intake/ingest-file';
import { addOutcome, addSummary, emptySummary } from '../../intake/intake-summary';
import { INTAKE_LIMITS } from '../../intake/limits';
import type { MediaReader } from '../../intake/media-reader';
import { acceptQuarantined, listQuarantine, rejectQuarantined } from '../../intake/quarantine';
import { stageFile } from '../../intake/stage-file';
import { parseMessage } from '../../mail/parse-message';
import { type AppError, appError, ok, type Result } from '../../result';
import type { CountyStore } from '../../store/county-store';
import { listScanQueue, mailMessageRaw, type QuarantineRecord, type ScanQueueEntry } from '../../store/intake-records';
import type { ReportSource } from '../contract';
import type { ApiMethodName } from '../methods';
import type { ApiParsedInput } from '../schemas';
import type { ApiOutputs } from '../types';
import { actorFor } from './operators';

export type { ImportedFileOutcome, ImportedFileResult, ImportFilesResult } from '../../intake/file-result';

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

export interface QuarantineAttachmentView {
  readonly fileName: string;
  readonly bytes: number;
}

/** A quarantined email (or one attachment of it) as the review screen shows it. */
export interface QuarantineView extends Omit<QuarantineRecord, 'attachmentSha256'> {
  readonly attachmentSha256: string | null;
  /** What it holds: the quarantined attachment, or every attachment of a quarantined email. */
  readonly attachments: readonly QuarantineAttachmentView[];
}

export async function quarantineViews(store: CountyStore, pendingOnly: boolean): Promise<readonly QuarantineView[]> {
  const views: QuarantineView[] = [];
  for (const item of listQuarantine(store, { pendingOnly })) {
    const raw = mailMessageRaw(store, item.mailMessageId);
    const parsed = raw ? await parseMessage(`quarantine item ${item.id}`, raw) : null;
    const attachments =
      parsed?.ok === true
        ? parsed.value.attachments
            .filter((attachment) => item.attachmentSha256 === null || attachment.sha256 === item.attachmentSha256)
            .map((attachment) => ({ fileName: attachment.fileName, bytes: attachment.bytes.length }))
        : [];
    views.push({ ...item, attachments });
  }
  return views;
}

export function scanQueue(store: CountyStore): readonly ScanQueueEntry[] {
  return listScanQueue(store);
}

type IntakeMethod = 'importFiles' | 'listQuarantine' | 'acceptQuarantined' | 'rejectQuarantined' | 'listScanQueue';

export type IntakeHandlers = {
  [M in IntakeMethod & ApiMethodName]: (
    input: ApiParsedInput<M>,
  ) => Result<ApiOutputs[M], AppError> | Promise<Result<ApiOutputs[M], AppError>>;
};

/**
 * Importing needs someone allowed to enter results; letting a quarantined email into the results
 * (or refusing it) is the chair's call, like resolving a discrepancy.
 */
export function intakeHandlers(store: CountyStore, clock: () => Date): IntakeHandlers {
  return {
    importFiles: async (input) => {
      const who = actorFor(store, input, 'enter-results', clock());
      if (!who.ok) return who;
      return importUploadedFiles(store, { files: input.files, source: input.source, operator: who.value.name }, clock);
    },
    listQuarantine: async (input) => ok(await quarantineViews(store, input.pendingOnly)),
    acceptQuarantined: async (input) => {
      const at = clock();
      const who = actorFor(store, input, 'resolve', at);
      if (!who.ok) return who;
      return acceptQuarantined(store, {
        id: input.id,
        operator: who.value.name,
        at: at.toISOString(),
        ...(input.note ? { note: input.note } : {}),
      });
    },
    rejectQuarantined: (input) => {
      const at = clock();
      const who = actorFor(store, input, 'resolve', at);
      if (!who.ok) return who;
      return rejectQuarantined(store, {
        id: input.id,
        operator: who.value.name,
        at: at.toISOString(),
        ...(input.note ? { note: input.note } : {}),
      });
    },
    listScanQueue: () => ok(scanQueue(store)),
  };
}
