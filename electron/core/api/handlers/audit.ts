/**
 * The API handlers of the risk-limiting audit (docs/RLA.md, "The audit in the app").
 * Only a chair or a recount verifier runs it (permission 'run-audit'). The flow: auditPlan (what the
 * risk limit asks for), auditStart (the public seed, fixed before any draw), auditDraw (round 1),
 * auditEnterHandTally (blind: the reported numbers come back only with the tally), auditMeasure,
 * auditNextRound (escalate; a full hand count when it reaches every precinct), auditReport.
 * Every change is one transaction with its audit-log entry.
 */
import { createHash } from 'node:crypto';
import { buildCountyView } from '../../county/county-view';
import { type AppError, appError, ok, type Result } from '../../result';
import { drawNextRound } from '../../rla/audit/audit-rounds';
import { countyContest } from '../../rla/audit/county-contest';
import type { AuditMeasurement, MeasuredDraw } from '../../rla/audit/measure-audit';
import { planContest } from '../../rla/audit/plan-audit';
import { riskLimitAlpha } from '../../rla/audit/risk-limit';
import { type AuditState, countsOf, loadAuditState } from '../../rla/county-audit/audit-state';
import { auditView, candidateCounts, measurementView, tallyView } from '../../rla/county-audit/audit-view';
import { reportedForAudit } from '../../rla/county-audit/reported-results';
import { isInfinite } from '../../rla/math/bound';
import { toFractionText, toNumber } from '../../rla/math/rational';
import { auditReportCsv } from '../../rla/report/audit-report-csv';
import { auditReportPdf } from '../../rla/report/audit-report-pdf';
import {
  findAuditByFingerprint,
  insertAudit,
  insertHandTally,
  insertMeasurement,
  insertRound,
  listMeasurements,
} from '../../store/audit-records';
import type { CountyStore } from '../../store/county-store';
import type { AuditPlanView, AuditView } from '../audit-contract';
import type { ApiMethodName } from '../methods';
import type { ApiParsedInput } from '../schemas';
import type { ApiOutputs } from '../types';
import { actorFor } from './operators';

type AuditMethod =
  | 'auditPlan'
  | 'auditStart'
  | 'auditDraw'
  | 'auditEnterHandTally'
  | 'auditMeasure'
  | 'auditNextRound'
  | 'auditReport'
  | 'getAudit';

export type AuditHandlers = {
  [M in AuditMethod & ApiMethodName]: (
    input: ApiParsedInput<M>,
  ) => Result<ApiOutputs[M], AppError> | Promise<Result<ApiOutputs[M], AppError>>;
};

export function auditHandlers(store: CountyStore, clock: () => Date): AuditHandlers {
  const now = () => clock().toISOString();
  const runner = (input: { session: string }) => actorFor(store, input, 'run-audit', clock());
  return {
    auditPlan: (input) => planForRiskLimit(store, input.riskLimit, input.seed ?? null),
    getAudit: (input) => {
      const state = loadAuditState(store, input.auditId);
      if (!state.ok) return state;
      return ok(state.value ? viewOf(store, state.value) : null);
    },
    auditStart: (input) => {
      const who = runner(input);
      if (!who.ok) return who;
      return startAudit(store, who.value.name, input, now());
    },
    auditDraw: (input) => {
      const who = runner(input);
      if (!who.ok) return who;
      const state = needAudit(store, input.auditId);
      if (!state.ok) return state;
      const first = state.value.rounds[0];
      if (first) {
        return appError(
          'AUDIT_ALREADY_DRAWN',
          `Round 1 was drawn ${first.drawnAt} by ${first.drawnBy}; enter the hand tallies of its precincts.`,
        );
      }
      return drawRound(store, state.value, who.value.name, now());
    },
    auditNextRound: (input) => {
      const who = runner(input);
      if (!who.ok) return who;
      const state = needAudit(store, input.auditId);
      if (!state.ok) return state;
      if (state.value.rounds.length === 0) {
        return appError('AUDIT_NOT_DRAWN', 'Draw the first round before escalating.');
      }
      return drawRound(store, state.value, who.value.name, now());
    },
    auditEnterHandTally: (input) => {
      const who = runner(input);
      if (!who.ok) return who;
      const state = needAudit(store, input.auditId);
      if (!state.ok) return state;
      return enterHandTally(store, state.value, who.value.name, input, now());
    },
    auditMeasure: (input) => {
      const who = runner(input);
      if (!who.ok) return who;
      const state = needAudit(store, input.auditId);
      if (!state.ok) return state;
      return measure(store, state.value, who.value.name, now());
    },
    auditReport: async (input) => {
      const who = runner(input);
      if (!who.ok) return who;
      const state = needAudit(store, input.auditId);
      if (!state.ok) return state;
      const measured = measurementForReport(state.value);
      if (!measured.ok) return measured;
      const stem = `audit-report-${slug(state.value.audit.contest)}-${state.value.audit.id}`;
      const bytes =
        input.format === 'csv'
          ? new TextEncoder().encode(auditReportCsv(measured.value))
          : await auditReportPdf(measured.value, clock(), provenance(state.value));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      store.transaction(() => {
        store.appendAudit({
          at: now(),
          operator: who.value.name,
          action: 'audit.report-exported',
          payload: { auditId: state.value.audit.id, format: input.format, sha256 },
        });
        return ok(null);
      });
      return ok({
        fileName: `${stem}.${input.format}`,
        mediaType: input.format === 'csv' ? 'text/csv' : 'application/pdf',
        contentBase64: Buffer.from(bytes).toString('base64'),
      });
    },
  };
}

