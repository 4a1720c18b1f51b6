import { createHash } from 'node:crypto';
import PostalMime, { type Email } from 'postal-mime';
import { type AppError, appError, ok, type Result } from '../result';
import { safeFileName } from './file-kind';
import { INTAKE_LIMITS } from './limits';

export interface MailAttachment {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

export interface ParsedMessage {
  /** Message-ID without its angle brackets; null when the message has none. */
  readonly messageId: string | null;
  /** The From address, lower case; '' when there is none, or a group instead of one sender. */
  readonly sender: string;
  readonly subject: string;
  readonly attachments: readonly MailAttachment[];
  /** Attachments past the cap, not read. */
  readonly attachmentsSkipped: number;
}

/**
 * An email as received into what intake needs. Pictures embedded in the body (a signature logo)
 * are not attachments; everything else attached is, with a name made safe to show and store.
 */
export async function parseMessage(label: string, raw: Uint8Array): Promise<Result<ParsedMessage, AppError>> {
  let email: Email;
  try {
    email = await PostalMime.parse(raw, { maxNestingDepth: 20, maxHeadersSize: 256 * 1024 });
  } catch {
    return appError(
      'MAIL_UNREADABLE',
      `${label} could not be read as an email; it may be damaged. Nothing was imported.`,
    );
  }
  const from = email.from;
  const sender = from && from.group === undefined ? (from.address ?? '').trim().toLowerCase() : '';
  const attached = email.attachments.filter(
    (attachment) => !(attachment.disposition === 'inline' && attachment.contentId),
  );
  const attachments = attached.slice(0, INTAKE_LIMITS.maxAttachmentsPerMessage).map((attachment, index) => {
    const content = attachment.content;
    const bytes =
      typeof content === 'string'
        ? new TextEncoder().encode(content)
        : content instanceof Uint8Array
          ? content
          : new Uint8Array(content);
    return {
      fileName: safeFileName(attachment.filename, `attachment-${index + 1}`),
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  });
  const messageId = (email.messageId ?? '').trim().replace(/^<|>$/g, '').slice(0, 998);
  return ok({
    messageId: messageId === '' ? null : messageId,
    sender,
    subject: (email.subject ?? '').slice(0, 500),
    attachments,
    attachmentsSkipped: attached.length - attachments.length,
  });
}
