/**
 * Holds every row that carries the county's numbers against the audit chain and against each
 * report's stored content (docs/SECURITY.md, "Every number in the chain"). The chain itself is
 * verified elsewhere (audit-log/chain.ts); this says whether the rows are still the ones the chain
 * recorded: none changed, none removed, none added behind the app's back.
 */
import { createHash } from 'node:crypto';
import type { AuditEntry } from '../model/audit-entry';
import type { LedgerKind, LedgerRecord, ReportContentRecord } from '../store/ledger-records';
import { ledgerDigest } from './ledger-digest';

/** One thing found wrong, as a sentence for the chair. */
export interface LedgerProblem {
  readonly kind: LedgerKind;
  readonly id: number | null;
  readonly auditSeq: number | null;
  readonly message: string;
}

export type LedgerRecords = Readonly<Record<LedgerKind, readonly LedgerRecord[]>>;

type Payload = Readonly<Record<string, unknown>>;

interface Binding {
  readonly kind: LedgerKind;
  /** The id of the row the entry records; undefined when an older entry did not name it. */
  readonly idOf: (payload: Payload) => unknown;
}

/** Which audit entries record which rows. */
const BINDINGS: Readonly<Record<string, Binding>> = {
  'report.received': { kind: 'report', idOf: (payload) => payload.reportId },
  'discrepancy.resolved': { kind: 'resolution', idOf: (payload) => payload.resolutionId },
  'precinct.certified': { kind: 'certification', idOf: (payload) => payload.certificationId },
  'county.certified': { kind: 'certification', idOf: (payload) => payload.certificationId },
  'certified-result.recounted': { kind: 'certified-change', idOf: (payload) => payload.changeId },
  'certified-result.corrected': { kind: 'certified-change', idOf: (payload) => payload.changeId },
  'audit.hand-tally-entered': { kind: 'hand-tally', idOf: (payload) => payload.tallyId },
};

const WHAT: Readonly<Record<LedgerKind, string>> = {
  report: 'Report',
  resolution: 'Resolution',
  certification: 'Certification',
  'certified-change': 'Recount or correction',
  'hand-tally': 'Audit hand tally',
};

export function checkLedger(
  entries: Iterable<AuditEntry>,
  records: LedgerRecords,
  contents: readonly ReportContentRecord[],
  /** The county's candidates: name -> id, to read a report's content against its count rows. */
  candidateIds: ReadonlyMap<string, number>,
): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const contentById = new Map(contents.map((report) => [report.id, report]));
  const byKind = new Map<LedgerKind, Map<number, LedgerRecord>>();
  for (const [kind, list] of Object.entries(records) as [LedgerKind, readonly LedgerRecord[]][]) {
    byKind.set(kind, new Map(list.map((record) => [record.id, record])));
  }
  const recorded = new Map<LedgerKind, Set<number>>();
  // Older entries did not name their row: a county certification is then the next county row, a
  // recount or correction the row with its report.
  const countyCertifications = (records.certification ?? []).filter((record) => record.values.precinct_id === null);
  let countyCertificationsSeen = 0;

  for (const entry of entries) {
    const binding = BINDINGS[entry.action];
    if (!binding) continue;
    const payload = (entry.payload ?? {}) as Payload;
    const rows = byKind.get(binding.kind) ?? new Map<number, LedgerRecord>();
    let id = binding.idOf(payload);
    if (id === undefined && entry.action === 'county.certified')
      id = countyCertifications[countyCertificationsSeen]?.id;
    if (id === undefined && binding.kind === 'certified-change') {
      id = [...rows.values()].find((record) => record.values.report_id === payload.reportId)?.id;
    }
    if (entry.action === 'county.certified') countyCertificationsSeen++;
    const what = WHAT[binding.kind];
    const record = typeof id === 'number' ? rows.get(id) : undefined;
    if (!record) {
      problems.push({
        kind: binding.kind,
        id: typeof id === 'number' ? id : null,
        auditSeq: entry.seq,
        message: `${what} ${typeof id === 'number' ? `${id} ` : ''}recorded in audit entry ${entry.seq} is no longer in the database: it was deleted behind the app's back.`,
      });
      continue;
    }
    const seen = recorded.get(binding.kind) ?? new Set<number>();
    recorded.set(binding.kind, seen);
    if (seen.has(record.id)) {
      problems.push({
        kind: binding.kind,
        id: record.id,
        auditSeq: entry.seq,
        message: `${what} ${record.id} is recorded twice in the audit log (again in entry ${entry.seq}).`,
      });
    }
    seen.add(record.id);
    const changed =
      typeof payload.numbersSha256 === 'string'
        ? payload.numbersSha256 !== ledgerDigest(record)
        : binding.kind === 'report' && !reportMatchesOlderEntry(record, payload, candidateIds);
    if (changed) {
      problems.push({
        kind: binding.kind,
        id: record.id,
        auditSeq: entry.seq,
        message: `${what} ${record.id}${precinctOf(record, contentById)} was changed in the database after audit entry ${entry.seq} recorded it: its numbers no longer match the audit log.`,
      });
    }
  }

  for (const [kind, rows] of byKind) {
    const seen = recorded.get(kind) ?? new Set<number>();
    for (const record of rows.values()) {
      if (seen.has(record.id)) continue;
      problems.push({
        kind,
        id: record.id,
        auditSeq: null,
        message: `${WHAT[kind]} ${record.id}${precinctOf(record, contentById)} is in the database but not in the audit log: it was added behind the app's back.`,
      });
    }
  }

  const reports = byKind.get('report') ?? new Map<number, LedgerRecord>();
  for (const report of contents) {
    problems.push(...checkReportContent(report, countsByName(reports.get(report.id), candidateIds)));
  }
  return problems;
}

