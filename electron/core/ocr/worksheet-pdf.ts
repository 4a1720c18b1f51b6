/**
 * Printable precinct worksheets: one US Letter page per precinct, every mark, QR module and
 * digit box exactly where worksheet-layout.ts puts them (the reader finds them there). Text is
 * standard Helvetica, so there are no font files to ship (as the printed reports).
 */
import { type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { createReport, fitToWidth, INK, MUTED, printable } from '../report-pdf/page-writer';
import { ok, type Result } from '../result';
import type { RulesProfileId } from '../rules/types';
import {
  type Rect,
  type WorksheetCandidate,
  type WorksheetElection,
  type WorksheetLayout,
  type WorksheetPrecinct,
  worksheetLayout,
} from './worksheet-layout';
import { type PrintedText, type Printout, worksheetPrintout } from './worksheet-printout';

export interface WorksheetPdfInput {
  readonly election: WorksheetElection & { readonly rulesProfile: RulesProfileId };
  readonly candidates: readonly WorksheetCandidate[];
  /** One page each, in this order. */
  readonly precincts: readonly WorksheetPrecinct[];
}

const BLACK = rgb(0, 0, 0);
const RULE = rgb(0.7, 0.72, 0.76);

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
  input.precincts.forEach((precinct, index) => {
    const layout = layouts[index];
    if (!layout) return;
    const page = pdf.addPage([layout.page.width, layout.page.height]);
    drawPrintout(page, worksheetPrintout(layout, input.election, precinct), { regular, bold });
  });
  return ok(await pdf.save());
}

interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

/** Draws in layout coordinates (points from the top-left); pdf-lib counts y from the bottom. */
function drawPrintout(page: PDFPage, printout: Printout, fonts: Fonts): void {
  const height = page.getHeight();
  const flip = (rect: Rect) => ({
    x: rect.x,
    y: height - rect.y - rect.height,
    width: rect.width,
    height: rect.height,
  });
  for (const rect of printout.fills) page.drawRectangle({ ...flip(rect), color: BLACK });
  for (const rect of printout.boxes) page.drawRectangle({ ...flip(rect), borderColor: BLACK, borderWidth: 1 });
  for (const rect of printout.frames) page.drawRectangle({ ...flip(rect), borderColor: RULE, borderWidth: 0.6 });
  for (const line of printout.lines) {
    page.drawLine({
      start: { x: line.x1, y: height - line.y },
      end: { x: line.x2, y: height - line.y },
      thickness: line.thickness,
      color: line.tone === 'ink' ? INK : RULE,
    });
  }
  for (const text of printout.texts) drawText(page, text, fonts);
}

function drawText(page: PDFPage, item: PrintedText, fonts: Fonts): void {
  const font = item.bold ? fonts.bold : fonts.regular;
  const clean = printable(item.text);
  const shown = item.width === undefined ? clean : fitToWidth(font, clean, item.width, item.size);
  const offset =
    item.center && item.width !== undefined
      ? Math.max(0, (item.width - font.widthOfTextAtSize(shown, item.size)) / 2)
      : 0;
  page.drawText(shown, {
    x: item.x + offset,
    y: page.getHeight() - item.top - item.size,
    size: item.size,
    font,
    color: item.muted ? MUTED : INK,
  });
}
