import { rgb } from 'pdf-lib';
import {
  type Color,
  createReport,
  fitToWidth,
  INK,
  MUTED,
  PAGE,
  PageWriter,
  printable,
} from '../../report-pdf/page-writer';
import type { AuditMeasurement } from '../audit/measure-audit';
import { auditReportRows } from './audit-report-rows';

const FLAGGED = rgb(0.7, 0.2, 0.1);
/** Table columns: label and left edge in points. */
const COLUMNS = [
  ['Ticket', 48],
  ['Precinct', 90],
  ['Candidate', 210],
  ['Reported', 330],
  ['Audited', 385],
  ['Diff.', 440],
  ['u_p', 480],
  ['Taint', 535],
] as const;

/**
 * The audit report as a PDF for the county file: seed, risk limit, and per county the winner, U,
 * the sample, reported vs audited per sampled precinct, discrepancies, taint, the measured risk and
 * the verdict. Standard Helvetica (nothing to ship); characters it cannot draw print as "?".
 */
export async function auditReportPdf(
  audit: AuditMeasurement,
  generatedAt: Date,
  /** Lines printed under the heading (the app adds who fixed the seed, drew and counted). */
  notes: readonly string[] = [],
): Promise<Uint8Array> {
  const { pdf, regular, bold } = await createReport('Risk-limiting audit report', generatedAt);
  const writer = new AuditPageWriter(pdf, regular, bold);
  writer.text('Risk-limiting audit report (batch comparison, MACRO)', { size: 16, bold: true });
  writer.text(`Risk limit ${audit.riskLimit}% · seed ${audit.seed} · rules ${audit.rules}`, { size: 10 });
  writer.text(`Generated ${generatedAt.toISOString()} · method and re-derivation: docs/RLA.md`, {
    size: 8,
    color: MUTED,
  });
  for (const note of notes) writer.text(note, { size: 8, color: MUTED });

  const rows = auditReportRows(audit);
  for (const contest of audit.contests) {
    const name = contest.plan.contest.name;
    const contestRows = rows.filter((row) => row.county === name);
    const first = contestRows[0];
    if (!first) continue;
    writer.gap(12);
    writer.ensure(90);
    writer.text(name, { size: 13, bold: true });
    writer.text(
      `Reported winner: ${first.winner} · U = ${first.U || 'infinite'} · first-round sample ${first.sample_size}`,
      {
        size: 9,
      },
    );
    if (contest.rounds.length > 1) {
      writer.text(
        `Rounds: ${contest.rounds.map((round) => `${round.round} (${round.kind === 'full-hand-count' ? 'full hand count' : `${round.sampleSize} draws`})`).join(', ')}`,
        { size: 9 },
      );
    }
    writer.text(`Measured risk p = ${first.p_value}: ${first.verdict}`, {
      size: 10,
      bold: true,
      color: contest.verdict.kind === 'confirmed' ? INK : FLAGGED,
    });
    if (contestRows.every((row) => row.ticket === '')) continue;
    writer.gap(4);
    writer.cells(
      COLUMNS.map(([label]) => label),
      { bold: true },
    );
    for (const row of contestRows) {
      writer.cells(
        [row.ticket, row.precinct, row.candidate, row.reported, row.audited, row.difference, row.max_error, row.taint],
        { color: row.difference !== '0' ? FLAGGED : INK },
      );
    }
  }
  return pdf.save();
}

/** The report's page writer, plus one table row in the audit's columns. */
class AuditPageWriter extends PageWriter {
  cells(values: readonly string[], options: { bold?: boolean; color?: Color }): void {
    this.ensure(12);
    this.y -= 12;
    const font = options.bold ? this.bold : this.font;
    values.forEach((value, index) => {
      const left = COLUMNS[index]?.[1] ?? PAGE.margin;
      const right = COLUMNS[index + 1]?.[1] ?? PAGE.width - PAGE.margin;
      this.page.drawText(fitToWidth(font, printable(value), right - left - 4, 8), {
        x: left,
        y: this.y,
        size: 8,
        font,
        color: options.color ?? INK,
      });
    });
  }
}
