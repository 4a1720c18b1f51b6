/**
 * What a precinct chair writes on a worksheet: caucus numbers that add up under the county's
 * rules (computed by electron/core/rules, so the corpus and the checks agree), or, on request,
 * a sheet with a deliberate arithmetic mistake, as real sheets sometimes have.
 */

import type { WorksheetColumn } from '../../electron/core/ocr/scan-reading';
import { MAX_COUNT } from '../../electron/core/ocr/worksheet-layout';
import { allowedAllocations } from '../../electron/core/rules/allocation';
import { checkPrecinct } from '../../electron/core/rules/check';
import type { CoinToss, FindingCode, RulesProfileId } from '../../electron/core/rules/types';
import { viabilityThreshold } from '../../electron/core/rules/viability';
import type { Random } from './random';

export interface SheetLine {
  readonly candidate: string;
  readonly first: number | null;
  readonly final: number | null;
  readonly delegates: number | null;
}

export interface SheetValues {
  readonly lines: readonly SheetLine[];
  /** What is written in the totals row (null: left empty). */
  readonly totals: { readonly first: number | null; readonly final: number | null; readonly delegates: number | null };
  readonly coinTosses: readonly CoinToss[];
  /** False for a sheet made inconsistent on purpose. */
  readonly consistent: boolean;
  /** What the rules find wrong with the sheet (empty for a consistent one). */
  readonly findings: readonly FindingCode[];
  /** For an inconsistent sheet: which value was changed, from what to what. */
  readonly mistake?: {
    readonly candidate: string;
    readonly column: WorksheetColumn;
    readonly from: number;
    readonly to: number;
  };
}

interface Precinct {
  readonly code: string;
  readonly delegates: number;
}

/** A sheet whose arithmetic holds: first alignment, realignment, delegates by the rules. */
export function consistentValues(
  random: Random,
  rulesProfile: RulesProfileId,
  precinct: Precinct,
  candidates: readonly string[],
): SheetValues {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const values = tryConsistent(random, rulesProfile, precinct, candidates);
    if (values) return values;
  }
  throw new Error(`No consistent caucus numbers found for precinct ${precinct.code} after 200 attempts.`);
}

/** A consistent sheet with one value changed so the sheet's arithmetic no longer holds. */
export function inconsistentValues(
  random: Random,
  rulesProfile: RulesProfileId,
  precinct: Precinct,
  candidates: readonly string[],
): SheetValues {
  const base = consistentValues(random, rulesProfile, precinct, candidates);
  const columns: WorksheetColumn[] =
    rulesProfile === 'iowa-dem-2020' ? ['first', 'final', 'delegates'] : ['first', 'final'];
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const index = random.int(0, base.lines.length - 1);
    const column = random.pick(columns);
    const line = base.lines[index];
    const from = line?.[column];
    if (!line || from === null || from === undefined) continue;
    const to = Math.max(0, from + random.pick([-3, -2, -1, 1, 2, 3, 10]));
    if (to === from || to > (column === 'delegates' ? 999 : MAX_COUNT)) continue;
    const lines = base.lines.map((entry, at) => (at === index ? { ...entry, [column]: to } : entry));
    // The totals row keeps the sums of the true numbers: the mistake shows as a total that disagrees.
    const findings = findingsOf(rulesProfile, precinct, lines, base.coinTosses);
    const totalsDisagree = sum(lines, column) !== base.totals[column];
    if (findings.length === 0 && !totalsDisagree) continue;
    return { ...base, lines, consistent: false, findings, mistake: { candidate: line.candidate, column, from, to } };
  }
  throw new Error(`Could not make an inconsistent sheet for precinct ${precinct.code}.`);
}

function tryConsistent(
  random: Random,
  rulesProfile: RulesProfileId,
  precinct: Precinct,
  candidates: readonly string[],
): SheetValues | null {
  const attendees = random.chance(0.15) ? random.int(1000, 2400) : random.int(25, 420);
  const weights = candidates.map(() => random.next() ** 1.6 + 0.02);
  const first = apportion(attendees, weights);
  const d = precinct.delegates;
  const threshold = rulesProfile === 'iowa-dem-2020' ? (viabilityThreshold(attendees, d) ?? 0) : 0;
  const viable = first.map((count) => count > 0 && count >= threshold);
  if (!viable.some(Boolean)) return null;
  // Realignment: people in groups that are not viable join a viable group or go home.
  const movers = first.reduce((total, count, index) => total + (viable[index] ? 0 : count), 0);
  const leaving = Math.floor(movers * random.between(0, 0.2));
  const joining = apportion(
    movers - leaving,
    first.map((count, index) => (viable[index] ? count * random.between(0.3, 1.7) : 0)),
  );
  const final =
    rulesProfile === 'iowa-dem-2020'
      ? first.map((count, index) => (viable[index] ? count + (joining[index] ?? 0) : 0))
      : [...first];
  let delegates: (number | null)[] = candidates.map(() => null);
  let coinTosses: readonly CoinToss[] = [];
  if (rulesProfile === 'iowa-dem-2020') {
    const outcomes = allowedAllocations({
      precinctDelegates: d,
      groups: candidates.map((candidate, index) => ({
        candidate,
        firstAlignment: first[index] ?? 0,
        finalAlignment: final[index] ?? 0,
      })),
    });
    if (outcomes.length === 0) return null;
    const outcome = random.pick(outcomes);
    delegates = candidates.map((candidate) => outcome.delegates[candidate] ?? 0);
    coinTosses = outcome.coinTosses;
  }
  const lines = candidates.map((candidate, index) => ({
    candidate,
    first: first[index] ?? 0,
    final: final[index] ?? 0,
    delegates: delegates[index] ?? null,
  }));
  const findings = findingsOf(rulesProfile, precinct, lines, coinTosses);
  if (findings.length > 0) return null;
  const totals = {
    first: sum(lines, 'first'),
    final: sum(lines, 'final'),
    delegates: rulesProfile === 'iowa-dem-2020' ? sum(lines, 'delegates') : null,
  };
  if ((totals.first ?? 0) > MAX_COUNT) return null;
  return { lines, totals, coinTosses, consistent: true, findings: [] };
}

function findingsOf(
  rulesProfile: RulesProfileId,
  precinct: Precinct,
  lines: readonly SheetLine[],
  coinTosses: readonly CoinToss[],
): FindingCode[] {
  const findings = checkPrecinct(rulesProfile, {
    precinct: precinct.code,
    precinctDelegates: precinct.delegates,
    sdePerDelegate: null,
    coinTosses,
    lines: lines.map((line) => ({
      candidate: line.candidate,
      firstAlignment: line.first,
      finalAlignment: line.final,
      delegatesAwarded: line.delegates,
      sde: null,
    })),
  });
  return [...new Set(findings.map((finding) => finding.code))];
}

function sum(lines: readonly SheetLine[], column: WorksheetColumn): number | null {
  if (lines.some((line) => line[column] === null)) return null;
  return lines.reduce((total, line) => total + (line[column] ?? 0), 0);
}

/** Splits `total` into whole parts proportional to `weights` (largest remainders). */
function apportion(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (total * weight) / weightSum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest);
  for (const { index } of order) {
    if (left <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}
