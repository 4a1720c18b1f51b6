import type { FileProblem } from '../model/file-problem';
import type { AppError } from '../result';

/** A file intake refused, named so a person can find it: the path on the drive, or the email and attachment. */
export interface RejectedFile {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  /** Every problem found in the file, with row and column, when the refusal is about its contents. */
  readonly problems?: readonly FileProblem[];
}

/**
 * What one import did (docs/CONTRACTS.md, `tallyroom import --json`): reports imported,
 * files seen before, reports that disagree with one already held, files refused, and items a
 * person must look at (quarantined mail, scans waiting for OCR).
 */
export interface IntakeSummary {
  imported: number;
  duplicates: number;
  conflicts: number;
  rejected: RejectedFile[];
  pendingReview: number;
}

/** What intake did with one file. */
export type FileOutcome =
  | { readonly kind: 'imported'; readonly reports: number; readonly conflicts: number }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'pending-review' }
  | { readonly kind: 'rejected'; readonly error: AppError };

export function emptySummary(): IntakeSummary {
  return { imported: 0, duplicates: 0, conflicts: 0, rejected: [], pendingReview: 0 };
}

export function addOutcome(summary: IntakeSummary, path: string, outcome: FileOutcome): void {
  switch (outcome.kind) {
    case 'imported':
      summary.imported += outcome.reports;
      summary.conflicts += outcome.conflicts;
      return;
    case 'duplicate':
      summary.duplicates++;
      return;
    case 'pending-review':
      summary.pendingReview++;
      return;
    case 'rejected': {
      const problems = fileProblemsOf(outcome.error.details);
      summary.rejected.push({
        path,
        code: outcome.error.code,
        message: outcome.error.message,
        ...(problems ? { problems } : {}),
      });
      return;
    }
  }
}

export function addSummary(summary: IntakeSummary, other: IntakeSummary): void {
  summary.imported += other.imported;
  summary.duplicates += other.duplicates;
  summary.conflicts += other.conflicts;
  summary.rejected.push(...other.rejected);
  summary.pendingReview += other.pendingReview;
}

export function rejected(error: AppError): FileOutcome {
  return { kind: 'rejected', error };
}

function fileProblemsOf(details: unknown): FileProblem[] | null {
  if (!Array.isArray(details) || details.length === 0) return null;
  const isProblem = (entry: unknown): entry is FileProblem =>
    typeof entry === 'object' &&
    entry !== null &&
    'row' in entry &&
    typeof entry.row === 'number' &&
    'message' in entry &&
    typeof entry.message === 'string';
  return details.every(isProblem)
    ? details.map(({ row, column, message }) => ({ row, column: column ?? null, message }))
    : null;
}
