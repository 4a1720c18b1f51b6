import { allowedAllocations, type Delegates } from './allocation';
import { describeAllocation, plural } from './describe';
import { type CandidateLine, type Finding, MAX_PLAUSIBLE_COUNT, type PrecinctResult } from './types';
import { isViable, viabilityThreshold } from './viability';

/** SDE reported vs delegates x SDE per delegate: docs/CONTRACTS.md tolerates 0.0005. */
const SDE_TOLERANCE = 0.0005;
/** SDE-only reports: delegates = sde / ratio must be within 0.01 of a whole number. */
const SDE_ONLY_TOLERANCE = 0.01;

/**
 * The findings of one precinct's report under iowa-dem-2020 (docs/CONTRACTS.md findings table).
 * Pure: the same report always gives the same findings, in a stable order.
 */
export function checkIowaPrecinct(result: PrecinctResult): Finding[] {
  const findings: Finding[] = [];
  const d = result.precinctDelegates;
  if (d === null) {
    findings.push({
      code: 'MISSING_DATA',
      field: 'precinctDelegates',
      message: 'The number of delegates this precinct elects is missing.',
    });
  } else if (!isCount(d)) {
    findings.push({
      code: 'NEGATIVE_OR_NON_INTEGER',
      field: 'precinctDelegates',
      message: `The number of delegates this precinct elects must be a whole number from 0 to ${MAX_PLAUSIBLE_COUNT.toLocaleString('en-US')}, not ${d}.`,
    });
  }
  for (const line of result.lines) findings.push(...countProblems(line));
  if (result.lines.length === 0) {
    findings.push({ code: 'MISSING_DATA', message: 'The report has no candidate lines.' });
  }
  // Arithmetic on missing or invalid numbers would only add noise: stop at the data problems.
  if (findings.length > 0 || d === null) return findings;

  const lines = result.lines as readonly (CandidateLine & { firstAlignment: number; finalAlignment: number })[];
  const attendees = sum(lines.map((line) => line.firstAlignment));
  const finalTotal = sum(lines.map((line) => line.finalAlignment));
  const threshold = viabilityThreshold(attendees, d);
  findings.push(...unreportedAlignments(lines, attendees, finalTotal));

  if (finalTotal > attendees) {
    findings.push({
      code: 'FINAL_EXCEEDS_FIRST',
      field: 'finalAlignment',
      message: `The final alignment adds up to ${finalTotal}, more than the ${attendees} eligible attendees counted in the first alignment. Nobody can join after the first alignment.`,
    });
  }

  if (d >= 2 && threshold !== null) {
    for (const line of lines) {
      if (isViable(line.firstAlignment, threshold) && line.finalAlignment < line.firstAlignment) {
        findings.push({
          code: 'VIABLE_GROUP_SHRANK',
          candidate: line.candidate,
          field: 'finalAlignment',
          message: `${line.candidate} was viable in the first alignment (${line.firstAlignment}, threshold ${threshold}), so its members were locked in, but the final alignment shows ${line.finalAlignment}.`,
        });
      }
    }
  }

  const reported = reportedDelegates(lines, result.sdePerDelegate, findings);
  if (reported === null) return findings;

  const most = Math.max(0, ...lines.map((line) => line.finalAlignment));
  for (const line of lines) {
    const awarded = reported[line.candidate] ?? 0;
    if (awarded <= 0) continue;
    // D = 1 has no threshold: the delegate goes to the largest group, and a tie counts as largest.
    const nonViable = d === 1 ? line.finalAlignment < most : !isViable(line.finalAlignment, threshold);
    if (nonViable) {
      findings.push({
        code: 'DELEGATES_TO_NONVIABLE',
        candidate: line.candidate,
        field: 'delegatesAwarded',
        message:
          d === 1
            ? `${line.candidate} was given the precinct's only delegate with ${line.finalAlignment} supporters, but the largest group had ${most}.`
            : `${line.candidate} was given ${plural(awarded, 'delegate')} with ${line.finalAlignment} supporters, below the viability threshold of ${threshold}.`,
      });
    }
  }

  const groups = lines.map((line) => ({
    candidate: line.candidate,
    firstAlignment: line.firstAlignment,
    finalAlignment: line.finalAlignment,
  }));
  const outcomes = allowedAllocations({ precinctDelegates: d, groups });
  // Only a sum that is not D: whether those delegates could be awarded at all is ALLOCATION_MISMATCH's
  // question. When nobody is viable (or nobody came) the rules award none, and 0 awarded is that sheet right.
  const awardedTotal = sum(Object.values(reported));
  const rulesTotal = outcomes[0] ? sum(Object.values(outcomes[0].delegates)) : d;
  if (awardedTotal !== d && awardedTotal !== rulesTotal) {
    findings.push({
      code: 'DELEGATE_TOTAL_MISMATCH',
      field: 'delegatesAwarded',
      message: `The delegates awarded add up to ${awardedTotal}, but this precinct elects ${plural(d, 'delegate')}.`,
    });
  }

  if (!outcomes.some((outcome) => sameDelegates(outcome.delegates, reported, lines))) {
    findings.push({
      code: 'ALLOCATION_MISMATCH',
      field: 'delegatesAwarded',
      message: `The delegates awarded (${describeAllocation(reported, lines)}) are not what the rules give: ${outcomes.map((outcome) => describeAllocation(outcome.delegates, lines)).join(', or ')}${outcomes.length > 1 ? ' (by coin toss)' : ''}.`,
    });
  }

  for (const line of lines) {
    const fewerBy = lines.find(
      (other) =>
        other.finalAlignment < line.finalAlignment &&
        (reported[other.candidate] ?? 0) > (reported[line.candidate] ?? 0),
    );
    if (fewerBy) {
      findings.push({
        code: 'MORE_VOTES_FEWER_DELEGATES',
        candidate: line.candidate,
        field: 'delegatesAwarded',
        message: `${line.candidate} has more final supporters than ${fewerBy.candidate} (${line.finalAlignment} to ${fewerBy.finalAlignment}) but fewer delegates (${reported[line.candidate] ?? 0} to ${reported[fewerBy.candidate] ?? 0}).`,
      });
    }
  }
  return findings;
}

