/**
 * The inputs of Arlo's MACRO tests (server/tests/audit_math/test_macro.py), rebuilt as our types so
 * the unit tests can check our figures against the ones Arlo's tests publish.
 */

import type { ReportedBatch } from '../../../electron/core/rla/math/batch';
import { buildContest, type MacroContest, votesFromNumbers } from '../../../electron/core/rla/math/contest';
import type { AuditedDraw } from '../../../electron/core/rla/math/measured-risk';
import { fromDecimal } from '../../../electron/core/rla/math/rational';

/** Arlo's tests use RISK_LIMIT = 25. */
export const ARLO_ALPHA = fromDecimal('0.25');

type Tallies = Record<string, number>;
/** batch name -> contest name -> candidate votes (and "ballots" in reported batches). */
export type BatchTable = Record<string, Record<string, Tallies>>;

export function contestOf(
  name: string,
  totals: Tallies,
  options: { numberOfWinners?: number; pendingBallots?: number } = {},
): MacroContest {
  const built = buildContest({ name, totals: votesFromNumbers(totals), ...options });
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

/** The batches that carry `contest` (batches without it have u_p = 0 in Arlo and are skipped). */
export function batchesOf(table: BatchTable, contest: string): ReportedBatch[] {
  return Object.entries(table)
    .filter(([, contests]) => contests[contest] !== undefined)
    .map(([name, contests]) => {
      const { ballots = 0, numWinners: _ignored, ...votes } = contests[contest] as Tallies;
      return { name, votes: votesFromNumbers(votes), ballots: fromDecimal(ballots) };
    });
}

/** Arlo's sample_ticket_numbers + sample_results for one contest, as draws (tickets in order). */
export function drawsOf(sample: BatchTable, tickets: Array<[number, string]>, contest: string): AuditedDraw[] {
  return tickets
    .filter(([, batch]) => sample[batch]?.[contest] !== undefined)
    .map(([ticket, batch]) => {
      const { ballots: _b, numWinners: _n, ...votes } = (sample[batch]?.[contest] ?? {}) as Tallies;
      return { ticket, batch, audited: votesFromNumbers(votes) };
    });
}

/** test_macro.py's `contests` fixture. */
export function macroContests(): Record<string, MacroContest> {
  return {
    'Contest A': contestOf('Contest A', { winner: 60000, loser: 54000 }),
    'Contest B': contestOf('Contest B', { winner: 30000, loser: 24000 }),
    'Contest C': contestOf('Contest C', { winner: 18000, loser: 12600 }),
  };
}

/** test_macro.py's `batches` fixture: 400 batches, B in the first 100 pairs, C in 60 pairs. */
export function macroBatches(): BatchTable {
  const batches: BatchTable = {};
  for (let i = 0; i < 200; i++) {
    batches[`Batch ${i}`] = { 'Contest A': { winner: 200, loser: 180, ballots: 400 } };
    batches[`Batch ${i} AV`] = { 'Contest A': { winner: 100, loser: 90, ballots: 200 } };
  }
  const add = (i: number, contest: string, full: Tallies, absentee: Tallies) => {
    (batches[`Batch ${i}`] as Record<string, Tallies>)[contest] = full;
    (batches[`Batch ${i} AV`] as Record<string, Tallies>)[contest] = absentee;
  };
  for (let i = 0; i < 100; i++) {
    add(i, 'Contest B', { winner: 200, loser: 160, ballots: 400 }, { winner: 100, loser: 80, ballots: 200 });
  }
  for (const i of [...range(0, 30), ...range(100, 130)]) {
    add(i, 'Contest C', { winner: 200, loser: 140, ballots: 400 }, { winner: 100, loser: 70, ballots: 200 });
  }
  return batches;
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, index) => from + index);
}