/** What a risk limit asks for on the county's results now: read only, nothing drawn. */
function planForRiskLimit(store: CountyStore, riskLimit: number, seed: string | null): Result<AuditPlanView, AppError> {
  const election = store.getElection();
  if (!election) return appError('NO_COUNTY', 'Set up the county first.');
  const alpha = riskLimitAlpha(String(riskLimit));
  if (!alpha.ok) return alpha;
  const view = buildCountyView(store, election);
  const base = {
    contest: election.county,
    rulesProfile: election.rulesProfile,
    riskLimitPercent: riskLimit,
    precincts: view.precincts.length,
    seed,
  };
  const notReady = (reason: string): AuditPlanView => ({
    ...base,
    ready: false,
    notReadyReason: reason,
    winners: null,
    U: null,
    UExact: null,
    sampleSize: null,
    fullHandCount: false,
    existingAuditId: null,
  });
  const reported = reportedForAudit(view);
  if (!reported.ok) return ok(notReady(reported.error.message));
  const built = countyContest(reported.value.county);
  if (!built.ok) return ok(notReady(built.error.message));
  const plan = planContest(built.value.contest, built.value.batches, alpha.value, null);
  return ok({
    ...base,
    ready: true,
    notReadyReason: null,
    winners: plan.contest.winners,
    U: isInfinite(plan.totalErrorBound) ? null : toNumber(plan.totalErrorBound),
    UExact: isInfinite(plan.totalErrorBound) ? null : toFractionText(plan.totalErrorBound),
    sampleSize: plan.sampleSize.draws,
    fullHandCount: plan.sampleSize.kind === 'full-hand-count',
    existingAuditId: findAuditByFingerprint(store, reported.value.sha256)?.id ?? null,
  });
}

