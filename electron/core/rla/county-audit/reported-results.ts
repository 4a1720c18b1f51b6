import { createHash } from 'node:crypto';
import { canonicalJson } from '../../audit-log/canonical-json';
import type { CountyView } from '../../county/county-view';
import { type AppError, appError, ok, type Result } from '../../result';
import type { RulesProfileId } from '../../rules/types';
import type { AuditCounty, AuditPrecinct } from '../audit/audit-results-file';

/** The county's reported results as an audit takes them, with where each precinct's came from. */
export interface ReportedForAudit {
  readonly county: AuditCounty;
  /** Per precinct: its id, the certified report whose numbers are audited, and its ballots. */
  readonly batches: readonly {
    readonly precinctId: number;
    readonly precinct: string;
    readonly reportId: number;
    readonly ballots: number;
  }[];
  /** sha256 of reportedFingerprintText: anyone holding the published results can recompute it. */
  readonly sha256: string;
}

/**
 * An audit checks fixed results, and the seed is rolled after they are fixed and published
 * (docs/RLA.md). "Fixed" here is: every precinct certified, so its numbers change only through a
 * recorded recount or correction. The county itself need not be certified yet: an audit before the
 * county's certification is the usual order, so a full hand count can still change the outcome.
 *
 * The contest is the county's: under iowa-dem-2020 the final alignment supporters per candidate,
 * with the precinct's attendees (the first alignment total, N) as its ballots; under plurality the
 * votes (first_alignment), with the votes added up as the ballots (the database holds no separate
 * ballot count; a hand tally above it then counts as a taint of 1: a full hand count).
 */
export function reportedForAudit(view: CountyView): Result<ReportedForAudit, AppError> {
  const open = view.precincts.filter((precinct) => precinct.status !== 'certified' || !precinct.current);
  if (open.length > 0) {
    const names = open.slice(0, 8).map((precinct) => `${precinct.precinct.code} (${precinct.status})`);
    return appError(
      'AUDIT_RESULTS_NOT_FIXED',
      `An audit checks results that can no longer change, and ${open.length} precinct${open.length === 1 ? ' is' : 's are'} not certified yet: ${names.join(', ')}${open.length > 8 ? ', …' : ''}. Certify every precinct first; then roll the seed in public.`,
      { precincts: open.map((precinct) => precinct.precinct.code) },
    );
  }
  const rules = view.election.rulesProfile;
  const candidates = view.candidates.map((candidate) => candidate.name);
  const precincts: AuditPrecinct[] = [];
  const batches: ReportedForAudit['batches'][number][] = [];
  for (const precinct of view.precincts) {
    const report = precinct.current;
    if (!report) continue;
    const counts = new Map<string, number>();
    let attendees = 0;
    for (const candidate of candidates) {
      const line = report.lines.find((entry) => entry.candidate === candidate);
      const count = rules === 'plurality' ? (line?.firstAlignment ?? line?.finalAlignment) : line?.finalAlignment;
      counts.set(candidate, count ?? 0);
      attendees += line?.firstAlignment ?? 0;
    }
    const votes = [...counts.values()].reduce((total, count) => total + count, 0);
    const ballots = rules === 'plurality' ? votes : Math.max(attendees, votes);
    precincts.push({ precinct: precinct.precinct.code, counts, ballots });
    batches.push({ precinctId: precinct.precinct.id, precinct: precinct.precinct.code, reportId: report.id, ballots });
  }
  const county: AuditCounty = { county: view.election.county, candidates, precincts };
  return ok({ county, batches, sha256: reportedFingerprint(county, rules) });
}

/**
 * The text the fingerprint is the sha256 of: canonical JSON (keys sorted, no spaces) of
 * {"county","rules","candidates":[ballot order],"precincts":[{"precinct","ballots","counts":{candidate:n}}]}.
 */
export function reportedFingerprintText(county: AuditCounty, rules: RulesProfileId): string {
  return canonicalJson({
    county: county.county,
    rules,
    candidates: county.candidates,
    precincts: county.precincts.map((precinct) => ({
      precinct: precinct.precinct,
      ballots: precinct.ballots,
      counts: Object.fromEntries(precinct.counts),
    })),
  });
}

export function reportedFingerprint(county: AuditCounty, rules: RulesProfileId): string {
  return createHash('sha256').update(reportedFingerprintText(county, rules), 'utf8').digest('hex');
}
