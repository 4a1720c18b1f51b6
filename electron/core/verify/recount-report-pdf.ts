/**
 * The recount report as a PDF for the county file and the state party: the county totals before
 * and after with a bar chart, then every precinct recounted or corrected with who, when, why and
 * each number before and after. Drawn with pdf-lib's standard Helvetica (no font files to ship).
 */
import { rgb } from 'pdf-lib';
import type { CandidateChange, RecountSummary } from '../model/recount';
import { createReport, INK, MUTED, PAGE, PageWriter, printable } from '../report-pdf/page-writer';
import { difference } from './recount-report-xlsx';

// Bars are graphics: at least 3:1 against the paper (WCAG 1.4.11), the certified grey included.
const BEFORE = rgb(0.49, 0.54, 0.62);
const AFTER = rgb(0.16, 0.4, 0.72);
const CHANGED = rgb(0.7, 0.2, 0.1);

export async function recountReportPdf(summary: RecountSummary): Promise<Uint8Array> {
  const { pdf, regular, bold } = await createReport(
    `Recount report — ${summary.county}`,
    new Date(summary.generatedAt),
  );
  const writer = new RecountPageWriter(pdf, regular, bold);

  writer.text(`Recount report — ${summary.county}`, { size: 18, bold: true });
  writer.text(`${summary.election} · rules ${summary.rulesProfile} · generated ${summary.generatedAt}`, {
    size: 9,
    color: MUTED,
  });
  const precincts = new Set(summary.changes.map((change) => change.precinct)).size;
  writer.text(
    `${summary.changes.length} change${summary.changes.length === 1 ? '' : 's'} to certified results in ${precincts} precinct${precincts === 1 ? '' : 's'}.`,
    { size: 10 },
  );
  writer.gap(10);
  writer.text('County totals, certified (before) and now (after)', { size: 12, bold: true });
  writer.table(summary.countyTotals);
  writer.chart(summary.countyTotals);

  for (const change of summary.changes) {
    writer.gap(14);
    writer.ensure(120);
    writer.text(`Precinct ${change.precinct} · ${change.precinctName} — ${change.kind}`, { size: 12, bold: true });
    writer.text(
      `By ${change.operator} at ${change.at} (report ${change.reportId}, certified report ${change.certifiedReportId})`,
      {
        size: 9,
        color: MUTED,
      },
    );
    writer.text(`Why: ${change.reason}`, { size: 9 });
    const before = change.delegateWinnersBefore.join(', ') || 'none';
    const after = change.delegateWinnersAfter.join(', ') || 'none';
    if (before !== after)
      writer.text(`Delegates held by: ${before} -> ${after}`, { size: 9, bold: true, color: CHANGED });
    writer.table(change.candidates);
  }
  return pdf.save();
}

/** The report's page writer, plus the before/after table and the SDE chart. */
class RecountPageWriter extends PageWriter {
  table(lines: readonly CandidateChange[]): void {
    const columns = ['Candidate', 'First', 'Final', 'Delegates', 'SDE'];
    const xs = [PAGE.margin, 190, 290, 390, 490];
    this.ensure(16 * (lines.length + 1) + 6);
    this.y -= 16;
    columns.forEach((label, index) => {
      this.page.drawText(label, { x: xs[index] ?? 0, y: this.y, size: 9, font: this.bold, color: MUTED });
    });
    for (const line of lines) {
      this.y -= 15;
      this.page.drawText(printable(line.candidate).slice(0, 28), {
        x: xs[0] ?? 0,
        y: this.y,
        size: 9,
        font: this.font,
      });
      (['firstAlignment', 'finalAlignment', 'delegates', 'sde'] as const).forEach((field, index) => {
        const before = line.before[field];
        const after = line.after[field];
        const diff = difference(before, after);
        const text =
          diff === 0 || diff === null
            ? format(after)
            : `${format(before)} -> ${format(after)} (${diff > 0 ? '+' : ''}${format(diff)})`;
        this.page.drawText(text, {
          x: xs[index + 1] ?? 0,
          y: this.y,
          size: 9,
          font: diff ? this.bold : this.font,
          color: diff ? CHANGED : INK,
        });
      });
    }
  }

  /** SDEs per candidate, a pale bar for the certified total and a blue one for the total now. */
  chart(lines: readonly CandidateChange[]): void {
    const row = 26;
    const height = lines.length * row + 24;
    this.ensure(height + 10);
    this.y -= 12;
    const max = Math.max(0.0001, ...lines.flatMap((line) => [line.before.sde ?? 0, line.after.sde ?? 0]));
    const left = PAGE.margin + 110;
    const width = PAGE.width - PAGE.margin - left - 70;
    for (const line of lines) {
      this.y -= row;
      this.page.drawText(printable(line.candidate).slice(0, 20), {
        x: PAGE.margin,
        y: this.y + 8,
        size: 9,
        font: this.font,
      });
      const before = line.before.sde ?? 0;
      const after = line.after.sde ?? 0;
      this.page.drawRectangle({ x: left, y: this.y + 11, width: (before / max) * width, height: 9, color: BEFORE });
      this.page.drawRectangle({ x: left, y: this.y + 1, width: (after / max) * width, height: 9, color: AFTER });
      this.page.drawText(`${format(before)} -> ${format(after)} SDE`, {
        x: left + (Math.max(before, after) / max) * width + 6,
        y: this.y + 6,
        size: 8,
        font: this.font,
        color: MUTED,
      });
    }
    this.y -= 14;
    this.page.drawRectangle({ x: left, y: this.y, width: 9, height: 7, color: BEFORE });
    this.page.drawText('certified', { x: left + 13, y: this.y, size: 8, font: this.font, color: MUTED });
    this.page.drawRectangle({ x: left + 70, y: this.y, width: 9, height: 7, color: AFTER });
    this.page.drawText('after recounts and corrections', {
      x: left + 83,
      y: this.y,
      size: 8,
      font: this.font,
      color: MUTED,
    });
  }
}

function format(value: number | null): string {
  if (value === null) return '-';
  return Number.isInteger(value) ? String(value) : value.toFixed(4).replace(/0+$/, '');
}
