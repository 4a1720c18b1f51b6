import type { AuditEntry } from '../model/audit-entry';
import type { CountyStore } from '../store/county-store';
import {
  LEDGER_KINDS,
  type LedgerKind,
  type LedgerRecord,
  listLedgerRecords,
  listReportContents,
} from '../store/ledger-records';
import { checkLedger, type LedgerProblem } from './check-ledger';

/** Every row holding the county's numbers, held against the audit chain and each report's content. */
export function checkStoredNumbers(
  store: CountyStore,
  /** The audit log, oldest first, when the caller has read it already. */
  entries: Iterable<AuditEntry> = store.iterateAudit(),
): LedgerProblem[] {
  const records = Object.fromEntries(LEDGER_KINDS.map((kind) => [kind, listLedgerRecords(store, kind)])) as Record<
    LedgerKind,
    LedgerRecord[]
  >;
  const candidateIds = new Map(store.listCandidates().map((candidate) => [candidate.name, candidate.id]));
  return checkLedger(entries, records, listReportContents(store), candidateIds);
}
