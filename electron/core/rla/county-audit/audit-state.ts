import { toReportView } from '../../county/county-view';
import { type AppError, ok, type Result } from '../../result';
import type { RlaAuditRecord, RlaBatchRecord, RlaHandTallyRecord, RlaRoundRecord } from '../../store/audit-records';
import { findAudit, listAuditBatches, listHandTallies, listRounds } from '../../store/audit-records';
import type { CountyStore } from '../../store/county-store';
import type { AuditCounty, AuditPrecinct } from '../audit/audit-results-file';
import { assessRounds, type HandTallies, type RoundDraw, type RoundsAssessment } from '../audit/audit-rounds';
import { countyContest } from '../audit/county-contest';
import { type ContestPlan, planContest } from '../audit/plan-audit';
import { riskLimitAlpha } from '../audit/risk-limit';
import type { Rational } from '../math/rational';

/** Everything known about one audit, read from the store and recomputed (nothing derived is stored). */
export interface AuditState {
  readonly audit: RlaAuditRecord;
  readonly alpha: Rational;
  /** The reported results as the audit took them (the certified reports it started from). */
  readonly reported: AuditCounty;
  /** Per precinct: the certified report whose numbers the audit took. */
  readonly batchReportIds: ReadonlyMap<string, number>;
  readonly plan: ContestPlan;
  readonly rounds: readonly RlaRoundRecord[];
  readonly roundDraws: readonly RoundDraw[];
  /** Every tally entered, corrections included, oldest first. */
  readonly allTallies: readonly RlaHandTallyRecord[];
  /** The standing tally per precinct: the newest of its chain of corrections. */
  readonly tallies: ReadonlyMap<string, RlaHandTallyRecord>;
  /** Precincts drawn in some round and not hand tallied yet, in draw order. */
  readonly awaiting: readonly string[];
  /** Null until a round is drawn and every drawn precinct has its hand tally. */
  readonly assessment: RoundsAssessment | null;
}

/** The newest audit (or the one named) and where it stands; null when none was started. */
export function loadAuditState(store: CountyStore, auditId?: number): Result<AuditState | null, AppError> {
  const audit = findAudit(store, auditId);
  if (!audit) return ok(null);
  const alpha = riskLimitAlpha(audit.riskLimitPercent);
  if (!alpha.ok) return alpha;
  const batches = listAuditBatches(store, audit.id);
  const reported = snapshotOf(store, audit, batches);
  const built = countyContest(reported);
  if (!built.ok) return built;
  const plan = planContest(built.value.contest, built.value.batches, alpha.value, audit.seed);
  const rounds = listRounds(store, audit.id);
  const roundDraws: RoundDraw[] = rounds.map((round) => ({
    round: round.round,
    kind: round.kind,
    sampleSize: round.sampleSize,
    tickets: round.tickets.map((ticket) => ({
      ticket: ticket.ticket,
      batch: ticket.precinct,
      random: ticket.random,
      digest: ticket.digest,
    })),
  }));
  const allTallies = listHandTallies(store, audit.id);
  const replaced = new Set(allTallies.map((tally) => tally.replacesId).filter((id) => id !== null));
  const tallies = new Map(
    allTallies.filter((tally) => !replaced.has(tally.id)).map((tally) => [tally.precinct, tally] as const),
  );
  const drawn = [...new Set(roundDraws.flatMap((round) => round.tickets.map((ticket) => ticket.batch)))];
  const awaiting = drawn.filter((precinct) => !tallies.has(precinct));
  let assessment: RoundsAssessment | null = null;
  if (roundDraws.length > 0 && awaiting.length === 0) {
    const assessed = assessRounds({ alpha: alpha.value, plan, rounds: roundDraws, tallies: countsOf(tallies) });
    if (!assessed.ok) return assessed;
    assessment = assessed.value;
  }
  return ok({
    audit,
    alpha: alpha.value,
    reported,
    batchReportIds: new Map(batches.map((batch) => [batch.precinct, batch.reportId])),
    plan,
    rounds,
    roundDraws,
    allTallies,
    tallies,
    awaiting,
    assessment,
  });
}

export function countsOf(tallies: ReadonlyMap<string, RlaHandTallyRecord>): HandTallies {
  return new Map([...tallies].map(([precinct, tally]) => [precinct, tally.counts]));
}

/** The audited reported results, rebuilt from the certified reports the audit recorded at its start. */
function snapshotOf(store: CountyStore, audit: RlaAuditRecord, batches: readonly RlaBatchRecord[]): AuditCounty {
  const candidates = store.listCandidates();
  const names = candidates.map((candidate) => candidate.name);
  const reports = new Map(store.listReports().map((report) => [report.id, report]));
  const precincts: AuditPrecinct[] = batches.map((batch) => {
    const stored = reports.get(batch.reportId);
    const lines = stored ? toReportView(stored, candidates).lines : [];
    const counts = new Map(
      names.map((name) => {
        const line = lines.find((entry) => entry.candidate === name);
        const count =
          audit.rulesProfile === 'plurality' ? (line?.firstAlignment ?? line?.finalAlignment) : line?.finalAlignment;
        return [name, count ?? 0];
      }),
    );
    return { precinct: batch.precinct, counts, ballots: batch.ballots };
  });
  return { county: audit.contest, candidates: names, precincts };
}
