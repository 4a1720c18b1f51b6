import { verifyAuditChain } from '../audit-log/chain';
import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import type { LedgerProblem } from './check-ledger';
import { checkStoredNumbers } from './check-stored-numbers';

export interface DatabaseHealth {
  readonly ok: boolean;
  readonly integrity: string;
  readonly auditChain: ReturnType<typeof verifyAuditChain>;
  /** Rows whose numbers no longer match the audit chain or the report as received. */
  readonly numbers: readonly LedgerProblem[];
  /** One sentence for the chair; empty when all is well. */
  readonly problem: string;
}

/** How many of the rows' problems the sentence names; the rest are counted. */
const PROBLEMS_NAMED = 3;

/**
 * What the app checks at every start, and before it exports, backs up, restores or certifies
 * (docs/SECURITY.md): SQLite's own integrity check, the whole audit chain, and every row that holds
 * the county's numbers against the chain and the reports as received.
 */
export function checkDatabaseHealth(store: CountyStore): DatabaseHealth {
  const integrity = store.integrityCheck();
  // Read once, checked twice: the chain's links, then the rows it records.
  const entries = [...store.iterateAudit()];
  const auditChain = verifyAuditChain(entries);
  const numbers = integrity === 'ok' ? checkStoredNumbers(store, entries) : [];
  const problems: string[] = [];
  if (integrity !== 'ok') problems.push(`The database file is damaged (${integrity}); restore the latest backup.`);
  if (!auditChain.valid) problems.push(`The audit log does not verify: ${auditChain.reason}`);
  if (numbers.length > 0) {
    const named = numbers.slice(0, PROBLEMS_NAMED).map((problem) => problem.message);
    const more = numbers.length - named.length;
    problems.push(
      `The county's numbers do not match the audit log: ${named.join(' ')}${more > 0 ? ` (and ${more} more)` : ''} Nothing can be certified, exported or backed up until the chair restores a good backup.`,
    );
  }
  return { ok: problems.length === 0, integrity, auditChain, numbers, problem: problems.join(' ') };
}

/**
 * The health check before an action that vouches for the county's numbers (certify, export, back
 * up): a county whose file fails it certifies, signs and copies nothing.
 */
export function requireHealthyCounty(store: CountyStore, action: string): Result<void, AppError> {
  const health = checkDatabaseHealth(store);
  if (health.ok) return ok(undefined);
  return appError('COUNTY_TAMPERED', `Cannot ${action}: ${health.problem}`);
}
