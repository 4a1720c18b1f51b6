/** Quarantined mail as the review screen shows it: each held email (or attachment) with what it holds. */

import type { CountyStore } from '../store/county-store';
import { mailMessageRaw, type QuarantineRecord } from '../store/intake-records';
import { parseMessage } from './parse-message';
import { listQuarantine } from './quarantine';

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
