import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import {
  findQuarantineItem,
  insertQuarantineDecision,
  listQuarantineItems,
  mailMessageRaw,
  type QuarantineRecord,
} from '../store/intake-records';
import { importAttachments } from './import-email';
import { emptySummary, type IntakeSummary } from './intake-summary';
import { parseMessage } from './parse-message';

export type { QuarantineRecord } from '../store/intake-records';

/** Quarantined mail, oldest first; by default only what still waits for a decision. */
export function listQuarantine(
  store: CountyStore,
  options: { readonly pendingOnly?: boolean } = {},
): QuarantineRecord[] {
  return listQuarantineItems(store, options.pendingOnly ?? true);
}

export interface QuarantineDecisionRequest {
  readonly id: number;
  readonly operator: string;
  readonly at: string;
  /** Why: "called the chair, she sent it from her own address". */
  readonly note?: string;
}

/**
 * A person vouches for a quarantined email or attachment: its files go through intake as if the
 * chair had sent them (idempotent and conflict-checked as ever), and the decision is recorded.
 */
export async function acceptQuarantined(
  store: CountyStore,
  request: QuarantineDecisionRequest,
): Promise<Result<IntakeSummary, AppError>> {
  const item = pendingItem(store, request.id);
  if (!item.ok) return item;
  const raw = mailMessageRaw(store, item.value.mailMessageId);
  if (!raw) return appError('QUARANTINE_NOT_FOUND', `Quarantined item ${request.id} has no stored email.`);
  const label = `quarantine item ${request.id} (${item.value.subject || 'no subject'}, from ${item.value.sender || 'unknown sender'})`;
  const parsed = await parseMessage(label, raw);
  if (!parsed.ok) return parsed;
  const message = parsed.value;
  const attachments =
    item.value.attachmentSha256 === null
      ? message.attachments
      : message.attachments.filter((attachment) => attachment.sha256 === item.value.attachmentSha256);
  const summary = emptySummary();
  return store.transaction(() => {
    importAttachments(
      store,
      { label, operator: request.operator, at: request.at },
      message,
      item.value.mailMessageId,
      false,
      attachments,
      summary,
    );
    insertQuarantineDecision(store, {
      quarantineItemId: request.id,
      decision: 'accepted',
      operator: request.operator,
      decidedAt: request.at,
      note: request.note ?? '',
    });
    store.appendAudit({
      at: request.at,
      operator: request.operator,
      action: 'quarantine.accepted',
      payload: {
        quarantineId: request.id,
        messageId: item.value.messageId,
        sender: item.value.sender,
        note: request.note ?? '',
        summary,
      },
    });
    return ok(summary);
  });
}

/** A person refuses a quarantined item: it stays stored (nothing is deleted) and never reaches the results. */
export function rejectQuarantined(
  store: CountyStore,
  request: QuarantineDecisionRequest,
): Result<QuarantineRecord, AppError> {
  const item = pendingItem(store, request.id);
  if (!item.ok) return item;
  return store.transaction(() => {
    insertQuarantineDecision(store, {
      quarantineItemId: request.id,
      decision: 'rejected',
      operator: request.operator,
      decidedAt: request.at,
      note: request.note ?? '',
    });
    store.appendAudit({
      at: request.at,
      operator: request.operator,
      action: 'quarantine.rejected',
      payload: {
        quarantineId: request.id,
        messageId: item.value.messageId,
        sender: item.value.sender,
        note: request.note ?? '',
      },
    });
    return ok(findQuarantineItem(store, request.id) as QuarantineRecord);
  });
}

function pendingItem(store: CountyStore, id: number): Result<QuarantineRecord, AppError> {
  const item = findQuarantineItem(store, id);
  if (!item) return appError('QUARANTINE_NOT_FOUND', `There is no quarantined item ${id}.`);
  if (item.decision !== null) {
    return appError(
      'ALREADY_DECIDED',
      `Quarantined item ${id} was already ${item.decision} by ${item.decidedBy} at ${item.decidedAt}; a decision is not changed, only recorded once.`,
    );
  }
  return ok(item);
}
