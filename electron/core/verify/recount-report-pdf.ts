/**
 * The recount report as a PDF for the county file and the state party: the county totals before
 * and after with a bar chart, then every precinct recounted or corrected with who, when, why and
 * each number before and after. Drawn with pdf-lib's standard Helvetica (no font files to ship).
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { CandidateChange, RecountSummary } from '../api/contract';
import { difference } from './recount-report-xlsx';

const PAGE = { width: 612, height: 792, margin: 48 } as const;
const INK = rgb(0.12, 0.14, 0.18);
const MUTED = rgb(0.38, 0.42, 0.48);
const BEFORE = rgb(0.72, 0.76, 0.82);
const AFTER = rgb(0.16, 0.4, 0.72);
const CHANGED = rgb(0.7, 0.2, 0.1);

export async function recountReportPdf(summary: RecountSummary): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Recount report — ${summary.county}`);
  pdf.setCreator('Tallyroom');
  pdf.setCreationDate(new Date(summary.generatedAt));
  pdf.setModificationDate(new Date(summary.generatedAt));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const writer = new PageWriter(pdf, font, bold);

  writer.text(`Recount report — ${summary.county}`, { size: 18, font: bold });
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
  writer.text('County totals, certified (before) and now (after)', { size: 12, font: bold });
  writer.table(summary.countyTotals);
  writer.chart(summary.countyTotals);

  for (const change of summary.changes) {
    writer.gap(14);
    writer.ensure(120);
    writer.text(`Precinct ${change.precinct} · ${change.precinctName} — ${change.kind}`, { size: 12, font: bold });
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
      writer.text(`Delegates held by: ${before} -> ${after}`, { size: 9, font: bold, color: CHANGED });
    writer.table(change.candidates);
  }
  return pdf.save();
}

class PageWriter {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  ensure(height: number): void {
    if (this.y - height >= PAGE.margin) return;
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  gap(height: number): void {
    this.y -= height;
  }

  text(value: string, options: { size: number; font?: PDFFont; color?: ReturnType<typeof rgb> }): void {
    const font = options.font ?? this.font;
    for (const line of wrap(printable(value), font, options.size, PAGE.width - 2 * PAGE.margin)) {
      this.ensure(options.size + 4);
      this.y -= options.size + 4;
      this.page.drawText(line, { x: PAGE.margin, y: this.y, size: options.size, font, color: options.color ?? INK });
    }
  }

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

/** Helvetica in a PDF covers Windows-1252 only: other characters (a name in another script) become "?". */
function printable(text: string): string {
  return [...text.replace(/[\r\n\t]+/g, ' ')]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || '‘’“”–—…•'.includes(char) ? char : '?';
    })
    .join('');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  lines.push(line);
  return lines;
}
