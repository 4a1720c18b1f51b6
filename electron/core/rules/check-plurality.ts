import { isCount } from './check-iowa';
import { type Finding, MAX_PLAUSIBLE_COUNT, type PrecinctResult } from './types';

/**
 * `plurality`: plain vote counts (straw polls, primaries). The votes are the first_alignment
 * column; there is no viability and no delegates, so only the numbers themselves are checked.
 */
export function checkPluralityPrecinct(result: PrecinctResult): Finding[] {
  const findings: Finding[] = [];
  if (result.lines.length === 0) findings.push({ code: 'MISSING_DATA', message: 'The report has no candidate lines.' });
  for (const line of result.lines) {
    const votes = line.firstAlignment;
    if (votes === null) {
      findings.push({
        code: 'MISSING_DATA',
        candidate: line.candidate,
        field: 'firstAlignment',
        message: `The vote count for ${line.candidate} is missing.`,
      });
    } else if (!isCount(votes)) {
      findings.push({
        code: 'NEGATIVE_OR_NON_INTEGER',
        candidate: line.candidate,
        field: 'firstAlignment',
        message:
          votes > MAX_PLAUSIBLE_COUNT
            ? `The vote count for ${line.candidate} is ${votes}, more than any precinct can have; check for a typo.`
            : `The vote count for ${line.candidate} must be a whole number of 0 or more, not ${votes}.`,
      });
    }
  }
  return findings;
}
