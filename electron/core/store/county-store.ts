import type Database from 'better-sqlite3';
import type { AuditAction } from '../audit-log/actions';
import { auditEntryHash, GENESIS_HASH } from '../audit-log/chain';
import type { AuditEntry } from '../model/audit-entry';
import type { CountySetupInput } from '../model/county';
import type { ReportSource } from '../model/report';
import type { RulesProfileId } from '../model/rules-profile';
import type { Result } from '../result';
import { migrate, type OpenDatabaseOptions, openDatabase, type SqliteDatabase } from './database';
import { cachedStatement, keepDatabase } from './database-of';

export interface ElectionRow {
  readonly county: string;
  readonly name: string;
  readonly date: string;
  readonly rulesProfile: RulesProfileId;
  readonly sdePerDelegate: number;
  readonly createdAt: string;
}

export interface PrecinctRecord {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly delegates: number;
  readonly chairEmail: string | null;
}

export interface CandidateRecord {
  readonly id: number;
  readonly name: string;
  readonly ballotOrder: number;
}

export interface CountRecord {
  readonly candidateId: number;
  readonly firstAlignment: number | null;
  readonly finalAlignment: number | null;
  readonly delegatesAwarded: number | null;
  readonly sde: number | null;
}

export interface CoinTossRecord {
  readonly members: readonly { readonly candidateId: number; readonly won: boolean }[];
}

export interface NewReport {
  readonly precinctId: number;
  readonly source: ReportSource;
  readonly operator: string;
  readonly receivedAt: string;
  readonly importFileId: number | null;
  readonly content: string;
  readonly sha256: string;
  readonly supersedesId: number | null;
  readonly counts: readonly CountRecord[];
  readonly coinTosses: readonly CoinTossRecord[];
}

export interface StoredReport extends NewReport {
  readonly id: number;
  readonly fileName: string | null;
}

export interface NewImportFile {
  readonly sha256: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly source: ReportSource;
  readonly operator: string;
  readonly receivedAt: string;
}

export interface NewAuditEntry {
  readonly at: string;
  readonly operator: string;
  readonly action: AuditAction;
  readonly payload: unknown;
}

/** SQLite's default: a checkpoint once the WAL holds this many pages. */
const DEFAULT_CHECKPOINT_PAGES = 1000;
/** During a bulk write: 64 MB of WAL at 4 KB pages. */
const DEFERRED_CHECKPOINT_PAGES = 16384;

/**
 * The county database. All SQL of the app lives in this folder; callers get plain records.
 */
export class CountyStore {
  /**
   * Private: the store's own modules reach it through database-of.ts, nothing else does. TypeScript's
   * `private`, not a `#` field: Electronegativity's parser cannot read `#` fields, and a main process it
   * cannot read would hide the window's navigation and permission guards from the security check.
   */
  private readonly connection: SqliteDatabase;

  private constructor(
    db: SqliteDatabase,
    /** The database file. */
    readonly path: string,
  ) {
    this.connection = db;
    keepDatabase(this, db);
  }

  static open(path: string, options: OpenDatabaseOptions = {}, now: () => Date = () => new Date()): CountyStore {
    const db = openDatabase(path, options);
    const store = new CountyStore(db, path);
    if (options.readonly) return store;
    const applied = migrate(db);
    for (const migration of applied) {
      store.appendAudit({
        at: now().toISOString(),
        operator: 'system',
        action: 'database.migrated',
        payload: { version: migration.version, name: migration.name },
      });
    }
    return store;
  }

  close(): void {
    this.connection.close();
  }

  private committedListener: ((head: { readonly seq: number; readonly hash: string }) => void) | null = null;
  private lastCommittedSeq = 0;

  /**
   * `listener` hears the audit chain's newest entry after every committed change that added to the
   * chain: the chain head file beside the database is written from it (integrity/chain-head-file.ts).
   */
  onCommitted(listener: (head: { readonly seq: number; readonly hash: string }) => void): void {
    this.committedListener = listener;
    this.lastCommittedSeq = 0;
    this.notifyCommitted();
  }

