/**
 * docs/AUDIT-LOG.md is how a county, an auditor or the state party learns what each audit-log
 * entry means; the catalogue (electron/core/audit-log/actions.ts) is what the code may write.
 * They name the same actions, no more and no fewer.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../../electron/core/audit-log/actions';

const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/AUDIT-LOG.md'), 'utf8');

/** The actions of the table under "## Actions": a row is "| `action` | meaning |". */
function documentedActions(): string[] {
  const section = doc.slice(doc.indexOf('\n## Actions'));
  const end = section.indexOf('\n## ', 1);
  const table = end === -1 ? section : section.slice(0, end);
  return [...table.matchAll(/^\|\s*`([a-z-]+\.[a-z-]+)`\s*\|\s*(.*?)\s*\|\s*$/gm)].map((row) => {
    expect(row[2], `the meaning of ${row[1]}`).not.toBe('');
    return row[1] ?? '';
  });
}

describe('docs/AUDIT-LOG.md', () => {
  it('lists every action of the catalogue once, and nothing else', () => {
    const documented = documentedActions();
    expect(documented.length).toBeGreaterThan(10);
    expect(new Set(documented).size, 'an action listed twice').toBe(documented.length);
    expect([...documented].sort()).toEqual(Object.keys(AUDIT_ACTIONS).sort());
  });
});