function startAudit(
  store: CountyStore,
  operator: string,
  input: { riskLimit: number; seed: string; seedNote?: string | undefined },
  at: string,
): Result<AuditView, AppError> {
  const election = store.getElection();
  if (!election) return appError('NO_COUNTY', 'Set up the county first.');
  const alpha = riskLimitAlpha(String(input.riskLimit));
  if (!alpha.ok) return alpha;
  const reported = reportedForAudit(buildCountyView(store, election));
  if (!reported.ok) return reported;
  const existing = findAuditByFingerprint(store, reported.value.sha256);
  if (existing) {
    return appError(
      'AUDIT_ALREADY_STARTED',
      `An audit of these results started ${existing.seedEnteredAt} with seed ${existing.seed}, entered by ${existing.seedEnteredBy}: continue it. The seed is fixed before the draw, so the same results are never audited with a second seed.`,
      { auditId: existing.id },
    );
  }
  const built = countyContest(reported.value.county);
  if (!built.ok) return built;
  const plan = planContest(built.value.contest, built.value.batches, alpha.value, null);
  const created = store.transaction<number, AppError>(() => {
    const auditId = insertAudit(
      store,
      {
        contest: election.county,
        rulesProfile: election.rulesProfile,
        riskLimitPercent: String(input.riskLimit),
        seed: input.seed,
        seedNote: input.seedNote || null,
        seedEnteredBy: operator,
        seedEnteredAt: at,
        reportedSha256: reported.value.sha256,
      },
      reported.value.batches,
    );
    store.appendAudit({
      at,
      operator,
      action: 'audit.started',
      payload: {
        auditId,
        contest: election.county,
        rulesProfile: election.rulesProfile,
        riskLimitPercent: input.riskLimit,
        seed: input.seed,
        seedNote: input.seedNote || null,
        reportedSha256: reported.value.sha256,
        precincts: reported.value.batches.map((batch) => ({ precinct: batch.precinct, reportId: batch.reportId })),
        winners: plan.contest.winners,
        U: isInfinite(plan.totalErrorBound) ? null : toFractionText(plan.totalErrorBound),
        firstRoundSize: plan.sampleSize.draws,
      },
    });
    return ok(auditId);
  });
  if (!created.ok) return created;
  const state = needAudit(store, created.value);
  return state.ok ? ok(viewOf(store, state.value)) : state;
}

/** Round 1, or the escalation the rounds so far ask for: the one draw of rla/audit/audit-rounds.ts. */
function drawRound(store: CountyStore, state: AuditState, operator: string, at: string): Result<AuditView, AppError> {
  const unchanged = resultsUnchanged(store, state);
  if (!unchanged.ok) return unchanged;
  const next = drawNextRound({
    seed: state.audit.seed,
    alpha: state.alpha,
    plan: state.plan,
    rounds: state.roundDraws,
    tallies: countsOf(state.tallies),
  });
  if (!next.ok) return next;
  const ids = new Map(store.listPrecincts().map((precinct) => [precinct.code, precinct.id]));
  const round = next.value;
  const drawn = store.transaction<null, AppError>(() => {
    insertRound(
      store,
      state.audit.id,
      { round: round.round, kind: round.kind, sampleSize: round.sampleSize, drawnBy: operator, drawnAt: at },
      round.tickets.map((ticket) => ({
        ticket: ticket.ticket,
        precinctId: ids.get(ticket.batch) as number,
        random: ticket.random,
        digest: ticket.digest,
      })),
    );
    store.appendAudit({
      at,
      operator,
      action: 'audit.round-drawn',
      payload: {
        auditId: state.audit.id,
        round: round.round,
        kind: round.kind,
        sampleSize: round.sampleSize,
        seed: state.audit.seed,
        tickets: round.tickets.map((ticket) => ({
          ticket: ticket.ticket,
          precinct: ticket.batch,
          random: ticket.random,
        })),
      },
    });
    return ok(null);
  });
  if (!drawn.ok) return drawn;
  const after = needAudit(store, state.audit.id);
  return after.ok ? ok(viewOf(store, after.value)) : after;
}

