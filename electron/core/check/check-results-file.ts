import { type AppError, ok, type Result } from '../result';
import { parsePrecinctResults } from '../results-file/precinct-results';
import { readTable } from '../results-file/table';
import { checkPrecinct } from '../rules/check';
import type { FindingCode, RulesProfileId } from '../rules/types';

/** `tallyroom check --json` output (docs/CONTRACTS.md: keep the shape exact). */
export interface CheckReport {
  precincts: {
    county: string;
    precinct: string;
    findings: { code: FindingCode; candidate?: string; message: string }[];
  }[];
  summary: { precincts: number; withFindings: number; byCode: Partial<Record<FindingCode, number>> };
}

/** Checks every precinct of a results file against a rules profile. */
export function checkResultsFile(
  fileName: string,
  bytes: Uint8Array,
  profile: RulesProfileId,
): Result<CheckReport, AppError> {
  const table = readTable(fileName, bytes);
  if (!table.ok) return table;
  const parsed = parsePrecinctResults(table.value, fileName);
  if (!parsed.ok) return parsed;
  const byCode: Partial<Record<FindingCode, number>> = {};
  const precincts = parsed.value.map((result) => {
    const findings = checkPrecinct(profile, result).map((finding) => {
      byCode[finding.code] = (byCode[finding.code] ?? 0) + 1;
      return finding.candidate === undefined
        ? { code: finding.code, message: finding.message }
        : { code: finding.code, candidate: finding.candidate, message: finding.message };
    });
    return { county: result.county ?? '', precinct: result.precinct, findings };
  });
  return ok({
    precincts,
    summary: {
      precincts: precincts.length,
      withFindings: precincts.filter((precinct) => precinct.findings.length > 0).length,
      byCode,
    },
  });
}
