import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit-log/canonical-json';
import { buildCountyView } from '../county/county-view';
import type { FileProblem } from '../model/file-problem';
import type { PrecinctResult } from '../model/precinct-result';
import type { ReportSource } from '../model/report';
import { type AppError, type AppErrorCode, appError, ok, type Result } from '../result';
import { MAX_PROBLEMS_LISTED } from '../results-file/columns';
import type { ResultRows } from '../results-file/precinct-results';
import { isCount } from '../rules/check-iowa';
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
 * Imports a precinct results file (CSV/XLSX, docs/CONTRACTS.md format) or a precinct report JSON
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
  const problem = findIntakeProblem(store, results, election.county, request.fileName, candidateIds, parsed.value.rows);
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

/** One reason a file's data cannot enter this county's database, with where it is in the file. */
interface IntakeProblem extends FileProblem {
  readonly code: AppErrorCode;
  /** The sentence when this is the file's only problem (names the file, says nothing was imported). */
  readonly sentence: string;
}

/**
 * Every reason this file's data cannot enter this county's database, or null. The error's code and
 * sentence are the first problem's; its details list every problem with row and column (row 0: a
 * precinct report JSON, which has no rows), as a county definition file's problems are listed.
 */
export function findIntakeProblem(
  store: CountyStore,
  results: readonly PrecinctResult[],
  county: string,
  fileName: string,
  /** The county's candidates by name (candidateIdsByName), when the caller has them; read here when absent. */
  knownCandidates?: ReadonlyMap<string, number>,
  /** The rows each result came from (a results table); absent for a precinct report JSON. */
  rows?: readonly ResultRows[],
): Result<never, AppError> | null {
  const problems = findIntakeProblems(
    store,
    results,
    county,
    fileName,
    knownCandidates ?? candidateIdsByName(store),
    rows,
  );
  const first = problems[0];
  if (!first) return null;
  const details: FileProblem[] = problems
    .slice(0, MAX_PROBLEMS_LISTED)
    .map(({ row, column, message }) => ({ row, column, message }));
  if (problems.length === 1) return appError(first.code, first.sentence, details);
  return appError(
    first.code,
    `${fileName} has ${problems.length} problems; the first: ${first.message.replace(/\.$/, '')}. Nothing was imported; fix the file and try again.`,
    details,
  );
}

function findIntakeProblems(
  store: CountyStore,
  results: readonly PrecinctResult[],
  county: string,
  fileName: string,
  candidates: ReadonlyMap<string, number>,
  rows: readonly ResultRows[] | undefined,
): IntakeProblem[] {
  const problems: IntakeProblem[] = [];
  const wrongCounty = results.findIndex((result) => result.county && result.county !== county);
  const wrong = results[wrongCounty];
  if (wrong) {
    // A file for another county is one problem, however many of its precincts say so.
    return [
      {
        code: 'WRONG_COUNTY',
        row: rows?.[wrongCounty]?.precinct ?? 0,
        column: 'county',
        message: `The file is for ${wrong.county}, but this database is ${county}.`,
        sentence: `${fileName} is for ${wrong.county}, but this database is ${county}. Nothing was imported.`,
      },
    ];
  }
  results.forEach((result, index) => {
    const precinctRow = rows?.[index]?.precinct ?? 0;
    const lineRow = (lineIndex: number) => rows?.[index]?.lines[lineIndex] ?? precinctRow;
    const precinct = store.findPrecinct(result.precinct);
    if (!precinct) {
      problems.push({
        code: 'UNKNOWN_PRECINCT',
        row: precinctRow,
        column: 'precinct',
        message: `Precinct "${result.precinct}" is not a precinct of ${county}.`,
        sentence: `${fileName} has results for precinct "${result.precinct}", which is not a precinct of ${county}. Nothing was imported.`,
      });
    } else if (result.precinctDelegates !== null && result.precinctDelegates !== precinct.delegates) {
      problems.push({
        code: 'DELEGATES_DIFFER',
        row: precinctRow,
        column: 'precinct_delegates',
        message: `Precinct ${result.precinct} elects ${result.precinctDelegates} delegates here, but ${precinct.delegates} in the county setup.`,
        sentence: `${fileName} says precinct ${result.precinct} elects ${result.precinctDelegates} delegates, but the county setup says ${precinct.delegates}. Nothing was imported; check which is right.`,
      });
    }
    for (const name of new Set((result.coinTosses ?? []).flatMap((toss) => toss.tied))) {
      if (!candidates.has(name)) {
        problems.push({
          code: 'UNKNOWN_CANDIDATE',
          row: precinctRow,
          column: 'coin_tosses',
          message: `A coin toss in precinct ${result.precinct} names "${name}", who is not on this county's ballot.`,
          sentence: `${fileName} records a coin toss for "${name}" in precinct ${result.precinct}, who is not on this county's ballot. Nothing was imported.`,
        });
      }
    }
    result.lines.forEach((line, lineIndex) => {
      const row = lineRow(lineIndex);
      if (!candidates.has(line.candidate)) {
        problems.push({
          code: 'UNKNOWN_CANDIDATE',
          row,
          column: 'candidate',
          message: `Candidate "${line.candidate}" (precinct ${result.precinct}) is not on this county's ballot.`,
          sentence: `${fileName} lists candidate "${line.candidate}" in precinct ${result.precinct}, who is not on this county's ballot. Nothing was imported.`,
        });
      }
      for (const [label, column, value] of [
        ['first alignment', 'first_alignment', line.firstAlignment],
        ['final alignment', 'final_alignment', line.finalAlignment],
        ['delegates awarded', 'delegates_awarded', line.delegatesAwarded],
      ] as const) {
        if (value !== null && !isCount(value)) {
          const why = value < 0 ? 'a count cannot be negative' : 'it is not a whole number of people';
          problems.push({
            code: 'INVALID_COUNT',
            row,
            column,
            message: `The ${label} for ${line.candidate} in precinct ${result.precinct} is ${value}: ${why}.`,
            sentence: `${fileName}: the ${label} for ${line.candidate} in precinct ${result.precinct} is ${value}, ${value < 0 ? 'and a count cannot be negative' : 'which is not a whole number of people'}. Nothing was imported.`,
          });
        }
      }
      if (line.sde !== null && !(line.sde >= 0)) {
        problems.push({
          code: 'INVALID_COUNT',
          row,
          column: 'sde',
          message: `The SDEs for ${line.candidate} in precinct ${result.precinct} are negative.`,
          sentence: `${fileName}: the SDEs for ${line.candidate} in precinct ${result.precinct} are negative. Nothing was imported.`,
        });
      }
    });
  });
  return problems;
}
