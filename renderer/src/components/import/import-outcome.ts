/**
 * An import's outcome in plain words: what was stored, what was already here, what was refused. The
 * tone follows what happened (nothing stored and files refused is an error, not a blue "100%").
 */
import { plural } from '../../format';

export interface ImportTotals {
  /** Precinct reports stored. */
  imported: number;
  /** Files already here (nothing changed). */
  duplicates: number;
  /** Reports stored that disagree with one already held. */
  conflicts: number;
  /** Files refused. */
  rejected: number;
  /** Files sent to a person (held mail, scans to read). */
  pendingReview: number;
}

export interface ImportOutcome {
  readonly tone: 'success' | 'warning' | 'error';
  readonly headline: string;
  /** One sentence each: stored, already here, refused and why, held, disagreeing. */
  readonly lines: readonly string[];
}

export function importOutcome(files: number, totals: ImportTotals): ImportOutcome {
  const lines: string[] = [];
  if (totals.imported > 0) {
    lines.push(`Stored: ${plural(totals.imported, 'precinct report')}.`);
  }
  if (totals.duplicates > 0) {
    lines.push(
      `Already here: ${plural(totals.duplicates, 'file')} Tallyroom had before, so nothing changed for ${totals.duplicates === 1 ? 'it' : 'them'}.`,
    );
  }
  if (totals.rejected > 0) {
    lines.push(
      `Refused: ${plural(totals.rejected, 'file')}. Nothing from ${totals.rejected === 1 ? 'it' : 'them'} was stored; why is in the table below. Fix the file and import it again.`,
    );
  }
  if (totals.pendingReview > 0) {
    lines.push(`Waiting for a person: ${plural(totals.pendingReview, 'item')} on the Review screen.`);
  }
  if (totals.conflicts > 0) {
    lines.push(
      `${plural(totals.conflicts, 'report')} ${totals.conflicts === 1 ? 'disagrees' : 'disagree'} with a report already held: the chair resolves ${totals.conflicts === 1 ? 'it' : 'them'} from Discrepancies.`,
    );
  }
  const refusedAll = totals.rejected > 0 && totals.imported === 0 && totals.pendingReview === 0;
  if (refusedAll) {
    return {
      tone: 'error',
      headline:
        totals.rejected === files
          ? `Nothing was imported: ${files === 1 ? 'the file was' : `all ${plural(files, 'file')} were`} refused.`
          : `Nothing new was imported: ${plural(totals.rejected, 'file')} refused.`,
      lines,
    };
  }
  if (totals.rejected > 0 || totals.conflicts > 0) {
    return { tone: 'warning', headline: `Import finished with ${plural(totals.rejected, 'file')} refused.`, lines };
  }
  if (totals.imported === 0 && totals.pendingReview === 0) {
    return { tone: 'success', headline: 'Nothing new: everything in these files was already here.', lines };
  }
  return { tone: 'success', headline: `Imported ${plural(files, 'file')}.`, lines };
}
