import { createHash } from 'node:crypto';
import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { insertScanQueueItem, linkFileToMail, type ScanMediaType } from '../store/intake-records';
import type { ImportRequest } from './import-results-file';
import { INTAKE_LIMITS } from './limits';
import { formatBytes } from './safe-json';

/**
 * A worksheet image or PDF: stored as received with its sha256 and queued for OCR
 * (status 'pending-ocr'). Nothing is read from it here, and it is never handed to the OS to open;
 * only its first bytes are checked, so a program renamed .png does not sit in the queue.
 */
export function queueScan(
  store: CountyStore,
  request: ImportRequest,
): Result<{ readonly outcome: 'queued' | 'duplicate'; readonly sha256: string }, AppError> {
  if (!store.getElection()) return appError('NO_COUNTY', 'Set up the county before importing scans.');
  if (request.bytes.length === 0) return appError('FILE_EMPTY', `${request.fileName} is empty. Nothing was imported.`);
  if (request.bytes.length > INTAKE_LIMITS.maxFileBytes) {
    return appError(
      'FILE_TOO_LARGE',
      `${request.fileName} is ${formatBytes(request.bytes.length)}, larger than the ${formatBytes(INTAKE_LIMITS.maxFileBytes)} a worksheet scan can be. Nothing was imported.`,
    );
  }
  const mediaType = scanMediaType(request.bytes);
  const expectsPdf = /\.pdf$/i.test(request.fileName);
  if (!mediaType || (mediaType === 'application/pdf') !== expectsPdf) {
    return appError(
      'NOT_A_SCAN',
      `${request.fileName} is named like a ${expectsPdf ? 'PDF' : 'picture'} but its content is not one. Nothing was imported.`,
    );
  }
  const sha256 = createHash('sha256').update(request.bytes).digest('hex');
  if (store.findImportFile(sha256)) return ok({ outcome: 'duplicate', sha256 });
  return store.transaction(() => {
    const importFileId = store.insertImportFile({
      sha256,
      fileName: request.fileName,
      bytes: request.bytes,
      source: request.source,
      operator: request.operator,
      receivedAt: request.at,
    });
    if (request.mail) linkFileToMail(store, importFileId, request.mail.mailMessageId);
    insertScanQueueItem(store, { importFileId, mediaType, queuedAt: request.at });
    store.appendAudit({
      at: request.at,
      operator: request.operator,
      action: 'scan.queued',
      payload: {
        fileName: request.fileName,
        sha256,
        bytes: request.bytes.length,
        mediaType,
        source: request.source,
        ...(request.mail ? { sender: request.mail.sender, messageId: request.mail.messageId } : {}),
      },
    });
    return ok({ outcome: 'queued' as const, sha256 });
  });
}

/** Told by magic bytes, never by the name alone. */
function scanMediaType(bytes: Uint8Array): ScanMediaType | null {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return null;
}