/**
 * An alignment in which every group is 0, beside people in the other alignment or delegates awarded, was
 * probably never filled in (docs/CONTRACTS.md, MISSING_DATA). Zeros everywhere is a precinct nobody came to.
 */
function unreportedAlignments(
  lines: readonly (CandidateLine & { firstAlignment: number; finalAlignment: number })[],
  firstTotal: number,
  finalTotal: number,
): Finding[] {
  const awarded = lines.some((line) => (line.delegatesAwarded ?? 0) > 0 || (line.sde ?? 0) > 0);
  const problems: Finding[] = [];
  const alignments = [
    ['firstAlignment', 'first', firstTotal, 'final', finalTotal],
    ['finalAlignment', 'final', finalTotal, 'first', firstTotal],
  ] as const;
  for (const [field, name, total, otherName, otherTotal] of alignments) {
    if (total > 0 || (otherTotal === 0 && !awarded)) continue;
    const beside =
      otherTotal > 0
        ? `the ${otherName} alignment counts ${otherTotal === 1 ? '1 person' : `${otherTotal} people`}`
        : 'delegates were awarded';
    problems.push({
      code: 'MISSING_DATA',
      field,
      message: `Every group has 0 in the ${name} alignment, but ${beside}: the ${name} alignment was probably not reported.`,
    });
  }
  return problems;
}

/**
 * Delegates as reported: the delegates column, or SDE / SDE-per-delegate when only SDEs are given.
 * Returns null when the report gives no delegates at all (nothing to check) or they cannot be known.
 */
