import { verifyAuditChain } from '../audit-log/chain';
import type { CountyStore } from '../store/county-store';

export interface DatabaseHealth {
  readonly ok: boolean;
  readonly integrity: string;
  readonly auditChain: ReturnType<typeof verifyAuditChain>;
  /** One sentence for the chair; empty when all is well. */
  readonly problem: string;
}

/** What the app checks at every start: SQLite's own integrity check and the whole audit chain. */
export function checkDatabaseHealth(store: CountyStore): DatabaseHealth {
  const integrity = store.integrityCheck();
  const auditChain = verifyAuditChain(store.iterateAudit());
  const problems: string[] = [];
  if (integrity !== 'ok') problems.push(`The database file is damaged (${integrity}); restore the latest backup.`);
  if (!auditChain.valid) problems.push(`The audit log does not verify: ${auditChain.reason}`);
  return { ok: problems.length === 0, integrity, auditChain, problem: problems.join(' ') };
}
