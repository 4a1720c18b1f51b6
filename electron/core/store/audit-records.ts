/** SQL of the risk-limiting audit (migration 009): audits, rounds, tickets, hand tallies, measurements. */
import type { AuditStatus } from '../model/risk-limiting-audit';
import type { RulesProfileId } from '../model/rules-profile';
import type { CountyStore } from './county-store';
import { databaseOf } from './database-of';

/** A round draws a sample, or counts every precinct by hand. */
export const AUDIT_ROUND_KINDS = ['sample', 'full-hand-count'] as const;

/** What a measured round decided: the audit's statuses once every hand tally of the round is in. */
export const MEASUREMENT_VERDICTS = [
  'confirmed',
  'another-round',
  'full-hand-count',
  'outcome-changed',
  'hand-count-tied',
] as const satisfies readonly AuditStatus[];

export interface RlaAuditRecord {
  readonly id: number;
  readonly contest: string;
  readonly rulesProfile: RulesProfileId;
  /** As entered, e.g. "10" for 10%. */
  readonly riskLimitPercent: string;
  readonly seed: string;
  readonly seedNote: string | null;
  readonly seedEnteredBy: string;
  readonly seedEnteredAt: string;
  readonly reportedSha256: string;
}

/** A precinct's reported result as the audit took it: the certified report and its ballots. */
export interface RlaBatchRecord {
  readonly precinctId: number;
  readonly precinct: string;
  readonly reportId: number;
  readonly ballots: number;
}

export interface RlaRoundRecord {
  readonly id: number;
  readonly round: number;
  readonly kind: (typeof AUDIT_ROUND_KINDS)[number];
  readonly sampleSize: number;
  readonly drawnBy: string;
  readonly drawnAt: string;
  readonly tickets: readonly RlaTicketRecord[];
}

export interface RlaTicketRecord {
  readonly ticket: number;
  readonly precinct: string;
  readonly random: string | null;
  readonly digest: string | null;
}

export interface RlaHandTallyRecord {
  readonly id: number;
  readonly precinct: string;
  readonly ballots: number | null;
  readonly enteredBy: string;
  readonly enteredAt: string;
  readonly replacesId: number | null;
  readonly reason: string | null;
  /** Count per candidate name. */
  readonly counts: ReadonlyMap<string, number>;
}

export interface RlaMeasurementRecord {
  readonly id: number;
  readonly round: number;
  readonly pValue: number;
  readonly riskExact: string | null;
  readonly confirmed: boolean;
  readonly verdict: string;
  readonly nextRoundDraws: number | null;
  readonly throughTallyId: number | null;
  readonly measuredBy: string;
  readonly measuredAt: string;
}

const AUDIT_COLUMNS = `id, contest, rules_profile AS rulesProfile, risk_limit_percent AS riskLimitPercent, seed,
  seed_note AS seedNote, seed_entered_by AS seedEnteredBy, seed_entered_at AS seedEnteredAt,
  reported_sha256 AS reportedSha256`;

