import { importEmail } from '../intake/import-email';
import { addSummary, emptySummary, type IntakeSummary } from '../intake/intake-summary';
import { INTAKE_LIMITS } from '../intake/limits';
import { formatBytes } from '../intake/safe-json';
import { type AppError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { knownMessageIds } from '../store/intake-records';
import type { Mailbox } from './mailbox';

/**
 * Fetches new mail once and puts each message through intake (stored raw, deduplicated by
 * Message-ID and attachment hash, chairs' reports imported, everyone else quarantined).
 */
export async function fetchMail(
  store: CountyStore,
  mailbox: Mailbox,
  options: { readonly operator: string; readonly clock?: () => Date },
): Promise<Result<IntakeSummary, AppError>> {
  const clock = options.clock ?? (() => new Date());
  const fetched = await mailbox.fetchNew((messageIds) => knownMessageIds(store, messageIds));
  if (!fetched.ok) return fetched;
  const summary = emptySummary();
  for (const message of fetched.value) {
    if (message.raw === null) {
      summary.rejected.push({
        path: message.origin,
        code: 'FILE_TOO_LARGE',
        message: `The email ${message.origin} is ${formatBytes(message.size)}, larger than the ${formatBytes(INTAKE_LIMITS.maxMessageBytes)} Tallyroom accepts; it was not downloaded.`,
      });
      continue;
    }
    addSummary(
      summary,
      await importEmail(store, {
        raw: message.raw,
        origin: message.origin,
        label: message.origin,
        operator: options.operator,
        at: clock().toISOString(),
      }),
    );
  }
  return ok(summary);
}