function enterHandTally(
  store: CountyStore,
  state: AuditState,
  operator: string,
  input: ApiParsedInput<'auditEnterHandTally'>,
  at: string,
): Result<ApiOutputs['auditEnterHandTally'], AppError> {
  const precinct = input.precinct;
  const sampled = state.roundDraws.some((round) => round.tickets.some((ticket) => ticket.batch === precinct));
  if (!sampled) {
    return appError(
      'AUDIT_NOT_SAMPLED',
      `Precinct ${precinct} was not drawn in this audit; enter hand tallies only for the sampled precincts.`,
    );
  }
  const candidates = store.listCandidates();
  const given = new Map<string, number>();
  for (const entry of input.counts) {
    if (!candidates.some((candidate) => candidate.name === entry.candidate)) {
      return appError('AUDIT_UNKNOWN_CANDIDATE', `${entry.candidate} is not a candidate in ${state.audit.contest}.`);
    }
    if (given.has(entry.candidate)) {
      return appError('AUDIT_DUPLICATE_CANDIDATE', `${entry.candidate} is counted twice; give each candidate once.`);
    }
    given.set(entry.candidate, entry.count);
  }
  const missing = candidates.filter((candidate) => !given.has(candidate.name));
  if (missing.length > 0) {
    return appError(
      'AUDIT_COUNT_MISSING',
      `Type the hand count for ${missing.map((candidate) => candidate.name).join(', ')} (0 if nobody).`,
    );
  }
  const standing = state.tallies.get(precinct);
  if (standing && input.replaces === undefined) {
    return appError(
      'AUDIT_TALLY_EXISTS',
      `Precinct ${precinct} already has a hand tally (#${standing.id}, by ${standing.enteredBy}). To correct it, say that this one replaces it and why.`,
      { tallyId: standing.id },
    );
  }
  if (input.replaces !== undefined && standing?.id !== input.replaces) {
    return appError(
      'AUDIT_TALLY_NOT_CURRENT',
      standing
        ? `Hand tally #${input.replaces} is not the standing tally of precinct ${precinct} (#${standing.id} is); correct the standing one.`
        : `Precinct ${precinct} has no hand tally to correct yet; enter it without "replaces".`,
    );
  }
  if (input.replaces !== undefined && !input.reason) {
    return appError('AUDIT_REASON_NEEDED', 'Say why the hand tally is corrected: the reason is recorded with it.');
  }
  const precinctId = store.findPrecinct(precinct)?.id;
  if (precinctId === undefined) return appError('UNKNOWN_PRECINCT', `There is no precinct "${precinct}".`);
  const reason = input.replaces !== undefined ? (input.reason ?? null) : null;
  const ballots = input.ballots ?? null;
  const stored = store.transaction<number, AppError>(() => {
    const tallyId = insertHandTally(store, state.audit.id, {
      precinctId,
      ballots,
      enteredBy: operator,
      enteredAt: at,
      replacesId: input.replaces ?? null,
      reason,
      counts: candidates.map((candidate) => ({ candidateId: candidate.id, count: given.get(candidate.name) ?? 0 })),
    });
    store.appendAudit({
      at,
      operator,
      action: 'audit.hand-tally-entered',
      payload: {
        auditId: state.audit.id,
        tallyId,
        precinct,
        replaces: input.replaces ?? null,
        reason,
        ballots,
        counts: Object.fromEntries(given),
      },
    });
    return ok(tallyId);
  });
  if (!stored.ok) return stored;
  const after = needAudit(store, state.audit.id);
  if (!after.ok) return after;
  const tally = after.value.tallies.get(precinct);
  const reported = after.value.reported.precincts.find((entry) => entry.precinct === precinct);
  const view = viewOf(store, after.value).sampled.find((entry) => entry.precinct === precinct);
  if (!tally || !reported) throw new Error('enterHandTally: the tally just stored must stand');
  return ok({
    precinct,
    tally: tallyView(tally),
    reported: candidateCounts(after.value.reported.candidates, reported.counts),
    discrepancyVotes: view?.discrepancyVotes ?? null,
    awaiting: after.value.awaiting,
  });
}

function measure(
  store: CountyStore,
  state: AuditState,
  operator: string,
  at: string,
): Result<ApiOutputs['auditMeasure'], AppError> {
  if (state.rounds.length === 0) return appError('AUDIT_NOT_DRAWN', 'Draw the first round before measuring the risk.');
  if (state.awaiting.length > 0 || !state.assessment) {
    return appError(
      'AUDIT_TALLY_MISSING',
      `Enter the hand tally of every sampled precinct first; still to enter: ${state.awaiting.join(', ')}.`,
      { missing: state.awaiting },
    );
  }
  const view = measurementView(state, state.assessment, state.rounds.length, { measuredBy: operator, measuredAt: at });
  const throughTallyId = Math.max(0, ...state.allTallies.map((tally) => tally.id)) || null;
  const stored = store.transaction<null, AppError>(() => {
    insertMeasurement(store, state.audit.id, {
      round: view.round,
      pValue: view.pValue,
      riskExact: view.riskExact,
      confirmed: view.confirmed,
      verdict: view.verdict,
      nextRoundDraws: view.nextRoundDraws,
      throughTallyId,
      measuredBy: operator,
      measuredAt: at,
    });
    store.appendAudit({
      at,
      operator,
      action: 'audit.measured',
      payload: {
        auditId: state.audit.id,
        round: view.round,
        pValue: view.pValue,
        riskExact: view.riskExact,
        verdict: view.verdict,
        nextRoundDraws: view.nextRoundDraws,
        throughTallyId,
      },
    });
    return ok(null);
  });
  return stored.ok ? ok(view) : stored;
}