export function insertAudit(
  store: CountyStore,
  audit: Omit<RlaAuditRecord, 'id'>,
  batches: readonly Omit<RlaBatchRecord, 'precinct'>[],
): number {
  const info = databaseOf(store)
    .prepare(
      `INSERT INTO rla_audit (contest, rules_profile, risk_limit_percent, seed, seed_note, seed_entered_by,
         seed_entered_at, reported_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      audit.contest,
      audit.rulesProfile,
      audit.riskLimitPercent,
      audit.seed,
      audit.seedNote,
      audit.seedEnteredBy,
      audit.seedEnteredAt,
      audit.reportedSha256,
    );
  const id = Number(info.lastInsertRowid);
  const insertBatch = databaseOf(store).prepare(
    'INSERT INTO rla_audit_batch (audit_id, precinct_id, report_id, ballots) VALUES (?, ?, ?, ?)',
  );
  for (const batch of batches) insertBatch.run(id, batch.precinctId, batch.reportId, batch.ballots);
  return id;
}

/** The newest audit, or the one asked for; null when there is none. */
export function findAudit(store: CountyStore, id?: number): RlaAuditRecord | null {
  const row = (
    id === undefined
      ? databaseOf(store).prepare(`SELECT ${AUDIT_COLUMNS} FROM rla_audit ORDER BY id DESC LIMIT 1`).get()
      : databaseOf(store).prepare(`SELECT ${AUDIT_COLUMNS} FROM rla_audit WHERE id = ?`).get(id)
  ) as RlaAuditRecord | undefined;
  return row ?? null;
}

export function findAuditByFingerprint(store: CountyStore, reportedSha256: string): RlaAuditRecord | null {
  const row = databaseOf(store)
    .prepare(`SELECT ${AUDIT_COLUMNS} FROM rla_audit WHERE reported_sha256 = ? ORDER BY id LIMIT 1`)
    .get(reportedSha256) as RlaAuditRecord | undefined;
  return row ?? null;
}

export function listAuditBatches(store: CountyStore, auditId: number): RlaBatchRecord[] {
  return databaseOf(store)
    .prepare(
      `SELECT b.precinct_id AS precinctId, p.code AS precinct, b.report_id AS reportId, b.ballots
         FROM rla_audit_batch b JOIN precinct p ON p.id = b.precinct_id
        WHERE b.audit_id = ? ORDER BY p.list_order`,
    )
    .all(auditId) as RlaBatchRecord[];
}

export function insertRound(
  store: CountyStore,
  auditId: number,
  round: Omit<RlaRoundRecord, 'id' | 'tickets'>,
  tickets: readonly (Omit<RlaTicketRecord, 'precinct'> & { readonly precinctId: number })[],
): number {
  const info = databaseOf(store)
    .prepare('INSERT INTO rla_round (audit_id, round, kind, sample_size, drawn_by, drawn_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(auditId, round.round, round.kind, round.sampleSize, round.drawnBy, round.drawnAt);
  const roundId = Number(info.lastInsertRowid);
  const insertTicket = databaseOf(store).prepare(
    'INSERT INTO rla_ticket (round_id, ticket, precinct_id, random, digest) VALUES (?, ?, ?, ?, ?)',
  );
  for (const ticket of tickets)
    insertTicket.run(roundId, ticket.ticket, ticket.precinctId, ticket.random, ticket.digest);
  return roundId;
}

/** Rounds in order, each with its tickets in draw order. */
export function listRounds(store: CountyStore, auditId: number): RlaRoundRecord[] {
  const rounds = databaseOf(store)
    .prepare(
      `SELECT id, round, kind, sample_size AS sampleSize, drawn_by AS drawnBy, drawn_at AS drawnAt
         FROM rla_round WHERE audit_id = ? ORDER BY round`,
    )
    .all(auditId) as Omit<RlaRoundRecord, 'tickets'>[];
  const tickets = databaseOf(store)
    .prepare(
      `SELECT t.round_id AS roundId, t.ticket, p.code AS precinct, t.random, t.digest
         FROM rla_ticket t JOIN rla_round r ON r.id = t.round_id JOIN precinct p ON p.id = t.precinct_id
        WHERE r.audit_id = ? ORDER BY t.ticket`,
    )
    .all(auditId) as (RlaTicketRecord & { roundId: number })[];
  return rounds.map((round) => ({
    ...round,
    tickets: tickets.filter((ticket) => ticket.roundId === round.id).map(({ roundId: _, ...ticket }) => ticket),
  }));
}

export function insertHandTally(
  store: CountyStore,
  auditId: number,
  tally: Omit<RlaHandTallyRecord, 'id' | 'precinct' | 'counts'> & {
    readonly precinctId: number;
    readonly counts: readonly { readonly candidateId: number; readonly count: number }[];
  },
): number {
  const info = databaseOf(store)
    .prepare(
      `INSERT INTO rla_hand_tally (audit_id, precinct_id, ballots, entered_by, entered_at, replaces_id, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(auditId, tally.precinctId, tally.ballots, tally.enteredBy, tally.enteredAt, tally.replacesId, tally.reason);
  const id = Number(info.lastInsertRowid);
  const insertCount = databaseOf(store).prepare(
    'INSERT INTO rla_hand_tally_count (tally_id, candidate_id, count) VALUES (?, ?, ?)',
  );
  for (const count of tally.counts) insertCount.run(id, count.candidateId, count.count);
  return id;
}

/** Every hand tally of the audit as entered, oldest first (corrections included). */
export function listHandTallies(store: CountyStore, auditId: number): RlaHandTallyRecord[] {
  const tallies = databaseOf(store)
    .prepare(
      `SELECT t.id, p.code AS precinct, t.ballots, t.entered_by AS enteredBy, t.entered_at AS enteredAt,
              t.replaces_id AS replacesId, t.reason
         FROM rla_hand_tally t JOIN precinct p ON p.id = t.precinct_id
        WHERE t.audit_id = ? ORDER BY t.id`,
    )
    .all(auditId) as Omit<RlaHandTallyRecord, 'counts'>[];
  const counts = databaseOf(store)
    .prepare(
      `SELECT c.tally_id AS tallyId, k.name AS candidate, c.count
         FROM rla_hand_tally_count c JOIN rla_hand_tally t ON t.id = c.tally_id JOIN candidate k ON k.id = c.candidate_id
        WHERE t.audit_id = ? ORDER BY c.tally_id, k.ballot_order`,
    )
    .all(auditId) as { tallyId: number; candidate: string; count: number }[];
  return tallies.map((tally) => ({
    ...tally,
    counts: new Map(counts.filter((row) => row.tallyId === tally.id).map((row) => [row.candidate, row.count])),
  }));
}

export function insertMeasurement(
  store: CountyStore,
  auditId: number,
  measurement: Omit<RlaMeasurementRecord, 'id'>,
): number {
  const info = databaseOf(store)
    .prepare(
      `INSERT INTO rla_measurement (audit_id, round, p_value, risk_exact, confirmed, verdict, next_round_draws,
         through_tally_id, measured_by, measured_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      auditId,
      measurement.round,
      measurement.pValue,
      measurement.riskExact,
      measurement.confirmed ? 1 : 0,
      measurement.verdict,
      measurement.nextRoundDraws,
      measurement.throughTallyId,
      measurement.measuredBy,
      measurement.measuredAt,
    );
  return Number(info.lastInsertRowid);
}

export function listMeasurements(store: CountyStore, auditId: number): RlaMeasurementRecord[] {
  const rows = databaseOf(store)
    .prepare(
      `SELECT id, round, p_value AS pValue, risk_exact AS riskExact, confirmed, verdict,
              next_round_draws AS nextRoundDraws, through_tally_id AS throughTallyId,
              measured_by AS measuredBy, measured_at AS measuredAt
         FROM rla_measurement WHERE audit_id = ? ORDER BY id`,
    )
    .all(auditId) as (Omit<RlaMeasurementRecord, 'confirmed'> & { confirmed: number })[];
  return rows.map((row) => ({ ...row, confirmed: row.confirmed === 1 }));
}
