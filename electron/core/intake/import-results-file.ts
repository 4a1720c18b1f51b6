import { createHash } from 'node:crypto';
import type { ReportSource } from '../api/contract';
import { canonicalJson } from '../audit-log/canonical-json';
import { buildCountyView } from '../county/county-view';
import { type AppError, appError, ok, type Result } from '../result';
import { isCount } from '../rules/check-iowa';
import type { PrecinctResult } from '../rules/types';
import type { CountyStore } from '../store/county-store';
import { linkFileToMail, reportsHeldFor } from '../store/intake-records';
import { type ParsedReportFile, parseReportFile } from './parse-report-file';
import { candidateIdsByName, storeReport } from './store-report';

export interface ImportedFile {
  readonly fileName: string;
  readonly sha256: string;
  /** 'duplicate': the same bytes were imported before; nothing changed. */
  readonly outcome: 'imported' | 'duplicate';
  readonly reportIds: readonly number[];
  /** Precincts where this file's numbers disagree with a report already held. */
  readonly conflicts: readonly string[];
}

export interface ImportRequest {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly source: ReportSource;
  readonly operator: string;
  readonly at: string;
  /** The email this file was attached to: its reports then record the sender and Message-ID. */
  readonly mail?: MailOrigin;
  /** The file already parsed (before its transaction, or on a worker thread: parse-off-thread.ts); parsed here when absent. */
  readonly parsed?: Result<ParsedReportFile, AppError>;
  /** The sha256 of `bytes` when staging already hashed them (stage-file.ts); computed here when absent. */
  readonly sha256?: string;
}

export interface MailOrigin {
  readonly mailMessageId: number;
  readonly sender: string;
  readonly messageId: string | null;
  /**
   * Only the registered chair of a precinct may send its results; a file with another precinct
   * is refused with NOT_FROM_PRECINCT_CHAIR (the mail intake quarantines it). False once a person
   * has accepted the mail from quarantine.
   */
  readonly chairOnly: boolean;
}

/**
 * Imports a precinct results file (CSV/XLSX, DESIGN.md format) or a precinct report JSON
 * (docs/INTAKE.md): stored byte for byte with its sha256, one report per precinct in it. Idempotent: the same bytes again change nothing.
 * All or nothing: a file with any problem (unknown precinct or candidate, a count that is not a
 * whole number) is rejected whole with the problem named, and nothing from it is stored.
 */
export function importResultsFile(store: CountyStore, request: ImportRequest): Result<ImportedFile, AppError> {
  const election = store.getElection();
  if (!election) return appError('NO_COUNTY', 'Set up the county before importing results.');
  const sha256 = request.sha256 ?? createHash('sha256').update(request.bytes).digest('hex');
  const seen = store.findImportFile(sha256);
  if (seen) {
    return ok({ fileName: request.fileName, sha256, outcome: 'duplicate', reportIds: [], conflicts: [] });
  }
  const parsed = request.parsed ?? parseReportFile(request.fileName, request.bytes);
  if (!parsed.ok) return parsed;
  const results = parsed.value.results;
  const candidateIds = candidateIdsByName(store);
  const problem = findIntakeProblem(store, results, election.county, request.fileName, candidateIds);
  if (problem) return problem;
  if (request.mail?.chairOnly) {
    const notTheirs = results.find(
      (result) => normalEmail(store.findPrecinct(result.precinct)?.chairEmail) !== normalEmail(request.mail?.sender),
    );
    if (notTheirs) {
      return appError(
        'NOT_FROM_PRECINCT_CHAIR',
        `${request.fileName} has results for precinct ${notTheirs.precinct}, but it was sent by ${request.mail.sender || 'an unknown sender'}, who is not that precinct's registered chair. It is held for review.`,
      );
    }
  }

  return store.transaction(() => {
    const importFileId = store.insertImportFile({
      sha256,
      fileName: request.fileName,
      bytes: request.bytes,
      source: request.source,
      operator: request.operator,
      receivedAt: request.at,
    });
    if (request.mail) linkFileToMail(store, importFileId, request.mail.mailMessageId);
    store.appendAudit({
      at: request.at,
      operator: request.operator,
      action: 'import.file-stored',
      payload: {
        fileName: request.fileName,
        sha256,
        bytes: request.bytes.length,
        source: request.source,
        format: parsed.value.format,
        ...(request.mail ? { sender: request.mail.sender, messageId: request.mail.messageId } : {}),
      },
    });
    const reportIds: number[] = [];
    const conflicts: string[] = [];
    for (const result of results) {
      const stored = storeReport(
        store,
        {
          precinct: result.precinct,
          lines: result.lines,
          coinTosses: result.coinTosses ?? [],
          source: request.source,
          operator: request.operator,
          at: request.at,
          importFileId,
          fileName: request.fileName,
          content: canonicalJson(
            parsed.value.report
              ? { kind: 'tallyroom.precinct-report', fileSha256: sha256, report: parsed.value.report }
              : { kind: 'tallyroom.precinct-results-row-group', fileSha256: sha256, result },
          ),
        },
        candidateIds,
      );
      if (!stored.ok) return stored;
      reportIds.push(stored.value);
      const precinct = store.findPrecinct(result.precinct);
      // A precinct's first report cannot disagree with anything: the county view (its cost grows with
      // the county) is built only when there is something to disagree with.
      if (precinct && reportsHeldFor(store, precinct.id) > 1) {
        const view = buildCountyView(store, election, precinct).precincts[0];
        // The precinct's status as the county sees it, chair resolutions included.
        if (view?.status === 'conflict') conflicts.push(result.precinct);
      }
    }
    return ok({ fileName: request.fileName, sha256, outcome: 'imported' as const, reportIds, conflicts });
  });
}

