import { type AppError, appError, ok, type Result } from '../../result';
import type { Bound } from '../math/bound';
import type { Votes } from '../math/contest';
import { type AuditedDraw, measureRisk, type RiskMeasurement } from '../math/measured-risk';
import { integer, type Rational } from '../math/rational';
import { nextSampleSize, type SampleSize } from '../math/sample-size';
import { drawPpebSample, type SampleTicket } from '../sampling/ppeb-sample';
import { handCountVerdictOf } from './hand-count-verdict';
import type { ContestPlan } from './plan-audit';
import { type Verdict, verdictOf } from './verdict';

/** A verifier's hand tallies: per precinct, the count per candidate. */
export type HandTallies = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** One round of the audit as drawn: its draws in order (tickets), or every precinct left. */
export interface RoundDraw {
  /** 1, 2, 3, ... */
  readonly round: number;
  readonly kind: 'sample' | 'full-hand-count';
  /** Draws asked for by MACRO (for a full hand count: the precincts not drawn before). */
  readonly sampleSize: number;
  readonly tickets: readonly SampleTicket[];
}

/** Where the audit stands after the rounds drawn so far, their hand tallies all entered. */
export interface RoundsAssessment {
  readonly measurement: RiskMeasurement;
  readonly nextRound: SampleSize;
  readonly verdict: Verdict;
}

/**
 * The one implementation of "draw the next round" (the app's auditDraw/auditNextRound and
 * `tallyroom audit next-round` both call it), so the same seed, reported results and hand tallies
 * give the same tickets everywhere.
 *
 * Round 1 has the plan's size. A later round is drawn only when the rounds so far, measured with
 * their hand tallies, ask for more: another round of MACRO's size for the risk measured so far
 * (Arlo: get_sample_sizes with the sample results), or a full hand count. The stream continues:
 * round 2's first ticket is the one after round 1's last (docs/RLA.md).
 */
export function drawNextRound(input: {
  readonly seed: string;
  readonly alpha: Rational;
  readonly plan: ContestPlan;
  readonly rounds: readonly RoundDraw[];
  readonly tallies: HandTallies;
}): Result<RoundDraw, AppError> {
  const { seed, alpha, plan, rounds, tallies } = input;
  const previous = rounds.flatMap((round) => round.tickets);
  let draws: number;
  if (rounds.length === 0) {
    draws = plan.sampleSize.kind === 'full-hand-count' ? plan.batches.length : plan.sampleSize.draws;
  } else {
    const assessed = assessRounds({ alpha, plan, rounds, tallies });
    if (!assessed.ok) return assessed;
    const { verdict } = assessed.value;
    if (verdict.kind === 'another-round') draws = verdict.draws;
    else if (verdict.kind === 'full-hand-count') draws = plan.batches.length;
    else {
      return appError(
        'AUDIT_FINISHED',
        `The audit of ${plan.contest.name} is finished (${verdict.kind === 'confirmed' ? 'the outcome is confirmed' : 'every precinct was hand counted'}); there is no further round to draw.`,
      );
    }
  }
  const tickets = drawPpebSample({
    seed,
    contestName: plan.contest.name,
    batches: plan.batches.map((batch) => ({ name: batch.name, maxError: plan.maxErrors.get(batch.name) as Bound })),
    previousDraws: previous.length,
    previouslyDrawnBatches: previous.map((ticket) => ticket.batch),
    draws,
  });
  const fullHandCount = tickets.length > 0 && tickets.every((ticket) => ticket.random === null);
  return ok({
    round: rounds.length + 1,
    kind: fullHandCount ? 'full-hand-count' : 'sample',
    sampleSize: fullHandCount ? tickets.length : draws,
    tickets,
  });
}

/**
 * The measured risk over every draw of every round so far (a precinct drawn twice counts twice;
 * Arlo: macro.compute_risk over the cumulative sample), MACRO's size for a further round, and the
 * verdict. Every drawn precinct needs its hand tally first.
 */
export function assessRounds(input: {
  readonly alpha: Rational;
  readonly plan: ContestPlan;
  readonly rounds: readonly RoundDraw[];
  readonly tallies: HandTallies;
}): Result<RoundsAssessment, AppError> {
  const { alpha, plan, rounds, tallies } = input;
  const tickets = rounds.flatMap((round) => round.tickets);
  const missing = [...new Set(tickets.map((ticket) => ticket.batch).filter((batch) => !tallies.has(batch)))];
  if (missing.length > 0) {
    return appError(
      'AUDIT_TALLY_MISSING',
      `No hand tally yet for sampled precinct${missing.length === 1 ? '' : 's'} ${missing.join(', ')} of ${plan.contest.name}; enter the hand count of every sampled precinct first.`,
      { missing },
    );
  }
  const candidates = new Set(plan.contest.totals.keys());
  for (const [batch, counts] of tallies) {
    const unknown = [...counts.keys()].filter((candidate) => !candidates.has(candidate));
    if (unknown.length > 0) {
      return appError(
        'AUDIT_UNKNOWN_CANDIDATE',
        `The hand tally of precinct ${batch} names ${unknown.join(', ')}, not a candidate in ${plan.contest.name}; check the spelling.`,
      );
    }
  }
  const draws: AuditedDraw[] = tickets.map((ticket) => ({
    ticket: ticket.ticket,
    batch: ticket.batch,
    audited: votesOf(tallies.get(ticket.batch) as ReadonlyMap<string, number>),
  }));
  const measurement = measureRisk({ alpha, contest: plan.contest, batches: plan.batches, draws });
  const nextRound = nextSampleSize({ alpha, contest: plan.contest, batches: plan.batches, measured: measurement });
  const verdict =
    measurement.kind === 'full-hand-count-done'
      ? handCountVerdictOf(plan, (batch) => tallies.get(batch))
      : verdictOf({ measurement, nextRound, drawsSoFar: tickets.length, precincts: plan.batches.length });
  return ok({ measurement, nextRound, verdict });
}

function votesOf(counts: ReadonlyMap<string, number>): Votes {
  return new Map([...counts].map(([candidate, count]) => [candidate, integer(count)]));
}
