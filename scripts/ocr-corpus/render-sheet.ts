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
import { type PrintedText, worksheetPrintout } from '../../electron/core/ocr/worksheet-printout';
import type { RulesProfileId } from '../../electron/core/rules/types';
import { drawStrokeDigit, strokeWriter, WRITER_RANGES, type WriterPurpose, writerId } from '../ocr/stroke-hand';
import { corpusFamily, type HandwritingFont } from './fonts';
import type { Random } from './random';
import type { SheetValues } from './sheet-values';

/** How the digits are written: in print, or by one person with their habits. */
export type Writing =
  | { readonly kind: 'printed' }
  | {
      readonly kind: 'handwritten';
      /** A handwriting font, or pen strokes (scripts/ocr/stroke-hand.ts) by writer `writer`. */
      readonly font: HandwritingFont | 'strokes';
      /** The stroke writer's id (only for 'strokes'): its range says whether training ever saw this hand. */
      readonly writer?: number;
      /** Glyph height as a share of the box height. */
      readonly size: number;
      /** Horizontal shear of the writing (italic lean), as tan of the angle. */
      readonly slant: number;
      readonly ink: 'black' | 'blue';
    };

export interface RenderSheetInput {
  readonly layout: WorksheetLayout;
  readonly election: WorksheetElection & { readonly rulesProfile: RulesProfileId };
  /** The precinct printed in the header (normally the QR's). */
  readonly precinct: WorksheetPrecinct;
  /** Null for a blank sheet. */
  readonly values: SheetValues | null;
  readonly writing: Writing;
  readonly dpi: number;
  readonly random: Random;
}

const INK = { black: '#141414', blue: '#1c2f8c' } as const;

/**
 * A writer: a handwriting font with its size, lean and ink, drawn at random; or, for 'strokes', a
 * pen-stroke writer drawn from the writers of `strokeWriters` (by default those no training saw).
 */
export function randomWriter(
  random: Random,
  fonts: readonly (HandwritingFont | 'strokes')[],
  strokeWriters: WriterPurpose = 'evaluation',
): Writing {
  const font = random.pick(fonts);
  return {
    kind: 'handwritten',
    font,
    ...(font === 'strokes'
      ? { writer: writerId(strokeWriters, random.int(0, WRITER_RANGES[strokeWriters].count - 1)) }
      : {}),
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

/** The printed sheet, from the same description the PDF writer draws (worksheet-printout.ts). */
function drawPrinted(context: SKRSContext2D, input: RenderSheetInput): void {
  const printout = worksheetPrintout(input.layout, input.election, input.precinct);
  context.fillStyle = '#000000';
  for (const rect of printout.fills) {
    // A hair wider, so neighbouring QR rows join without anti-aliased seams.
    context.fillRect(rect.x - 0.02, rect.y - 0.02, rect.width + 0.04, rect.height + 0.04);
  }
  context.strokeStyle = '#000000';
  context.lineWidth = 1;
  for (const rect of printout.boxes) context.strokeRect(rect.x, rect.y, rect.width, rect.height);
  context.strokeStyle = '#b3b8c2';
  context.lineWidth = 0.6;
  for (const rect of printout.frames) context.strokeRect(rect.x, rect.y, rect.width, rect.height);
  for (const line of printout.lines) {
    context.strokeStyle = line.tone === 'ink' ? '#1f242e' : '#b3b8c2';
    context.lineWidth = line.thickness;
    context.beginPath();
    context.moveTo(line.x1, line.y);
    context.lineTo(line.x2, line.y);
    context.stroke();
  }
  for (const text of printout.texts) drawText(context, text);
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
  if (writing.kind === 'handwritten' && writing.font === 'strokes') {
    const writer = strokeWriter(writing.writer ?? 0);
    context.save();
    drawStrokeDigit(
      context,
      Number(digit),
      writer,
      box,
      () => random.next(),
      writing.ink === 'blue' ? INK.blue : undefined,
    );
    context.restore();
    return;
  }
  const handwritten = writing.kind === 'handwritten';
  const family = handwritten && writing.font !== 'strokes' ? corpusFamily(writing.font) : corpusFamily('printed');
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
  if (writing.kind === 'handwritten') {
    context.rotate((random.between(-6, 6) * Math.PI) / 180);
    context.transform(1, 0, -(writing.slant + random.between(-0.05, 0.05)), 1, 0, 0);
  }
  context.fillStyle = handwritten ? INK[writing.ink] : '#000000';
  context.fillText(digit, -centerX, -centerY);
  context.restore();
}

function drawText(context: SKRSContext2D, item: PrintedText): void {
  context.fillStyle = item.muted ? '#5f6b7a' : '#1f242e';
  context.font = `${item.size}px "${corpusFamily(item.bold ? 'printed-bold' : 'printed')}"`;
  context.textAlign = 'left';
  context.textBaseline = 'top';
  let shown = item.text;
  if (item.width !== undefined) {
    while (shown.length > 1 && context.measureText(shown).width > item.width) shown = `${shown.slice(0, -4)}...`;
  }
  const offset =
    item.center && item.width !== undefined ? Math.max(0, (item.width - context.measureText(shown).width) / 2) : 0;
  context.fillText(shown, item.x + offset, item.top);
}
