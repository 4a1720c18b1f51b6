import { createHash } from 'node:crypto';
import { ledgerDigestOf } from '../integrity/ledger-digest';
import type { CandidateLine, CoinToss } from '../model/precinct-result';
import type { ReportSource } from '../model/report';
import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';

export interface ReportToStore {
  readonly precinct: string;
  readonly lines: readonly CandidateLine[];
  readonly coinTosses: readonly CoinToss[];
  readonly source: ReportSource;
  readonly operator: string;
  readonly at: string;
  readonly importFileId: number | null;
  readonly fileName: string | null;
  /** The report as received, canonical JSON: what the sha256 covers. */
  readonly content: string;
  readonly supersedesId?: number | null;
}

/**
 * Stores one report and its audit entry. Call inside a store transaction: it returns an error
 * value (which rolls the transaction back) when a precinct or candidate is unknown.
 */
export function storeReport(
  store: CountyStore,
  report: ReportToStore,
  /** The county's candidate ids by name, when the caller stores many reports at once; read here when absent. */
  knownCandidateIds?: ReadonlyMap<string, number>,
): Result<number, AppError> {
  const precinct = store.findPrecinct(report.precinct);
  if (!precinct) return appError('UNKNOWN_PRECINCT', `There is no precinct "${report.precinct}" in this county.`);
  const candidateIds = knownCandidateIds ?? candidateIdsByName(store);
  const idOf = (name: string) => candidateIds.get(name);
  for (const name of [
    ...report.lines.map((line) => line.candidate),
    ...report.coinTosses.flatMap((toss) => toss.tied),
  ]) {
    if (idOf(name) === undefined) return appError('UNKNOWN_CANDIDATE', `"${name}" is not a candidate in this county.`);
  }
  const sha256 = createHash('sha256').update(report.content).digest('hex');
  const reportId = store.insertReport({
    precinctId: precinct.id,
    source: report.source,
    operator: report.operator,
    receivedAt: report.at,
    importFileId: report.importFileId,
    content: report.content,
    sha256,
    supersedesId: report.supersedesId ?? null,
    counts: report.lines.map((line) => ({
      candidateId: idOf(line.candidate) as number,
      firstAlignment: line.firstAlignment,
      finalAlignment: line.finalAlignment,
      delegatesAwarded: line.delegatesAwarded,
      sde: line.sde,
    })),
    coinTosses: report.coinTosses.map((toss) => ({
      members: toss.tied.map((name) => ({ candidateId: idOf(name) as number, won: toss.winners.includes(name) })),
    })),
  });
  store.appendAudit({
    at: report.at,
    operator: report.operator,
    action: 'report.received',
    payload: {
      reportId,
      precinct: report.precinct,
      source: report.source,
      fileName: report.fileName,
      sha256,
      lines: report.lines,
      coinTosses: report.coinTosses,
      numbersSha256: ledgerDigestOf(store, 'report', reportId),
    },
  });
  return ok(reportId);
}

/** The county's candidates: name -> id. */
export function candidateIdsByName(store: CountyStore): Map<string, number> {
  return new Map(store.listCandidates().map((candidate) => [candidate.name, candidate.id]));
}
