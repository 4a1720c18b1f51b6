import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { AuditMeasurement } from '../audit/measure-audit';
import { auditReportRows } from './audit-report-rows';

const PAGE = { width: 612, height: 792, margin: 48 } as const;
const INK = rgb(0.12, 0.14, 0.18);
const MUTED = rgb(0.38, 0.42, 0.48);
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
export async function auditReportPdf(audit: AuditMeasurement, generatedAt: Date): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Risk-limiting audit report');
  pdf.setCreator('Tallyroom');
  pdf.setCreationDate(generatedAt);
  pdf.setModificationDate(generatedAt);
  const writer = new PageWriter(
    pdf,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
  );
  writer.line('Risk-limiting audit report (batch comparison, MACRO)', { size: 16, bold: true });
  writer.line(`Risk limit ${audit.riskLimit}% · seed ${audit.seed} · rules ${audit.rules}`, { size: 10 });
  writer.line(`Generated ${generatedAt.toISOString()} · method and re-derivation: docs/RLA.md`, {
    size: 8,
    color: MUTED,
  });

  const rows = auditReportRows(audit);
  for (const contest of audit.contests) {
    const name = contest.plan.contest.name;
    const contestRows = rows.filter((row) => row.county === name);
    const first = contestRows[0];
    if (!first) continue;
    writer.gap(12);
    writer.ensure(90);
    writer.line(name, { size: 13, bold: true });
    writer.line(
      `Reported winner: ${first.winner} · U = ${first.U || 'infinite'} · first-round sample ${first.sample_size}`,
      {
        size: 9,
      },
    );
    writer.line(`Measured risk p = ${first.p_value}: ${first.verdict}`, {
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

  line(text: string, options: { size: number; bold?: boolean; color?: ReturnType<typeof rgb> }): void {
    this.ensure(options.size + 4);
    this.y -= options.size + 4;
    const font = options.bold ? this.bold : this.font;
    this.page.drawText(printable(font, text), {
      x: PAGE.margin,
      y: this.y,
      size: options.size,
      font,
      color: options.color ?? INK,
      maxWidth: PAGE.width - 2 * PAGE.margin,
    });
  }

  cells(values: readonly string[], options: { bold?: boolean; color?: ReturnType<typeof rgb> }): void {
    this.ensure(12);
    this.y -= 12;
    const font = options.bold ? this.bold : this.font;
    values.forEach((value, index) => {
      const left = COLUMNS[index]?.[1] ?? PAGE.margin;
      const right = COLUMNS[index + 1]?.[1] ?? PAGE.width - PAGE.margin;
      this.page.drawText(fitToWidth(font, printable(font, value), right - left - 4, 8), {
        x: left,
        y: this.y,
        size: 8,
        font,
        color: options.color ?? INK,
      });
    });
  }
}

/** Text the standard font can encode: anything else becomes "?". */
function printable(font: PDFFont, text: string): string {
  return [...text]
    .map((char) => {
      try {
        font.encodeText(char);
        return char;
      } catch {
        return '?';
      }
    })
    .join('');
}

/** Shortens text with an ellipsis-like "..." so it stays inside its column. */
function fitToWidth(font: PDFFont, text: string, width: number, size: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let shortened = text;
  while (shortened.length > 1 && font.widthOfTextAtSize(`${shortened}...`, size) > width)
    shortened = shortened.slice(0, -1);
  return `${shortened}...`;
}
