import type { IntakeSummary } from '../../../electron/core/intake/intake-summary';
import { type CliIo, EXIT, type ExitCode, printJson } from '../io';

/** The same output for `import` and `mail` (docs/CONTRACTS.md): the JSON contract, or a sentence and the refusals. */
export function printIntakeSummary(io: CliIo, summary: IntakeSummary, json: boolean): ExitCode {
  if (json) {
    printJson(io, summary);
  } else {
    const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    io.out(
      `Imported ${plural(summary.imported, 'report')}; ${summary.duplicates} already imported; ${summary.conflicts} in conflict; ${summary.rejected.length} rejected; ${summary.pendingReview} waiting for review.`,
    );
    for (const rejected of summary.rejected) io.err(`  rejected ${rejected.path}: ${rejected.message}`);
  }
  return summary.rejected.length > 0 || summary.conflicts > 0 ? EXIT.problems : EXIT.ok;
}