/** A report's stored content is what its sha256 covers, and its counts are the content's numbers. */
export function checkReportContent(
  report: ReportContentRecord,
  counts: ReadonlyMap<string, StoredCount>,
): LedgerProblem[] {
  const where = `Report ${report.id} (precinct ${report.precinct})`;
  const problem = (message: string): LedgerProblem => ({ kind: 'report', id: report.id, auditSeq: null, message });
  if (createHash('sha256').update(report.content).digest('hex') !== report.sha256) {
    return [problem(`${where}: its stored content no longer matches its sha256: the report as received was changed.`)];
  }
  const lines = linesOfContent(report.content);
  if (!lines) return [];
  for (const line of lines) {
    const count = counts.get(line.candidate);
    const differs =
      !count ||
      (['firstAlignment', 'finalAlignment', 'delegatesAwarded', 'sde'] as const).some(
        (field) => typeof line[field] === 'number' && line[field] !== count[field],
      );
    if (differs) {
      return [
        problem(
          `${where}: the counts for ${line.candidate} differ from the report as received: the database was edited.`,
        ),
      ];
    }
  }
  return [];
}

type ContentLine = { readonly candidate: string } & Partial<
  Record<'firstAlignment' | 'finalAlignment' | 'delegatesAwarded' | 'sde', unknown>
>;

/** The candidate lines a report's content carries, for the kinds of content that carry them. */
function linesOfContent(content: string): readonly ContentLine[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return null;
  }
  const document = parsed as {
    kind?: unknown;
    lines?: unknown;
    result?: { lines?: unknown };
    report?: { lines?: unknown };
  };
  const lines =
    document.kind === 'tallyroom.worksheet-entry'
      ? document.lines
      : document.kind === 'tallyroom.precinct-results-row-group'
        ? document.result?.lines
        : document.kind === 'tallyroom.precinct-report'
          ? document.report?.lines
          : undefined;
  if (!Array.isArray(lines)) return null;
  return lines.filter(
    (line): line is ContentLine => typeof line === 'object' && line !== null && typeof line.candidate === 'string',
  );
}

/** An entry written before entries carried numbersSha256: its report's sha256 and lines. */
function reportMatchesOlderEntry(
  record: LedgerRecord,
  payload: Payload,
  candidateIds: ReadonlyMap<string, number>,
): boolean {
  if (payload.sha256 !== record.values.sha256) return false;
  if (!Array.isArray(payload.lines)) return true;
  const counts = countsByName(record, candidateIds);
  return (payload.lines as ContentLine[]).every((line) => {
    const count = counts.get(line.candidate);
    return (
      count !== undefined &&
      (['firstAlignment', 'finalAlignment', 'delegatesAwarded', 'sde'] as const).every(
        (field) => line[field] === undefined || line[field] === count[field],
      )
    );
  });
}

function precinctOf(record: LedgerRecord, contentById: ReadonlyMap<number, ReportContentRecord>): string {
  if (record.kind !== 'report') return '';
  const report = contentById.get(record.id);
  return report ? ` (precinct ${report.precinct})` : '';
}

interface StoredCount {
  readonly firstAlignment: unknown;
  readonly finalAlignment: unknown;
  readonly delegatesAwarded: unknown;
  readonly sde: unknown;
}

/** A report record's count rows by candidate name. */
function countsByName(
  record: LedgerRecord | undefined,
  candidateIds: ReadonlyMap<string, number>,
): Map<string, StoredCount> {
  const rows = (record?.values.counts ?? []) as readonly Readonly<Record<string, unknown>>[];
  const byId = new Map(rows.map((row) => [row.candidate_id, row]));
  const counts = new Map<string, StoredCount>();
  for (const [name, id] of candidateIds) {
    const row = byId.get(id);
    if (row) {
      counts.set(name, {
        firstAlignment: row.first_alignment,
        finalAlignment: row.final_alignment,
        delegatesAwarded: row.delegates_awarded,
        sde: row.sde,
      });
    }
  }
  return counts;
}
