/** The audit report (CSV or PDF) made in the app, its export recorded in the audit log with its sha256. */
import { createHash } from 'node:crypto';
import type { AuditReportFile } from '../../model/risk-limiting-audit';
import { reportFileSlug } from '../../report-pdf/report-file-name';
import { type AppError, appError, ok, type Result } from '../../result';
import type { CountyStore } from '../../store/county-store';
import type { AuditMeasurement, MeasuredDraw } from '../audit/measure-audit';
import { auditReportCsv } from '../report/audit-report-csv';
import { auditReportPdf } from '../report/audit-report-pdf';
import type { AuditState } from './audit-state';
import { needAudit } from './current-audit';

export async function auditReportFile(
  store: CountyStore,
  operator: string,
  input: { readonly auditId?: number | undefined; readonly format: 'csv' | 'pdf' },
  clock: () => Date,
): Promise<Result<AuditReportFile, AppError>> {
  const state = needAudit(store, input.auditId);
  if (!state.ok) return state;
  const measured = measurementForReport(state.value);
  if (!measured.ok) return measured;
  const stem = `audit-report-${reportFileSlug(state.value.audit.contest)}-${state.value.audit.id}`;
  const bytes =
    input.format === 'csv'
      ? new TextEncoder().encode(auditReportCsv(measured.value))
      : await auditReportPdf(measured.value, clock(), provenance(state.value));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  store.transaction(() => {
    store.appendAudit({
      at: clock().toISOString(),
      operator,
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
