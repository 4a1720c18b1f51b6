/**
 * The one vocabulary for how a report arrived, as people at the desk say it (docs/ARCHITECTURE.md):
 * the app's screens and the domain's sentences use these words, never the stored codes.
 */
import type { ReportSource } from './report';

/** A report's source as a label: a column, a chip. */
export const REPORT_SOURCE_LABELS: Readonly<Record<ReportSource, string>> = {
  usb: 'USB stick',
  email: 'Email',
  scan: 'Scanned',
  manual: 'Keyed in',
  phone: 'Phoned in',
  recount: 'Recount',
};

/** A report's source inside a sentence, followed by the person: "keyed in by Sam Ortiz". */
const SOURCE_BY: Readonly<Record<ReportSource, string>> = {
  usb: 'from a USB stick, imported by',
  email: 'sent by email, imported by',
  scan: 'scanned, confirmed by',
  manual: 'keyed in by',
  phone: 'phoned in, keyed by',
  recount: 'recount entered by',
};

/** "keyed in by Sam Ortiz", "from a USB stick, imported by USB desk". */
export function sourceAndPerson(source: ReportSource, operator: string): string {
  return `${SOURCE_BY[source]} ${operator}`;
}