/** The report's content: the same AuditMeasurement `tallyroom audit measure --report-dir` writes. */
function measurementForReport(state: AuditState): Result<AuditMeasurement, AppError> {
  if (!state.assessment) {
    return appError(
      'AUDIT_NOT_MEASURED',
      state.rounds.length === 0
        ? 'Draw the first round and enter its hand tallies before making the report.'
        : `Enter the hand tally of every sampled precinct before making the report; still to enter: ${state.awaiting.join(', ')}.`,
    );
  }
  const reportedOf = new Map(state.reported.precincts.map((precinct) => [precinct.precinct, precinct.counts]));
  const draws: MeasuredDraw[] = state.roundDraws.flatMap((round) =>
    round.tickets.map((ticket) => ({
      ticket: ticket.ticket,
      precinct: ticket.batch,
      random: ticket.random,
      reported: reportedOf.get(ticket.batch) ?? new Map(),
      audited: state.tallies.get(ticket.batch)?.counts ?? new Map(),
    })),
  );
  return ok({
    riskLimit: Number(state.audit.riskLimitPercent),
    alpha: state.alpha,
    seed: state.audit.seed,
    rules: state.audit.rulesProfile,
    contests: [
      {
        plan: state.plan,
        draws,
        measurement: state.assessment.measurement,
        verdict: state.assessment.verdict,
        rounds: state.roundDraws,
      },
    ],
  });
}

/** Who fixed the seed and drew and counted, for the printed report. */
function provenance(state: AuditState): string[] {
  const lines = [
    `Seed ${state.audit.seed} entered by ${state.audit.seedEnteredBy} at ${state.audit.seedEnteredAt}${state.audit.seedNote ? ` (${state.audit.seedNote})` : ''}.`,
    `Reported results: the certified precinct reports, sha256 ${state.audit.reportedSha256}.`,
  ];
  for (const round of state.rounds) {
    lines.push(
      `Round ${round.round}: ${round.kind === 'full-hand-count' ? 'full hand count of' : `${round.sampleSize} draws,`} ${round.tickets.length} ticket${round.tickets.length === 1 ? '' : 's'}, drawn by ${round.drawnBy} at ${round.drawnAt}.`,
    );
  }
  const people = [...new Set(state.allTallies.map((tally) => tally.enteredBy))];
  const corrections = state.allTallies.filter((tally) => tally.replacesId !== null).length;
  lines.push(
    `Hand tallies entered by ${people.join(', ') || 'nobody yet'}${corrections > 0 ? `; ${corrections} corrected (the originals are kept)` : ''}.`,
  );
  return lines;
}

function needAudit(store: CountyStore, auditId?: number): Result<AuditState, AppError> {
  const state = loadAuditState(store, auditId);
  if (!state.ok) return state;
  if (!state.value) {
    return appError(
      'AUDIT_NOT_STARTED',
      auditId === undefined
        ? 'No audit has started yet: set the risk limit and enter the seed first.'
        : `There is no audit #${auditId}.`,
    );
  }
  return ok(state.value);
}

/** The draw is of the results the audit started from; a recount or correction since means a new audit. */
function resultsUnchanged(store: CountyStore, state: AuditState): Result<null, AppError> {
  if (currentFingerprint(store) === state.audit.reportedSha256) return ok(null);
  return appError(
    'AUDIT_RESULTS_CHANGED',
    'The certified results changed (a recount or correction) since this audit started, so its sample no longer matches them. Start a new audit of the results as they are now, with a new seed rolled in public.',
  );
}

function currentFingerprint(store: CountyStore): string | null {
  const election = store.getElection();
  if (!election) return null;
  const reported = reportedForAudit(buildCountyView(store, election));
  return reported.ok ? reported.value.sha256 : null;
}

function viewOf(store: CountyStore, state: AuditState): AuditView {
  const names = new Map(store.listPrecincts().map((precinct) => [precinct.code, precinct.name]));
  return auditView(state, names, listMeasurements(store, state.audit.id), currentFingerprint(store));
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'county'
  );
}
