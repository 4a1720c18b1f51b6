/**
 * What happened to one file, in words for the per-file result table: the same for files
 * uploaded in the app and files imported straight from a drive.
 */
import type { CountyStore } from '../store/county-store';
import { findMailMessage } from '../store/intake-records';
import type { IntakeSummary } from './intake-summary';
import { listQuarantine } from './quarantine';

export type ImportedFileOutcome = 'imported' | 'conflict' | 'duplicate' | 'pending-review' | 'rejected' | 'skipped';

export interface ImportedFileResult {
  /** The name as uploaded (with its folders when a folder was chosen), or the path on the drive. */
  readonly path: string;
  readonly outcome: ImportedFileOutcome;
  /** What this one file did, in the shape of the import JSON. */
  readonly summary: IntakeSummary;
  /** A sentence for the person (why it was rejected, skipped, held). */
  readonly message: string | null;
}

/** The import JSON of docs/CONTRACTS.md (`tallyroom import --json`), plus the same per file. */
export interface ImportFilesResult extends IntakeSummary {
  readonly files: readonly ImportedFileResult[];
}

export function outcomeOf(summary: IntakeSummary, skipped: boolean): ImportedFileOutcome {
  if (skipped) return 'skipped';
  if (summary.conflicts > 0) return 'conflict';
  if (summary.imported > 0) return 'imported';
  if (summary.pendingReview > 0) return 'pending-review';
  if (summary.rejected.length > 0) return 'rejected';
  return 'duplicate';
}

export function messageOf(summary: IntakeSummary, outcome: ImportedFileOutcome, held: string | null): string | null {
  if (outcome === 'skipped') return held;
  const parts: string[] = [];
  if (summary.conflicts > 0) {
    parts.push(
      summary.imported === 1
        ? 'Its numbers disagree with a report already held for the precinct: both are kept for a person to resolve.'
        : `${summary.conflicts} of its ${summary.imported} reports disagree with reports already held: all are kept for a person to resolve.`,
    );
  }
  if (summary.pendingReview > 0) {
    parts.push(held ?? 'A worksheet scan: stored as received and queued to be read (see Review).');
  }
  if (outcome === 'duplicate')
    parts.push(
      'Everything in it is already here (this same file, or the same entries sent another way, e.g. by a station over the network); nothing changed.',
    );
  for (const entry of summary.rejected) parts.push(entry.message);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** Why an email (or one of its attachments) was held: the quarantine's own sentences. */
export function heldMailReason(store: CountyStore, sha256: string): string | null {
  const mail = findMailMessage(store, { messageId: null, sha256 });
  if (!mail) return null;
  const reasons = listQuarantine(store, { pendingOnly: false })
    .filter((item) => item.mailMessageId === mail.id)
    .map((item) => (item.attachmentName ? `${item.attachmentName}: ${item.reason}` : item.reason));
  return reasons.length > 0 ? `${reasons.join(' ')} See Review.` : null;
}