  /** The audit chain's newest entry: what the chain head file and a backup's record hold. */
  chainHead(): { readonly seq: number; readonly hash: string } | null {
    const head = this.statement('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    return head ?? null;
  }

  private notifyCommitted(): void {
    if (!this.committedListener || this.connection.inTransaction) return;
    const head = this.chainHead();
    if (!head || head.seq === this.lastCommittedSeq) return;
    this.lastCommittedSeq = head.seq;
    this.committedListener(head);
  }

  /** False once closed. */
  get isOpen(): boolean {
    return this.connection.open;
  }

  /** True inside a transaction (a caller may then leave caching to the transaction's end). */
  get inTransaction(): boolean {
    return this.connection.inTransaction;
  }

  /** SQLite's own check of every page and index: 'ok', or what it found wrong. */
  integrityCheck(): string {
    return String(this.connection.pragma('integrity_check', { simple: true }));
  }

  private statement(sql: string): Database.Statement {
    return cachedStatement(this, sql);
  }

  /**
   * Runs `work` in one transaction; an error value rolls everything back, so a failed action
   * leaves nothing half written.
   */
  transaction<T, E>(work: () => Result<T, E>): Result<T, E> {
    let outcome: Result<T, E> | undefined;
    const rollback = new Error('rollback requested by an error result');
    try {
      this.connection
        .transaction(() => {
          outcome = work();
          if (!outcome.ok) throw rollback;
        })
        .immediate();
    } catch (error) {
      if (error !== rollback) throw error;
    }
    this.notifyCommitted();
    return outcome as Result<T, E>;
  }

  /**
   * Runs asynchronous `work` in one write transaction (BEGIN IMMEDIATE ... COMMIT): the store's
   * synchronous transactions inside it nest as savepoints, so all of it commits or none. A throw
   * rolls back. Nothing else may write meanwhile: `work` should await only the store's own calls.
   */
  async transactionImmediate<T>(work: () => Promise<T>): Promise<T> {
    this.connection.exec('BEGIN IMMEDIATE');
    try {
      const result = await work();
      this.connection.exec('COMMIT');
      this.notifyCommitted();
      return result;
    } catch (error) {
      if (this.connection.inTransaction) this.connection.exec('ROLLBACK');
      throw error;
    }
  }

  private checkpointsDeferred = 0;

  /**
   * Runs a bulk write (an import of many files) with the WAL's automatic checkpoints put off to its
   * end. Every commit is still durable in the WAL (synchronous=FULL); what is saved is copying the
   * same pages into the database file, with two more fsyncs, every 4 MB of WAL: a 2,000-file
   * import made some 25 checkpoints, now one (npm run bench).
   */
  async withCheckpointsDeferred<T>(work: () => Promise<T>): Promise<T> {
    if (this.checkpointsDeferred++ === 0) this.connection.pragma(`wal_autocheckpoint = ${DEFERRED_CHECKPOINT_PAGES}`);
    try {
      return await work();
    } finally {
      if (--this.checkpointsDeferred === 0 && this.connection.open) {
        this.connection.pragma(`wal_autocheckpoint = ${DEFAULT_CHECKPOINT_PAGES}`);
        if (!this.connection.inTransaction) this.connection.pragma('wal_checkpoint(PASSIVE)');
      }
    }
  }

  getElection(): ElectionRow | null {
    const row = this.statement(
      `SELECT county, name, date, rules_profile AS rulesProfile, sde_per_delegate AS sdePerDelegate,
                created_at AS createdAt
           FROM election WHERE id = 1`,
    ).get() as ElectionRow | undefined;
    return row ?? null;
  }

  createCounty(setup: CountySetupInput, createdAt: string): void {
    this.statement(
      `INSERT INTO election (id, county, name, date, rules_profile, sde_per_delegate, created_at)
         VALUES (1, ?, ?, ?, ?, ?, ?)`,
    ).run(setup.county, setup.name, setup.date, setup.rulesProfile, setup.sdePerDelegate, createdAt);
    const insertPrecinct = this.statement(
      'INSERT INTO precinct (code, name, delegates, chair_email, list_order) VALUES (?, ?, ?, ?, ?)',
    );
    setup.precincts.forEach((precinct, index) => {
      insertPrecinct.run(precinct.code, precinct.name, precinct.delegates, precinct.chairEmail ?? null, index + 1);
    });
    const insertCandidate = this.statement('INSERT INTO candidate (name, ballot_order) VALUES (?, ?)');
    setup.candidates.forEach((name, index) => {
      insertCandidate.run(name, index + 1);
    });
  }

  listPrecincts(): PrecinctRecord[] {
    return this.statement(
      'SELECT id, code, name, delegates, chair_email AS chairEmail FROM precinct ORDER BY list_order',
    ).all() as PrecinctRecord[];
  }

  findPrecinct(code: string): PrecinctRecord | null {
    const row = this.statement(
      'SELECT id, code, name, delegates, chair_email AS chairEmail FROM precinct WHERE code = ?',
    ).get(code) as PrecinctRecord | undefined;
    return row ?? null;
  }

  listCandidates(): CandidateRecord[] {
    return this.statement(
      'SELECT id, name, ballot_order AS ballotOrder FROM candidate ORDER BY ballot_order',
    ).all() as CandidateRecord[];
  }

  findImportFile(sha256: string): { id: number; fileName: string; receivedAt: string } | null {
    const row = this.statement(
      'SELECT id, file_name AS fileName, received_at AS receivedAt FROM import_file WHERE sha256 = ?',
    ).get(sha256) as { id: number; fileName: string; receivedAt: string } | undefined;
    return row ?? null;
  }

  insertImportFile(file: NewImportFile): number {
    const info = this.statement(
      `INSERT INTO import_file (sha256, file_name, bytes, source, operator, received_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(file.sha256, file.fileName, Buffer.from(file.bytes), file.source, file.operator, file.receivedAt);
    return Number(info.lastInsertRowid);
  }

  insertReport(report: NewReport): number {
    const info = this.statement(
      `INSERT INTO report (precinct_id, source, operator, received_at, import_file_id, content, sha256, supersedes_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      report.precinctId,
      report.source,
      report.operator,
      report.receivedAt,
      report.importFileId,
      report.content,
      report.sha256,
      report.supersedesId,
    );
    const reportId = Number(info.lastInsertRowid);
    const insertCount = this.statement(
      `INSERT INTO report_count (report_id, candidate_id, first_alignment, final_alignment, delegates_awarded, sde)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const count of report.counts) {
      insertCount.run(
        reportId,
        count.candidateId,
        count.firstAlignment,
        count.finalAlignment,
        count.delegatesAwarded,
        count.sde,
      );
    }
    const insertToss = this.statement(
      'INSERT INTO report_coin_toss (report_id, toss_index, candidate_id, won) VALUES (?, ?, ?, ?)',
    );
    report.coinTosses.forEach((toss, index) => {
      for (const member of toss.members) insertToss.run(reportId, index, member.candidateId, member.won ? 1 : 0);
    });
    return reportId;
  }

  /** Reports in the order received, with their counts and coin tosses; one precinct or all. */
  listReports(precinctId?: number): StoredReport[] {
    return precinctId === undefined ? this.reportsWhere('', []) : this.reportsWhere('r.precinct_id = ?', [precinctId]);
  }

  /**
   * Reports received after report `afterId` (every report for 0), in the order received. Reports
   * are append-only, so a reader that keeps what it read before needs only these (county-view-cache.ts).
   */
  listReportsAfter(afterId: number): StoredReport[] {
    return this.reportsWhere('r.id > ?', [afterId]);
  }

  /**
   * How many reports have an id up to `throughId`, and the sha256 of that report (null when there
   * is none): what a reader that kept those reports checks before trusting them again (a rolled
   * back id taken by another report, or another database file, shows here).
   */
  reportWatermark(throughId: number): { readonly count: number; readonly sha256: string | null } {
    const row = this.statement(
      `SELECT (SELECT count(*) FROM report WHERE id <= ?) AS count, (SELECT sha256 FROM report WHERE id = ?) AS sha256`,
    ).get(throughId, throughId) as { count: number; sha256: string | null };
    return row;
  }

  private reportsWhere(where: string, args: readonly number[]): StoredReport[] {
    const filter = where ? `WHERE ${where}` : '';
    const reports = this.statement(
      `SELECT r.id, r.precinct_id AS precinctId, r.source, r.operator, r.received_at AS receivedAt,
                r.import_file_id AS importFileId, r.content, r.sha256, r.supersedes_id AS supersedesId,
                f.file_name AS fileName
           FROM report r LEFT JOIN import_file f ON f.id = r.import_file_id
           ${filter} ORDER BY r.id`,
    ).all(...args) as Omit<StoredReport, 'counts' | 'coinTosses'>[];
    if (reports.length === 0) return [];
    const counts = this.statement(
      `SELECT c.report_id AS reportId, c.candidate_id AS candidateId, c.first_alignment AS firstAlignment,
                c.final_alignment AS finalAlignment, c.delegates_awarded AS delegatesAwarded, c.sde
           FROM report_count c JOIN report r ON r.id = c.report_id ${filter}
           ORDER BY c.report_id, c.candidate_id`,
    ).all(...args) as (CountRecord & { reportId: number })[];
    const tosses = this.statement(
      `SELECT t.report_id AS reportId, t.toss_index AS tossIndex, t.candidate_id AS candidateId, t.won
           FROM report_coin_toss t JOIN report r ON r.id = t.report_id ${filter}
           ORDER BY t.report_id, t.toss_index, t.candidate_id`,
    ).all(...args) as { reportId: number; tossIndex: number; candidateId: number; won: number }[];
    const countsByReport = groupBy(counts, (count) => count.reportId);
    const tossesByReport = groupBy(tosses, (toss) => toss.reportId);
    return reports.map((report) => ({
      ...report,
      counts: (countsByReport.get(report.id) ?? []).map(({ reportId: _, ...count }) => count),
      coinTosses: [...groupBy(tossesByReport.get(report.id) ?? [], (toss) => toss.tossIndex).values()].map(
        (members) => ({
          members: members.map((member) => ({ candidateId: member.candidateId, won: member.won === 1 })),
        }),
      ),
    }));
  }

  countReports(): number {
    return (this.statement('SELECT count(*) AS n FROM report').get() as { n: number }).n;
  }

  appendAudit(entry: NewAuditEntry): AuditEntry {
    const head = this.statement('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    const seq = (head?.seq ?? 0) + 1;
    const prevHash = head?.hash ?? GENESIS_HASH;
    const body = { seq, at: entry.at, operator: entry.operator, action: entry.action, payload: entry.payload ?? null };
    const hash = auditEntryHash(prevHash, body);
    this.statement(
      'INSERT INTO audit_log (seq, at, operator, action, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(seq, body.at, body.operator, body.action, JSON.stringify(body.payload), prevHash, hash);
    this.notifyCommitted();
    return { ...body, prevHash, hash };
  }

  /** Newest first. */
  listAudit(limit: number, offset: number): AuditEntry[] {
    const rows = this.statement(
      `SELECT seq, at, operator, action, payload, prev_hash AS prevHash, hash
           FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?`,
    ).all(limit, offset) as (Omit<AuditEntry, 'payload'> & { payload: string })[];
    return rows.map((row) => ({ ...row, payload: JSON.parse(row.payload) as unknown }));
  }

  countAudit(): number {
    return (this.statement('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  }

  /** Oldest first, streamed: a long election night's log need not fit in memory twice. */
  *iterateAudit(): Generator<AuditEntry> {
    // Not from the cache: a cached statement stays busy while an iteration of it is open.
    const rows = this.connection
      .prepare('SELECT seq, at, operator, action, payload, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq')
      .iterate() as IterableIterator<Omit<AuditEntry, 'payload'> & { payload: string }>;
    for (const row of rows) yield { ...row, payload: JSON.parse(row.payload) as unknown };
  }
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
