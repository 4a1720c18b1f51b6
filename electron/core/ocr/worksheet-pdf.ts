/**
 * Printable precinct worksheets: one US Letter page per precinct, every mark, QR module and
 * digit box exactly where worksheet-layout.ts puts it (the reader finds them there). Text is
 * standard Helvetica, so there are no font files to ship (as the printed reports).
 */
import { type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { createReport, fitToWidth, INK, MUTED, printable } from '../report-pdf/page-writer';
import { ok, type Result } from '../result';
import type { RulesProfileId } from '../rules/types';
import {
  type CombField,
  type Rect,
  type WorksheetCandidate,
  type WorksheetElection,
  type WorksheetLayout,
  type WorksheetPrecinct,
  worksheetElectionId,
  worksheetLayout,
} from './worksheet-layout';
import { qrSquares } from './worksheet-qr';
import { thresholdTable } from './worksheet-threshold-table';

export interface WorksheetPdfInput {
  readonly election: WorksheetElection & { readonly rulesProfile: RulesProfileId };
  readonly candidates: readonly WorksheetCandidate[];
  /** One page each, in this order. */
  readonly precincts: readonly WorksheetPrecinct[];
}

const BLACK = rgb(0, 0, 0);
const RULE = rgb(0.7, 0.72, 0.76);
const TABLE_FONT = 7;
const TABLE_LINE = 9;
const TABLE_COLUMN = 52;

/** The worksheets as one PDF; an error (too many candidates, no candidates) names what to fix. */
export async function worksheetPdf(input: WorksheetPdfInput, createdAt: Date): Promise<Result<Uint8Array>> {
  const layouts: WorksheetLayout[] = [];
  for (const precinct of input.precincts) {
    const layout = worksheetLayout({ election: input.election, candidates: input.candidates, precinct });
    if (!layout.ok) return layout;
    layouts.push(layout.value);
  }
  const title =
    input.precincts.length === 1
      ? `Worksheet, precinct ${input.precincts[0]?.code ?? ''}`
      : `Worksheets, ${input.election.county}`;
  const { pdf, regular, bold } = await createReport(printable(title), createdAt);
  const fonts = { regular, bold };
  input.precincts.forEach((precinct, index) => {
    const layout = layouts[index];
    if (!layout) return;
    const page = pdf.addPage([layout.page.width, layout.page.height]);
    drawWorksheet(new Canvas(page, layout.page.height, fonts), layout, input, precinct);
  });
  return ok(await pdf.save());
}

interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

/** Draws in layout coordinates (points from the top-left); pdf-lib counts y from the bottom. */
class Canvas {
  constructor(
    readonly page: PDFPage,
    private readonly pageHeight: number,
    readonly fonts: Fonts,
  ) {}

  fill(rect: Rect): void {
    this.page.drawRectangle({ ...this.flip(rect), color: BLACK });
  }

  stroke(rect: Rect, thickness = 1, color = BLACK): void {
    this.page.drawRectangle({ ...this.flip(rect), borderColor: color, borderWidth: thickness });
  }

  line(x1: number, y: number, x2: number, thickness = 0.8, color = INK): void {
    const at = this.pageHeight - y;
    this.page.drawLine({ start: { x: x1, y: at }, end: { x: x2, y: at }, thickness, color });
  }

  /** Text whose baseline is `size` below `top`, cut to `width` points with "..." when longer. */
  text(
    value: string,
    x: number,
    top: number,
    size: number,
    options: { bold?: boolean; width?: number; muted?: boolean } = {},
  ) {
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const clean = printable(value);
    const shown = options.width === undefined ? clean : fitToWidth(font, clean, options.width, size);
    this.page.drawText(shown, {
      x,
      y: this.pageHeight - top - size,
      size,
      font,
      color: options.muted ? MUTED : INK,
    });
  }

  textWidth(value: string, size: number, bold = false): number {
    return (bold ? this.fonts.bold : this.fonts.regular).widthOfTextAtSize(printable(value), size);
  }

  private flip(rect: Rect) {
    return { x: rect.x, y: this.pageHeight - rect.y - rect.height, width: rect.width, height: rect.height };
  }
}

function drawWorksheet(
  canvas: Canvas,
  layout: WorksheetLayout,
  input: WorksheetPdfInput,
  precinct: WorksheetPrecinct,
): void {
  for (const mark of layout.marks) canvas.fill(mark.rect);
  canvas.fill(layout.orientationMark);
  for (const square of qrSquares(layout.qr.payload, layout.qr.rect)) canvas.fill(square);

  const { header } = layout;
  const { election } = input;
  canvas.text('PRECINCT CAUCUS WORKSHEET', header.x, header.y, 15, { bold: true, width: header.width });
  canvas.text(`${election.county} - ${election.name}`, header.x, header.y + 22, 10, { width: header.width });
  canvas.text(`Date: ${election.date}`, header.x, header.y + 36, 10, { width: header.width });
  canvas.text(`Precinct ${precinct.code} - ${precinct.name}`, header.x, header.y + 54, 13, {
    bold: true,
    width: header.width,
  });
  canvas.text(`Delegates to elect: ${precinct.delegates}`, header.x, header.y + 74, 11, { bold: true });

  drawThresholdTable(canvas, layout.thresholdTable, input.election.rulesProfile, precinct.delegates);

  canvas.text(
    'Write one digit per box, in black or blue ink, right-aligned (last digit in the last box). Leave unused boxes empty.',
    layout.instructions.x,
    layout.instructions.y,
    9,
    { bold: true, width: layout.instructions.width },
  );

  const headings = layout.columnHeadings;
  canvas.text('Candidate (ballot order)', headings.name.x, headings.name.y + 6, 9, { bold: true });
  centered(canvas, 'First alignment', headings.first, 9);
  centered(canvas, 'Final alignment', headings.final, 9);
  centered(canvas, 'Delegates', headings.delegates, 9);
  canvas.line(headings.name.x, headings.name.y + headings.name.height, layout.page.width - 36, 0.6, RULE);

  for (const row of layout.rows) {
    const nameSize = Math.min(11, row.name.height - 8);
    canvas.text(row.candidate, row.name.x, row.name.y + (row.name.height - nameSize) / 2, nameSize, {
      width: row.name.width,
    });
    for (const field of [row.first, row.final, row.delegates]) drawComb(canvas, field);
  }

  const { totals } = layout;
  canvas.line(totals.label.x, totals.label.y - 3, layout.page.width - 36, 1, INK);
  canvas.text('Total (first = eligible attendees)', totals.label.x, totals.label.y + 2, 9, {
    bold: true,
    width: totals.label.width,
  });
  canvas.text('Delegates must add up to the number to elect.', totals.label.x, totals.label.y + 13, 7, {
    muted: true,
    width: totals.label.width,
  });
  for (const field of [totals.first, totals.final, totals.delegates]) drawComb(canvas, field);

  const toss = layout.coinToss;
  canvas.text('Coin tosses', toss.rect.x, toss.rect.y, 10, { bold: true });
  canvas.text('Who tied, for what (viability or a delegate), who won the toss:', toss.rect.x, toss.rect.y + 14, 8, {
    muted: true,
    width: toss.rect.width,
  });
  for (const line of toss.lines) canvas.line(line.x, line.y, line.x + line.width);

  const signatures = layout.signatures;
  canvas.text('Signatures', signatures.rect.x, signatures.rect.y, 10, { bold: true });
  canvas.text('We certify these numbers are the caucus results.', signatures.rect.x, signatures.rect.y + 14, 8, {
    muted: true,
    width: signatures.rect.width,
  });
  for (const { label, line } of signatures.lines) {
    canvas.line(line.x, line.y, line.x + line.width);
    canvas.text(`${label} (signature, printed name, date and time)`, line.x, line.y + 3, 7, { muted: true });
  }

  canvas.text(
    `Tallyroom worksheet form ${layout.formVersion} - election ${worksheetElectionId(election)} - precinct ${precinct.code}`,
    60,
    layout.page.height - 36,
    7,
    { muted: true, width: layout.page.width - 120 },
  );
}

function drawComb(canvas: Canvas, field: CombField): void {
  for (const box of field.boxes) canvas.stroke(box, 1);
}

function centered(canvas: Canvas, text: string, rect: Rect, size: number): void {
  const width = canvas.textWidth(text, size, true);
  canvas.text(text, rect.x + Math.max(0, (rect.width - width) / 2), rect.y + 6, size, { bold: true });
}

function drawThresholdTable(canvas: Canvas, rect: Rect, rulesProfile: RulesProfileId, delegates: number): void {
  canvas.stroke(rect, 0.6, RULE);
  const inner = { x: rect.x + 6, y: rect.y + 5, width: rect.width - 12 };
  const columns = Math.floor(inner.width / TABLE_COLUMN);
  const lines = Math.floor((rect.height - 30) / TABLE_LINE);
  const table = thresholdTable(rulesProfile, delegates, columns * lines);
  canvas.text(table.rule, inner.x, inner.y, 9, { bold: true, width: inner.width });
  if (table.ranges.length === 0) return;
  canvas.text(
    'Eligible attendees: threshold, the people a group needs to be viable. Find the line with your number of eligible attendees.',
    inner.x,
    inner.y + 12,
    7,
    { muted: true, width: inner.width },
  );
  // Filled column by column, so a person reads the table downwards like a printed list.
  table.ranges.forEach((range, index) => {
    const column = Math.floor(index / lines);
    const line = index % lines;
    const attendees = range.from === range.to ? `${range.from}` : `${range.from}-${range.to}`;
    canvas.text(
      `${attendees}: ${range.threshold}`,
      inner.x + column * TABLE_COLUMN,
      inner.y + 24 + line * TABLE_LINE,
      TABLE_FONT,
      {
        width: TABLE_COLUMN - 4,
      },
    );
  });
}
