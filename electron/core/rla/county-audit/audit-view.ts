import type {
  AuditCandidateCount,
  AuditHandTallyView,
  AuditMeasurementView,
  AuditSampledPrecinct,
  AuditStatus,
  AuditView,
} from '../../model/risk-limiting-audit';
import type { RlaHandTallyRecord, RlaMeasurementRecord } from '../../store/audit-records';
import type { RoundsAssessment } from '../audit/audit-rounds';
import { verdictSentence } from '../audit/verdict';
import { isInfinite } from '../math/bound';
import { type DrawMeasurement, measureRisk } from '../math/measured-risk';
import { integer, toFractionText, toNumber } from '../math/rational';
import { decimalText } from '../report/report-figures';
import type { AuditState } from './audit-state';

/** The audit as the app shows it; `names` gives each precinct's name, `currentSha256` the results' fingerprint now. */
export function auditView(
  state: AuditState,
  names: ReadonlyMap<string, string>,
  measurements: readonly RlaMeasurementRecord[],
  currentSha256: string | null,
): AuditView {
  const { audit, plan, rounds, assessment } = state;
  const current = assessment ? measurementView(state, assessment, rounds.length, null) : null;
  const status: AuditStatus =
    rounds.length === 0 ? 'ready-to-draw' : state.awaiting.length > 0 ? 'counting' : (current?.verdict ?? 'counting');
  const history = measurements.map(storedMeasurementView);
  return {
    id: audit.id,
    contest: audit.contest,
    rulesProfile: audit.rulesProfile,
    riskLimitPercent: Number(audit.riskLimitPercent),
    seed: audit.seed,
    seedNote: audit.seedNote,
    seedEnteredBy: audit.seedEnteredBy,
    seedEnteredAt: audit.seedEnteredAt,
    reportedSha256: audit.reportedSha256,
    resultsChangedSince: currentSha256 !== audit.reportedSha256,
    candidates: state.reported.candidates,
    winners: plan.contest.winners,
    U: isInfinite(plan.totalErrorBound) ? null : toNumber(plan.totalErrorBound),
    UExact: isInfinite(plan.totalErrorBound) ? null : toFractionText(plan.totalErrorBound),
    firstRoundSize: plan.sampleSize.draws,
    precinctCount: plan.batches.length,
    status,
    fullHandCount: status === 'full-hand-count' || rounds.some((round) => round.kind === 'full-hand-count'),
    statusText: statusText(state, status, current),
    rounds: rounds.map((round) => {
      const stored = measurements.filter((entry) => entry.round === round.round).at(-1);
      return {
        round: round.round,
        kind: round.kind,
        sampleSize: round.sampleSize,
        drawnBy: round.drawnBy,
        drawnAt: round.drawnAt,
        tickets: round.tickets.map((ticket) => ({ ...ticket, precinctName: names.get(ticket.precinct) ?? '' })),
        measurement: stored ? storedMeasurementView(stored) : null,
      };
    }),
    sampled: sampledPrecincts(state, names),
    awaiting: state.awaiting,
    current,
    history,
  };
}

export function measurementView(
  state: AuditState,
  assessment: RoundsAssessment,
  round: number,
  stored: { measuredBy: string; measuredAt: string } | null,
): AuditMeasurementView {
  const { measurement, verdict } = assessment;
  const drawn = new Set(state.roundDraws.flatMap((entry) => entry.tickets.map((ticket) => ticket.batch)));
  const riskExact =
    measurement.kind === 'measured' && !isInfinite(measurement.risk) ? toFractionText(measurement.risk) : null;
  return {
    round,
    pValue: measurement.pValue,
    riskExact,
    confirmed: verdict.kind === 'confirmed',
    verdict: verdict.kind,
    verdictText: verdictSentence(verdict),
    nextRoundDraws:
      verdict.kind === 'another-round'
        ? verdict.draws
        : verdict.kind === 'full-hand-count'
          ? state.plan.batches.length - drawn.size
          : null,
    measuredBy: stored?.measuredBy ?? null,
    measuredAt: stored?.measuredAt ?? null,
  };
}

function storedMeasurementView(entry: RlaMeasurementRecord): AuditMeasurementView {
  const verdict = entry.verdict as AuditMeasurementView['verdict'];
  return {
    round: entry.round,
    pValue: entry.pValue,
    riskExact: entry.riskExact,
    confirmed: entry.confirmed,
    verdict,
    verdictText: VERDICT_WORDS[verdict],
    nextRoundDraws: entry.nextRoundDraws,
    measuredBy: entry.measuredBy,
    measuredAt: entry.measuredAt,
  };
}

const VERDICT_WORDS: Record<AuditMeasurementView['verdict'], string> = {
  confirmed: 'outcome confirmed at the risk limit',
  'another-round': 'another round needed',
  'full-hand-count': 'full hand count needed',
  'outcome-changed': 'the full hand count changes the outcome',
  'hand-count-tied': 'the full hand count is a tie: settle it as the rules say',
};

