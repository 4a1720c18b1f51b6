/**
 * What "verified" means in Tallyroom. The UI shows VERIFICATION_POLICY.text; a result
 * bundle records VERIFICATION_POLICY.id and .text so the state party knows what the word meant.
 */
import type { ReportSource } from '../model/report';

/** An entry that can confirm a precinct's numbers: a report, or a chair's resolution choosing one. */
export type EntrySource = ReportSource | 'resolution';

export interface PolicyEntry {
  readonly source: EntrySource;
  readonly operator: string;
}

/** The paper itself: keyed from the worksheet, a confirmed scan of it, a hand recount. */
export const PAPER_SOURCES: readonly ReportSource[] = ['manual', 'scan', 'recount'];

/**
 * Files the precinct sent (USB stick, email): their numbers were written by the precinct, not by
 * the person who imported them, so an import and a keyed entry by one person are still two origins.
 */
export const FILE_SOURCES: readonly ReportSource[] = ['usb', 'email'];

export const VERIFICATION_POLICY = {
  id: 'tallyroom.verification.two-independent-one-paper',
  version: 1,
  title: 'Two independent entries, one from the paper',
  text: [
    'A precinct is verified only when two independent entries agree on every number (first and final alignment of every group, and delegates where both give them), and at least one of them comes from the paper: keyed from the worksheet, a confirmed scan, or a hand recount.',
    'Independent means entered by two different people. One person’s two entries never count as independent, whatever the source; a file the precinct sent (USB stick, email) counts as a different source from an entry keyed by the person who imported it.',
    'The second entry is keyed blind: the worksheet screen never shows the numbers already received, and the comparison is made only after both are saved.',
    'When entries disagree the precinct is in conflict until the county chair resolves it, choosing or entering the right numbers with a reason. The chair’s resolution counts as the chair’s own entry; the reports stay as received, and a later report that disagrees re-opens the conflict.',
    'The county chair certifies verified precincts and the county with their PIN. A certified result changes only through a recount or a correction, each recorded with who, when and why.',
  ].join(' '),
} as const;

export function isFromPaper(entry: PolicyEntry): boolean {
  return (PAPER_SOURCES as readonly string[]).includes(entry.source);
}

/** Different people; or the same person where one side is a file the precinct itself sent. */
export function areIndependent(a: PolicyEntry, b: PolicyEntry): boolean {
  if (samePerson(a.operator, b.operator)) {
    const oneIsFile = [a.source, b.source].some((source) => (FILE_SOURCES as readonly string[]).includes(source));
    return a.source !== b.source && oneIsFile;
  }
  return true;
}

/** Names are compared as people type them: "Jordan Lee" and " jordan lee" are one person. */
export function samePerson(a: string, b: string): boolean {
  return normalName(a) === normalName(b);
}

function normalName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-US');
}
