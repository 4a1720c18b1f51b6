import type { AuditMeasurement } from '../audit/measure-audit';
import { verdictSentence } from '../audit/verdict';
import { decimalText, pValueText } from './report-figures';

/** Column names of the audit report CSV, one row per sampled precinct x candidate. */
export const AUDIT_REPORT_COLUMNS = [
  'county',
  'risk_limit_percent',
  'seed',
  'winner',
  'U',
  'sample_size',
  'ticket',
  'precinct',
  'random',
  'candidate',
  'reported',
  'audited',
  'difference',
  'discrepancy_votes',
  'max_error',
  'taint',
  'p_value',
  'verdict',
] as const;

export type AuditReportRow = Record<(typeof AUDIT_REPORT_COLUMNS)[number], string>;

/**
 * Everything the report shows, as text: per contest, every draw's reported and audited counts per
 * candidate, the discrepancy (Arlo's counted_as: reported pair margin less audited), u_p and taint,
 * and the contest's measured risk and verdict. A contest with no draws still gets one row.
 */
export function auditReportRows(audit: AuditMeasurement): AuditReportRow[] {
  const rows: AuditReportRow[] = [];
  for (const contest of audit.contests) {
    const base = {
      county: contest.plan.contest.name,
      risk_limit_percent: String(audit.riskLimit),
      seed: audit.seed,
      winner: contest.plan.contest.winners.join(' / '),
      U: decimalText(contest.plan.totalErrorBound),
      sample_size: String(contest.plan.sampleSize.draws),
      p_value: pValueText(contest.measurement.pValue),
      verdict: verdictSentence(contest.verdict),
    };
    const empty = { ticket: '', precinct: '', random: '', candidate: '', reported: '', audited: '', difference: '' };
    if (contest.draws.length === 0) {
      rows.push({ ...base, ...empty, discrepancy_votes: '', max_error: '', taint: '' });
      continue;
    }
    contest.draws.forEach((draw, index) => {
      const measured = contest.measurement.draws[index];
      for (const candidate of contest.plan.contest.totals.keys()) {
        const reported = draw.reported.get(candidate) ?? 0;
        const audited = draw.audited.get(candidate) ?? 0;
        rows.push({
          ...base,
          ticket: String(draw.ticket),
          precinct: draw.precinct,
          random: draw.random ?? '',
          candidate,
          reported: String(reported),
          audited: String(audited),
          difference: String(audited - reported),
          discrepancy_votes: measured?.discrepancy ? decimalText(measured.discrepancy.votes) : '0',
          max_error: decimalText(measured?.maxError ?? null),
          taint: decimalText(measured?.taint ?? null),
        });
      }
    });
  }
  return rows;
}
