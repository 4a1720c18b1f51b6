import { canonicalJson } from '../audit-log/canonical-json';
import { buildCountyView } from '../county/county-view';
import { storeReport } from '../intake/store-report';
import type { CoinToss, PrecinctResult } from '../model/precinct-result';
import type { ReportSource, SubmittedReport, WorksheetLine } from '../model/report';
import type { WorksheetEvaluation } from '../model/worksheet-evaluation';
import { type AppError, appError, ok, type Result } from '../result';
import { evaluateWorksheet as evaluate } from '../rules/evaluate';
import type { CountyStore } from '../store/county-store';

/** Why a worksheet was keyed, when it is more than an entry: kept in the report as received. */
export interface EntryPurpose {
  readonly kind: 'resolution' | 'recount' | 'correction';
  readonly reason: string;
}

/** The scan a confirmed worksheet was read from: the stored file is part of the evidence. */
export interface ScanEvidence {
  readonly importFileId: number;
  readonly fileName: string;
  readonly sha256: string;
  readonly pageNumber: number;
  readonly scanReadingId: number;
}

export interface WorksheetInput {
  readonly precinct: string;
  readonly lines: readonly WorksheetLine[];
  readonly coinTosses: readonly CoinToss[];
}

/** The worksheet as a precinct result: every candidate in ballot order, blanks for lines not given. */
function worksheetResult(store: CountyStore, input: WorksheetInput): Result<PrecinctResult, AppError> {
  const election = store.getElection();
  if (!election) return appError('NO_COUNTY', 'Set up the county before entering worksheets.');
  const precinct = store.findPrecinct(input.precinct);
  if (!precinct) {
    return appError('UNKNOWN_PRECINCT', `There is no precinct "${input.precinct}" in ${election.county}.`);
  }
  const candidates = store.listCandidates();
  const names = new Set(candidates.map((candidate) => candidate.name));
  const unknown = [...input.lines.map((line) => line.candidate), ...input.coinTosses.flatMap((toss) => toss.tied)].find(
    (name) => !names.has(name),
  );
  if (unknown !== undefined) return appError('UNKNOWN_CANDIDATE', `"${unknown}" is not a candidate in this county.`);
  const badToss = input.coinTosses.find((toss) => toss.winners.some((winner) => !toss.tied.includes(winner)));
  if (badToss) {
    return appError('INVALID_COIN_TOSS', 'A coin toss winner must be one of the groups in the toss.');
  }
  return ok({
    county: election.county,
    precinct: precinct.code,
    precinctDelegates: precinct.delegates,
    sdePerDelegate: election.sdePerDelegate,
    lines: candidates.map((candidate) => {
      const line = input.lines.find((entry) => entry.candidate === candidate.name);
      return {
        candidate: candidate.name,
        firstAlignment: line?.firstAlignment ?? null,
        finalAlignment: line?.finalAlignment ?? null,
        delegatesAwarded: line?.delegatesAwarded ?? null,
        sde: null,
      };
    }),
    coinTosses: input.coinTosses,
  });
}

export function evaluateWorksheet(store: CountyStore, input: WorksheetInput): Result<WorksheetEvaluation, AppError> {
  const result = worksheetResult(store, input);
  if (!result.ok) return result;
  const election = store.getElection();
  return ok(evaluate(election?.rulesProfile ?? 'iowa-dem-2020', result.value));
}

/**
 * Saves a keyed worksheet as a new report. Numbers that cannot be a count (missing, negative,
 * fractional) are refused so the person fixes the typo now; numbers that break the caucus rules
 * are saved as the paper shows them, with their findings, for a person to follow up.
 */
export function submitWorksheet(
  store: CountyStore,
  input: WorksheetInput & { operator: string; source: ReportSource; purpose?: EntryPurpose; evidence?: ScanEvidence },
  at: string,
): Result<SubmittedReport, AppError> {
  const result = worksheetResult(store, input);
  if (!result.ok) return result;
  const election = store.getElection();
  const evaluation = evaluate(election?.rulesProfile ?? 'iowa-dem-2020', result.value);
  const blocking = evaluation.findings.find(
    (finding) =>
      (finding.code === 'NEGATIVE_OR_NON_INTEGER' || finding.code === 'MISSING_DATA') &&
      finding.field !== 'delegatesAwarded',
  );
  if (blocking) {
    return appError('WORKSHEET_INCOMPLETE', `Not saved: ${blocking.message}`, evaluation.findings);
  }
  const badDelegates = evaluation.findings.find(
    (finding) => finding.code === 'NEGATIVE_OR_NON_INTEGER' && finding.field === 'delegatesAwarded',
  );
  if (badDelegates) return appError('WORKSHEET_INCOMPLETE', `Not saved: ${badDelegates.message}`, evaluation.findings);

  return store.transaction(() => {
    const content = canonicalJson({
      kind: 'tallyroom.worksheet-entry',
      version: 1,
      precinct: result.value.precinct,
      lines: result.value.lines.map(({ sde: _, ...line }) => line),
      coinTosses: input.coinTosses,
      source: input.source,
      operator: input.operator,
      enteredAt: at,
      ...(input.purpose ? { purpose: input.purpose } : {}),
      ...(input.evidence ? { scan: input.evidence } : {}),
    });
    const reportId = storeReport(store, {
      precinct: result.value.precinct,
      lines: result.value.lines,
      coinTosses: input.coinTosses,
      source: input.source,
      operator: input.operator,
      at,
      importFileId: input.evidence?.importFileId ?? null,
      fileName: input.evidence?.fileName ?? null,
      content,
    });
    if (!reportId.ok) return reportId;
    const precinct = store.findPrecinct(result.value.precinct);
    const election = store.getElection();
    const view = precinct && election ? buildCountyView(store, election, precinct).precincts[0] : undefined;
    return ok({
      reportId: reportId.value,
      status: view?.status ?? 'received',
      findings: view?.current?.id === reportId.value ? view.findings : evaluation.findings,
    });
  });
}
