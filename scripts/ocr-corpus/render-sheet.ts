/**
 * Draws a worksheet as a scanner would see it when the sheet is flat and clean: the printed
 * parts exactly where worksheet-layout.ts puts them (marks, QR, comb boxes), and the values
 * written into the boxes, in print or in handwriting-like fonts with a writer's own jitter.
 */
import { type Canvas, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import {
  type CombField,
  combDigits,
  type Rect,
  type WorksheetElection,
  type WorksheetLayout,
  type WorksheetPrecinct,
} from '../../electron/core/ocr/worksheet-layout';
import { qrSquares } from '../../electron/core/ocr/worksheet-qr';
import { corpusFamily, type HandwritingFont } from './fonts';
import type { Random } from './random';
import type { SheetValues } from './sheet-values';

/** How the digits are written: in print, or by one person with their habits. */
export type Writing =
  | { readonly kind: 'printed' }
  | {
      readonly kind: 'handwritten';
      readonly font: HandwritingFont;
      /** Glyph height as a share of the box height. */
      readonly size: number;
      /** Horizontal shear of the writing (italic lean), as tan of the angle. */
      readonly slant: number;
      readonly ink: 'black' | 'blue';
    };

export interface RenderSheetInput {
  readonly layout: WorksheetLayout;
  readonly election: WorksheetElection;
  /** The precinct printed in the header (normally the QR's). */
  readonly precinct: WorksheetPrecinct;
  /** Null for a blank sheet. */
  readonly values: SheetValues | null;
  readonly writing: Writing;
  readonly dpi: number;
  readonly random: Random;
}

const INK = { black: '#141414', blue: '#1c2f8c' } as const;

/** A writer: a handwriting font with its size, lean and ink, drawn at random. */
export function randomWriter(random: Random, fonts: readonly HandwritingFont[]): Writing {
  return {
    kind: 'handwritten',
    font: random.pick(fonts),
    size: random.between(0.58, 0.82),
    slant: random.between(-0.22, 0.12),
    ink: random.chance(0.6) ? 'black' : 'blue',
  };
}

export function renderSheet(input: RenderSheetInput): Canvas {
  const { layout, dpi } = input;
  const scale = dpi / 72;
  const canvas = createCanvas(Math.round(layout.page.width * scale), Math.round(layout.page.height * scale));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  drawPrinted(context, input);
  if (input.values) drawValues(context, input, input.values);
  return canvas;
}

function drawPrinted(context: SKRSContext2D, input: RenderSheetInput): void {
  const { layout, election, precinct } = input;
  context.fillStyle = '#000000';
  for (const mark of layout.marks) fill(context, mark.rect);
  fill(context, layout.orientationMark);
  for (const square of qrSquares(layout.qr.payload, layout.qr.rect)) {
    // A hair wider than the module, so neighbouring modules join without anti-aliased seams.
    context.fillRect(square.x - 0.02, square.y - 0.02, square.width + 0.04, square.height + 0.04);
  }

  const { header } = layout;
  text(context, 'PRECINCT CAUCUS WORKSHEET', header.x, header.y, 15, true);
  text(context, `${election.county} - ${election.name}`, header.x, header.y + 22, 10);
  text(context, `Date: ${election.date}`, header.x, header.y + 36, 10);
  text(context, `Precinct ${precinct.code} - ${precinct.name}`, header.x, header.y + 54, 13, true);
  text(context, `Delegates to elect: ${precinct.delegates}`, header.x, header.y + 74, 11, true);

  context.strokeStyle = '#b3b8c2';
  context.lineWidth = 0.6;
  strokeRect(context, layout.thresholdTable);
  text(context, 'Viability threshold table', layout.thresholdTable.x + 6, layout.thresholdTable.y + 5, 9, true);

  text(
    context,
    'Write one digit per box, in black or blue ink, right-aligned (last digit in the last box). Leave unused boxes empty.',
    layout.instructions.x,
    layout.instructions.y,
    9,
    true,
  );
  const headings = layout.columnHeadings;
  text(context, 'Candidate (ballot order)', headings.name.x, headings.name.y + 6, 9, true);
  text(context, 'First alignment', headings.first.x + 10, headings.first.y + 6, 9, true);
  text(context, 'Final alignment', headings.final.x + 10, headings.final.y + 6, 9, true);
  text(context, 'Delegates', headings.delegates.x + 10, headings.delegates.y + 6, 9, true);

  context.strokeStyle = '#000000';
  context.lineWidth = 1;
  for (const row of layout.rows) {
    const size = Math.min(11, row.name.height - 8);
    text(context, row.candidate, row.name.x, row.name.y + (row.name.height - size) / 2, size);
    for (const field of [row.first, row.final, row.delegates]) drawComb(context, field);
  }
  const { totals } = layout;
  text(context, 'Total (first = eligible attendees)', totals.label.x, totals.label.y + 2, 9, true);
  for (const field of [totals.first, totals.final, totals.delegates]) drawComb(context, field);

  text(context, 'Coin tosses', layout.coinToss.rect.x, layout.coinToss.rect.y, 10, true);
  text(context, 'Signatures', layout.signatures.rect.x, layout.signatures.rect.y, 10, true);
  context.lineWidth = 0.8;
  for (const line of [...layout.coinToss.lines, ...layout.signatures.lines.map((entry) => entry.line)]) {
    context.beginPath();
    context.moveTo(line.x, line.y);
    context.lineTo(line.x + line.width, line.y);
    context.stroke();
  }
}

function drawValues(context: SKRSContext2D, input: RenderSheetInput, values: SheetValues): void {
  const { layout } = input;
  for (const row of layout.rows) {
    const line = values.lines.find((entry) => entry.candidate === row.candidate);
    if (!line) continue;
    writeValue(context, input, row.first, line.first);
    writeValue(context, input, row.final, line.final);
    writeValue(context, input, row.delegates, line.delegates);
  }
  writeValue(context, input, layout.totals.first, values.totals.first);
  writeValue(context, input, layout.totals.final, values.totals.final);
  writeValue(context, input, layout.totals.delegates, values.totals.delegates);
}

function writeValue(context: SKRSContext2D, input: RenderSheetInput, field: CombField, value: number | null): void {
  if (value === null) return;
  const digits = combDigits(value, field.digits);
  field.boxes.forEach((box, index) => {
    const digit = digits[index];
    if (digit) writeDigit(context, input, box, digit);
  });
}

function writeDigit(context: SKRSContext2D, input: RenderSheetInput, box: Rect, digit: string): void {
  const { writing, random } = input;
  const handwritten = writing.kind === 'handwritten';
  const family = handwritten ? corpusFamily(writing.font) : corpusFamily('printed');
  const targetHeight = box.height * (handwritten ? writing.size * random.between(0.9, 1.1) : 0.62);
  // Font metrics differ a lot between handwriting fonts: size the glyph by its drawn height.
  // Metrics are relative to the current alignment, so it is set before measuring.
  context.textAlign = 'left';
  context.textBaseline = 'alphabetic';
  context.font = `100px "${family}"`;
  const probe = context.measureText(digit);
  const glyphHeight = Math.max(1, probe.actualBoundingBoxAscent + probe.actualBoundingBoxDescent);
  const fontSize = (100 * targetHeight) / glyphHeight;
  context.font = `${fontSize}px "${family}"`;
  const metrics = context.measureText(digit);
  const centerX = (metrics.actualBoundingBoxRight - metrics.actualBoundingBoxLeft) / 2;
  const centerY = (metrics.actualBoundingBoxDescent - metrics.actualBoundingBoxAscent) / 2;
  const jitterX = handwritten ? random.between(-0.1, 0.1) * box.width : random.between(-0.02, 0.02) * box.width;
  const jitterY = handwritten ? random.between(-0.08, 0.08) * box.height : random.between(-0.02, 0.02) * box.height;

  context.save();
  context.translate(box.x + box.width / 2 + jitterX, box.y + box.height / 2 + jitterY);
  if (handwritten) {
    context.rotate((random.between(-6, 6) * Math.PI) / 180);
    context.transform(1, 0, -(writing.slant + random.between(-0.05, 0.05)), 1, 0, 0);
  }
  context.fillStyle = handwritten ? INK[writing.ink] : '#000000';
  context.fillText(digit, -centerX, -centerY);
  context.restore();
}

function drawComb(context: SKRSContext2D, field: CombField): void {
  for (const box of field.boxes) strokeRect(context, box);
}

function fill(context: SKRSContext2D, rect: Rect): void {
  context.fillRect(rect.x, rect.y, rect.width, rect.height);
}

function strokeRect(context: SKRSContext2D, rect: Rect): void {
  context.strokeRect(rect.x, rect.y, rect.width, rect.height);
}

function text(context: SKRSContext2D, value: string, x: number, top: number, size: number, bold = false): void {
  context.fillStyle = '#1f242e';
  context.font = `${size}px "${corpusFamily(bold ? 'printed-bold' : 'printed')}"`;
  context.textAlign = 'left';
  context.textBaseline = 'top';
  context.fillText(value, x, top);
}
