import type { CandidateTotals, ResultsDocument } from './results-document';

/**
 * County totals per candidate over the precincts that have a standing result. Pure, so the
 * verifier recomputes them from the precinct lines and compares: a total cannot disagree with
 * the numbers it claims to add up.
 */
export function totalsOf(
  candidates: ResultsDocument['candidates'],
  precincts: ResultsDocument['precincts'],
): CandidateTotals {
  const totals = new Map(
    candidates.map((candidate) => [
      candidate.name,
      { candidate: candidate.name, firstAlignment: 0, finalAlignment: 0, delegates: 0, sde: 0 },
    ]),
  );
  for (const precinct of precincts) {
    for (const line of precinct.result?.lines ?? []) {
      const total = totals.get(line.candidate);
      if (!total) continue;
      total.firstAlignment += line.firstAlignment ?? 0;
      total.finalAlignment += line.finalAlignment ?? 0;
      total.delegates += line.delegatesAwarded ?? 0;
      total.sde += line.sde ?? 0;
    }
  }
  return [...totals.values()].map((total) => ({ ...total, sde: roundSde(total.sde) }));
}

/** The part of totalsOf that comes from precincts with findings: delegates and SDEs per candidate. */
export function totalsFromPrecinctsWithFindings(
  candidates: ResultsDocument['candidates'],
  precincts: ResultsDocument['precincts'],
): NonNullable<ResultsDocument['totalsFromPrecinctsWithFindings']> {
  const flagged = precincts.filter((precinct) => precinct.findings.length > 0);
  return totalsOf(candidates, flagged).map(({ candidate, delegates, sde }) => ({ candidate, delegates, sde }));
}

/** SDEs are published to 4 decimal places. */
export function roundSde(value: number): number {
  return Math.round(value * 10000) / 10000;
}
