/** How the scan review names a field and a page in its sentences. */
import type { WorksheetColumn } from '../model/scan-reading';

export const COLUMN_WORDS: Record<WorksheetColumn, string> = {
  first: 'first alignment',
  final: 'final alignment',
  delegates: 'delegates awarded',
};

/** "Adams’s", "Jones’" */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}’` : `${name}’s`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
