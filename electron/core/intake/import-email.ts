import { createHash } from 'node:crypto';
import type { ReportSource } from '../model/report';
import { ok } from '../result';
import type { CountyStore } from '../store/county-store';
import { findMailMessage, insertMailMessage, insertQuarantineItem, precinctsChairedBy } from '../store/intake-records';
import { ingestFile } from './ingest-file';
import { addOutcome, emptySummary, type IntakeSummary } from './intake-summary';
import { INTAKE_LIMITS } from './limits';
import { type MailAttachment, type ParsedMessage, parseMessage } from './parse-message';
import { formatBytes } from './safe-json';

export interface EmailToImport {
  readonly raw: Uint8Array;
  /** Where it was fetched from: "imap://county@host:993/INBOX uid 42", or "file P01.eml". */
  readonly origin: string;
  /** How rejected attachments are named in the summary (the .eml path, or the mailbox and uid). */
  readonly label: string;
  readonly operator: string;
  readonly at: string;
}

/**
 * One email through intake. The raw message is stored first (as received, with its sha256);
 * the same Message-ID or bytes again is a duplicate. Mail from anyone who is not a registered
 * precinct chair is quarantined whole, unread; a chair's attachments go through the same
 * pipeline as files from a drive, and one with another precinct's results is quarantined.
 * Everything for one message is one transaction, each attachment a savepoint within it.
 */
export async function importEmail(store: CountyStore, email: EmailToImport): Promise<IntakeSummary> {
  const summary = emptySummary();
  if (email.raw.length > INTAKE_LIMITS.maxMessageBytes) {
    summary.rejected.push({
      path: email.label,
      code: 'FILE_TOO_LARGE',
      message: `${email.label} is ${formatBytes(email.raw.length)}, larger than the ${formatBytes(INTAKE_LIMITS.maxMessageBytes)} Tallyroom accepts in one email. Nothing was imported.`,
    });
    return summary;
  }
  const parsed = await parseMessage(email.label, email.raw);
  if (!parsed.ok) {
    summary.rejected.push({ path: email.label, code: parsed.error.code, message: parsed.error.message });
    return summary;
  }
  const message = parsed.value;
  const sha256 = createHash('sha256').update(email.raw).digest('hex');
  if (findMailMessage(store, { messageId: message.messageId, sha256 })) {
    summary.duplicates++;
    return summary;
  }
  store.transaction(() => {
    const mailMessageId = insertMailMessage(store, {
      sha256,
      messageId: message.messageId,
      sender: message.sender,
      subject: message.subject,
      raw: email.raw,
      origin: email.origin,
      operator: email.operator,
      receivedAt: email.at,
    });
    store.appendAudit({
      at: email.at,
      operator: email.operator,
      action: 'mail.received',
      payload: {
        messageId: message.messageId,
        sender: message.sender,
        subject: message.subject,
        sha256,
        origin: email.origin,
        attachments: message.attachments.map((attachment) => ({
          fileName: attachment.fileName,
          sha256: attachment.sha256,
        })),
      },
    });
    const chairOf = precinctsChairedBy(store, message.sender);
    if (chairOf.length === 0) {
      quarantine(store, email, mailMessageId, null, {
        code: 'UNKNOWN_SENDER',
        reason: `${message.sender || 'The sender'} is not the registered chair of any precinct, so this email is held for a person to review.`,
      });
      summary.pendingReview++;
      return ok(null);
    }
    importAttachments(store, email, message, mailMessageId, true, message.attachments, summary);
    return ok(null);
  });
  return summary;
}

/** A chair's (or an accepted) email's attachments through the file pipeline. */
export function importAttachments(
  store: CountyStore,
  email: Pick<EmailToImport, 'label' | 'operator' | 'at'>,
  message: ParsedMessage,
  mailMessageId: number,
  chairOnly: boolean,
  attachments: readonly MailAttachment[],
  summary: IntakeSummary,
): void {
  if (message.attachments.length === 0) {
    summary.rejected.push({
      path: email.label,
      code: 'NO_ATTACHMENT',
      message: `The email "${message.subject}" from ${message.sender} has no file attached, so there is nothing to import. Ask the chair to attach the precinct report.`,
    });
  }
  if (message.attachmentsSkipped > 0) {
    summary.rejected.push({
      path: email.label,
      code: 'TOO_MANY_FILES',
      message: `The email "${message.subject}" has more than ${INTAKE_LIMITS.maxAttachmentsPerMessage} attachments; the last ${message.attachmentsSkipped} were not read.`,
    });
  }
  const source: ReportSource = 'email';
  for (const attachment of attachments) {
    const path = `${email.label} › ${attachment.fileName}`;
    const outcome = ingestFile(store, {
      fileName: attachment.fileName,
      bytes: attachment.bytes,
      source,
      operator: email.operator,
      at: email.at,
      mail: { mailMessageId, sender: message.sender, messageId: message.messageId, chairOnly },
    });
    if (outcome.kind === 'rejected' && outcome.error.code === 'NOT_FROM_PRECINCT_CHAIR') {
      quarantine(store, email, mailMessageId, attachment, { code: outcome.error.code, reason: outcome.error.message });
      summary.pendingReview++;
    } else {
      addOutcome(summary, path, outcome);
    }
  }
}

function quarantine(
  store: CountyStore,
  email: Pick<EmailToImport, 'operator' | 'at'>,
  mailMessageId: number,
  attachment: MailAttachment | null,
  why: { readonly code: string; readonly reason: string },
): void {
  const id = insertQuarantineItem(store, {
    mailMessageId,
    attachmentName: attachment?.fileName ?? null,
    attachmentSha256: attachment?.sha256 ?? null,
    reasonCode: why.code,
    reason: why.reason,
    quarantinedAt: email.at,
  });
  store.appendAudit({
    at: email.at,
    operator: email.operator,
    action: 'mail.quarantined',
    payload: {
      quarantineId: id,
      mailMessageId,
      attachment: attachment?.fileName ?? null,
      reasonCode: why.code,
      reason: why.reason,
    },
  });
}
