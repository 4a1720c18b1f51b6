import { canonicalJson } from '../audit-log/canonical-json';
import type { AuditEntry } from '../model/audit-entry';

/** data/audit-log.jsonl: one entry per line, oldest first, each line the entry's canonical JSON. */
export function auditLogJsonl(entries: Iterable<AuditEntry>): string {
  let text = '';
  for (const entry of entries) text += `${canonicalJson(entry)}\n`;
  return text;
}

/** The entries of an audit-log.jsonl, or the 1-based line that is not an entry. */
export function parseAuditLogJsonl(text: string): { entries: AuditEntry[] } | { badLine: number } {
  const entries: AuditEntry[] = [];
  const lines = text.split('\n');
  if (lines.pop() !== '') return { badLine: lines.length + 1 };
  for (const [index, line] of lines.entries()) {
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      return { badLine: index + 1 };
    }
    if (!isAuditEntry(entry) || canonicalJson(entry) !== line) return { badLine: index + 1 };
    entries.push(entry);
  }
  return { entries };
}

function isAuditEntry(value: unknown): value is AuditEntry {
  const entry = value as Partial<AuditEntry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    Number.isInteger(entry.seq) &&
    typeof entry.at === 'string' &&
    typeof entry.operator === 'string' &&
    typeof entry.action === 'string' &&
    'payload' in entry &&
    typeof entry.prevHash === 'string' &&
    typeof entry.hash === 'string' &&
    Object.keys(entry).length === 7
  );
}