function normalEmail(address: string | null | undefined): string {
  return (address ?? '').trim().toLowerCase();
}

/** The first reason this file's data cannot enter this county's database, or null. */
export function findIntakeProblem(
  store: CountyStore,
  results: readonly PrecinctResult[],
  county: string,
  fileName: string,
  /** The county's candidates by name (candidateIdsByName), when the caller has them; read here when absent. */
  knownCandidates?: ReadonlyMap<string, number>,
): Result<never, AppError> | null {
  const candidates = knownCandidates ?? candidateIdsByName(store);
  for (const result of results) {
    if (result.county && result.county !== county) {
      return appError(
        'WRONG_COUNTY',
        `${fileName} is for ${result.county}, but this database is ${county}. Nothing was imported.`,
      );
    }
    const precinct = store.findPrecinct(result.precinct);
    if (!precinct) {
      return appError(
        'UNKNOWN_PRECINCT',
        `${fileName} has results for precinct "${result.precinct}", which is not a precinct of ${county}. Nothing was imported.`,
      );
    }
    if (result.precinctDelegates !== null && result.precinctDelegates !== precinct.delegates) {
      return appError(
        'DELEGATES_DIFFER',
        `${fileName} says precinct ${result.precinct} elects ${result.precinctDelegates} delegates, but the county setup says ${precinct.delegates}. Nothing was imported; check which is right.`,
      );
    }
    for (const name of (result.coinTosses ?? []).flatMap((toss) => toss.tied)) {
      if (!candidates.has(name)) {
        return appError(
          'UNKNOWN_CANDIDATE',
          `${fileName} records a coin toss for "${name}" in precinct ${result.precinct}, who is not on this county's ballot. Nothing was imported.`,
        );
      }
    }
    for (const line of result.lines) {
      if (!candidates.has(line.candidate)) {
        return appError(
          'UNKNOWN_CANDIDATE',
          `${fileName} lists candidate "${line.candidate}" in precinct ${result.precinct}, who is not on this county's ballot. Nothing was imported.`,
        );
      }
      for (const [label, value] of [
        ['first alignment', line.firstAlignment],
        ['final alignment', line.finalAlignment],
        ['delegates awarded', line.delegatesAwarded],
      ] as const) {
        if (value !== null && !isCount(value)) {
          return appError(
            'INVALID_COUNT',
            `${fileName}: the ${label} for ${line.candidate} in precinct ${result.precinct} is ${value}, ${value < 0 ? 'and a count cannot be negative' : 'which is not a whole number of people'}. Nothing was imported.`,
          );
        }
      }
      if (line.sde !== null && !(line.sde >= 0)) {
        return appError(
          'INVALID_COUNT',
          `${fileName}: the SDEs for ${line.candidate} in precinct ${result.precinct} are negative. Nothing was imported.`,
        );
      }
    }
  }
  return null;
}