function statusText(state: AuditState, status: AuditStatus, current: AuditMeasurementView | null): string {
  const limit = `${state.audit.riskLimitPercent}%`;
  switch (status) {
    case 'ready-to-draw':
      return state.plan.sampleSize.kind === 'full-hand-count'
        ? 'The seed is fixed. The margin is too small to sample: the first round is a full hand count of every precinct.'
        : `The seed is fixed. Draw the first round: ${state.plan.sampleSize.draws} draws from the seed.`;
    case 'counting':
      return `Hand count the sampled precincts: ${state.awaiting.length} still to enter.`;
    case 'confirmed':
      return current?.pValue === 0
        ? 'Every precinct was hand counted and the hand count confirms the reported winner.'
        : `The reported outcome is confirmed at the ${limit} risk limit (measured risk ${current?.pValue.toPrecision(4)}). The audit can stop.`;
    case 'another-round':
      return `The measured risk (${current?.pValue.toPrecision(4)}) is above the ${limit} limit: escalate with another round of ${current?.nextRoundDraws} draws.`;
    case 'full-hand-count':
      return `Only a full hand count can settle the outcome now: escalate to the ${current?.nextRoundDraws} precincts not yet counted.`;
    case 'outcome-changed':
    case 'hand-count-tied':
      return `${current?.verdictText ?? ''}.`.replace(/^./, (first) => first.toUpperCase());
  }
}

function sampledPrecincts(state: AuditState, names: ReadonlyMap<string, string>): AuditSampledPrecinct[] {
  const order: string[] = [];
  const tickets = new Map<string, number[]>();
  const firstRound = new Map<string, number>();
  for (const round of state.roundDraws) {
    for (const ticket of round.tickets) {
      if (!tickets.has(ticket.batch)) {
        order.push(ticket.batch);
        tickets.set(ticket.batch, []);
        firstRound.set(ticket.batch, round.round);
      }
      tickets.get(ticket.batch)?.push(ticket.ticket);
    }
  }
  const perPrecinct = perPrecinctDiscrepancies(state);
  const reportOf = new Map(state.reported.precincts.map((precinct) => [precinct.precinct, precinct]));
  return order.map((precinct) => {
    const tally = state.tallies.get(precinct) ?? null;
    const reported = reportOf.get(precinct);
    const measured = perPrecinct.get(precinct);
    const taint = measured?.taint ?? null;
    const discrepancy = measured?.discrepancy ?? null;
    return {
      precinct,
      precinctName: names.get(precinct) ?? '',
      tickets: tickets.get(precinct) ?? [],
      firstRound: firstRound.get(precinct) ?? 1,
      reportId: state.batchReportIds.get(precinct) ?? 0,
      tally: tally ? tallyView(tally) : null,
      corrections: tally ? correctionsBefore(state.allTallies, tally) : 0,
      reported: tally && reported ? candidateCounts(state.reported.candidates, reported.counts) : null,
      ballots: tally && reported ? reported.ballots : null,
      maxError: decimalText(state.plan.maxErrors.get(precinct) ?? null),
      discrepancyVotes: tally ? (discrepancy ? toNumber(discrepancy.votes) : 0) : null,
      discrepancyPair: tally && discrepancy ? { winner: discrepancy.winner, loser: discrepancy.loser } : null,
      taint: tally && taint ? decimalText(taint) : null,
      taintValue: tally && taint ? toNumber(taint) : null,
    };
  });
}

/** Each tallied precinct's discrepancy and taint, one draw each (the same formulas as the risk). */
function perPrecinctDiscrepancies(state: AuditState): Map<string, DrawMeasurement> {
  const draws = [...state.tallies].map(([precinct, tally], index) => ({
    ticket: index + 1,
    batch: precinct,
    audited: new Map([...tally.counts].map(([candidate, count]) => [candidate, integer(count)])),
  }));
  const known = new Set(state.plan.batches.map((batch) => batch.name));
  const measured = measureRisk({
    alpha: state.alpha,
    contest: state.plan.contest,
    batches: state.plan.batches,
    draws: draws.filter((draw) => known.has(draw.batch)),
  });
  return new Map(measured.draws.map((draw) => [draw.batch, draw]));
}

export function tallyView(tally: RlaHandTallyRecord): AuditHandTallyView {
  return {
    id: tally.id,
    enteredBy: tally.enteredBy,
    enteredAt: tally.enteredAt,
    replacesId: tally.replacesId,
    reason: tally.reason,
    ballots: tally.ballots,
    counts: [...tally.counts].map(([candidate, count]) => ({ candidate, count })),
  };
}

export function candidateCounts(
  candidates: readonly string[],
  counts: ReadonlyMap<string, number>,
): AuditCandidateCount[] {
  return candidates.map((candidate) => ({ candidate, count: counts.get(candidate) ?? 0 }));
}

function correctionsBefore(all: readonly RlaHandTallyRecord[], tally: RlaHandTallyRecord): number {
  let count = 0;
  let replaces = tally.replacesId;
  while (replaces !== null) {
    count += 1;
    replaces = all.find((entry) => entry.id === replaces)?.replacesId ?? null;
  }
  return count;
}