function reportedDelegates(
  lines: readonly CandidateLine[],
  sdePerDelegate: number | null,
  findings: Finding[],
): Record<string, number> | null {
  const anyReported = lines.some((line) => line.delegatesAwarded !== null || line.sde !== null);
  if (!anyReported) return null;
  const needsRatio = lines.some((line) => line.sde !== null);
  if (needsRatio && (sdePerDelegate === null || !(sdePerDelegate > 0))) {
    findings.push({
      code: 'MISSING_DATA',
      field: 'sdePerDelegate',
      message:
        sdePerDelegate === null
          ? 'SDEs are reported but the SDE per county delegate is missing, so they cannot be checked.'
          : `SDEs are reported but the SDE per county delegate is ${sdePerDelegate}; it must be more than zero, so they cannot be checked.`,
    });
    return null;
  }
  const delegates: Record<string, number> = {};
  let known = true;
  for (const line of lines) {
    if (line.delegatesAwarded !== null) {
      delegates[line.candidate] = line.delegatesAwarded;
      if (line.sde !== null && sdePerDelegate !== null) {
        const expected = line.delegatesAwarded * sdePerDelegate;
        if (Math.abs(line.sde - expected) > SDE_TOLERANCE) {
          findings.push({
            code: 'SDE_MISMATCH',
            candidate: line.candidate,
            field: 'sde',
            message: `${line.candidate} reports ${formatSde(line.sde)} SDEs, but ${plural(line.delegatesAwarded, 'delegate')} x ${formatSde(sdePerDelegate)} is ${formatSde(expected)}.`,
          });
        }
      }
    } else if (line.sde !== null && sdePerDelegate !== null) {
      const derived = line.sde / sdePerDelegate;
      const whole = Math.round(derived);
      if (Math.abs(derived - whole) > SDE_ONLY_TOLERANCE) {
        findings.push({
          code: 'SDE_MISMATCH',
          candidate: line.candidate,
          field: 'sde',
          message: `${line.candidate} reports ${formatSde(line.sde)} SDEs, which is ${derived.toFixed(2)} delegates at ${formatSde(sdePerDelegate)} SDE per delegate: not a whole number of delegates.`,
        });
        known = false;
      } else {
        delegates[line.candidate] = whole;
      }
    } else {
      findings.push({
        code: 'MISSING_DATA',
        candidate: line.candidate,
        field: 'delegatesAwarded',
        message: `Delegates are reported for other groups but not for ${line.candidate}.`,
      });
      known = false;
    }
  }
  return known ? delegates : null;
}

function countProblems(line: CandidateLine): Finding[] {
  const problems: Finding[] = [];
  const required = [
    ['firstAlignment', 'first alignment'],
    ['finalAlignment', 'final alignment'],
  ] as const;
  for (const [field, label] of required) {
    const value = line[field];
    if (value === null) {
      problems.push({
        code: 'MISSING_DATA',
        candidate: line.candidate,
        field,
        message: `The ${label} for ${line.candidate} is missing.`,
      });
    } else if (!isCount(value)) {
      problems.push(invalidCount(line.candidate, field, label, value));
    }
  }
  if (line.delegatesAwarded !== null && !isCount(line.delegatesAwarded)) {
    problems.push(invalidCount(line.candidate, 'delegatesAwarded', 'delegates awarded', line.delegatesAwarded));
  }
  if (line.sde !== null && !(Number.isFinite(line.sde) && line.sde >= 0)) {
    problems.push({
      code: 'NEGATIVE_OR_NON_INTEGER',
      candidate: line.candidate,
      field: 'sde',
      message: `The SDEs for ${line.candidate} must be 0 or more, not ${line.sde}.`,
    });
  }
  return problems;
}

function invalidCount(
  candidate: string,
  field: 'firstAlignment' | 'finalAlignment' | 'delegatesAwarded',
  label: string,
  value: number,
): Finding {
  return {
    code: 'NEGATIVE_OR_NON_INTEGER',
    candidate,
    field,
    message:
      value > MAX_PLAUSIBLE_COUNT
        ? `The ${label} for ${candidate} is ${value}, more than any precinct can have; check for a typo.`
        : `The ${label} for ${candidate} must be a whole number of 0 or more, not ${value}.`,
  };
}

function sameDelegates(expected: Delegates, reported: Delegates, lines: readonly CandidateLine[]): boolean {
  return lines.every((line) => (expected[line.candidate] ?? 0) === (reported[line.candidate] ?? 0));
}

/**
 * A whole number of people or delegates, 0 or more, and no more than any precinct can hold:
 * beyond MAX_PLAUSIBLE_COUNT a number is a typo or an attack, and exact integer math ends at 2^53.
 */
export function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_PLAUSIBLE_COUNT;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function formatSde(value: number): string {
  return Number(value.toFixed(4)).toString();
}
