/**
 * Everything printed on a blank worksheet, as a list of shapes and texts in layout coordinates
 * (points from the top-left). The PDF writer draws it with pdf-lib, the scan corpus generator
 * with a canvas: one description, so the generated scans show exactly the printed sheet.
 */
import type { RulesProfileId } from '../rules/types';
import {
  type Rect,
  type WorksheetElection,
  type WorksheetLayout,
  type WorksheetPrecinct,
  worksheetElectionId,
} from './worksheet-layout';
import { qrSquares } from './worksheet-qr';
import { thresholdTable } from './worksheet-threshold-table';

export interface PrintedText {
  readonly text: string;
  readonly x: number;
  /** Top of the text line; the baseline is `size` below it. */
  readonly top: number;
  readonly size: number;
  readonly bold?: boolean;
  /** Grey, for explanations. */
  readonly muted?: boolean;
  /** Cut with "..." past this width; with `center`, the text is centred in it. */
  readonly width?: number;
  readonly center?: boolean;
}

export interface PrintedLine {
  readonly x1: number;
  readonly x2: number;
  readonly y: number;
  readonly thickness: number;
  /** 'ink' for lines to write on, 'rule' for light separators. */
  readonly tone: 'ink' | 'rule';
}

export interface Printout {
  /** Solid black: corner marks, the orientation square, QR modules. */
  readonly fills: readonly Rect[];
  /** 1-point black outlines: the digit boxes. */
  readonly boxes: readonly Rect[];
  /** Light outlines (the threshold table's frame). */
  readonly frames: readonly Rect[];
  readonly lines: readonly PrintedLine[];
  readonly texts: readonly PrintedText[];
}

export const INSTRUCTION =
  'Write one digit per box, in black or blue ink, right-aligned (last digit in the last box). Leave unused boxes empty.';

const TABLE_FONT = 7;
const TABLE_LINE = 9;
const TABLE_COLUMN = 52;

export function worksheetPrintout(
  layout: WorksheetLayout,
  election: WorksheetElection & { readonly rulesProfile: RulesProfileId },
  precinct: WorksheetPrecinct,
): Printout {
  const fills: Rect[] = [
    ...layout.marks.map((mark) => mark.rect),
    layout.orientationMark,
    ...qrSquares(layout.qr.payload, layout.qr.rect),
  ];
  const texts: PrintedText[] = [];
  const lines: PrintedLine[] = [];
  const { header } = layout;
  texts.push(
    { text: 'PRECINCT CAUCUS WORKSHEET', x: header.x, top: header.y, size: 15, bold: true, width: header.width },
    { text: `${election.county} - ${election.name}`, x: header.x, top: header.y + 22, size: 10, width: header.width },
    { text: `Date: ${election.date}`, x: header.x, top: header.y + 36, size: 10, width: header.width },
    {
      text: `Precinct ${precinct.code} - ${precinct.name}`,
      x: header.x,
      top: header.y + 54,
      size: 13,
      bold: true,
      width: header.width,
    },
    { text: `Delegates to elect: ${precinct.delegates}`, x: header.x, top: header.y + 74, size: 11, bold: true },
  );
  texts.push(...thresholdTexts(layout.thresholdTable, election.rulesProfile, precinct.delegates));
  texts.push({
    text: INSTRUCTION,
    x: layout.instructions.x,
    top: layout.instructions.y,
    size: 9,
    bold: true,
    width: layout.instructions.width,
  });

  const headings = layout.columnHeadings;
  texts.push({ text: 'Candidate (ballot order)', x: headings.name.x, top: headings.name.y + 6, size: 9, bold: true });
  for (const [text, rect] of [
    ['First alignment', headings.first],
    ['Final alignment', headings.final],
    ['Delegates', headings.delegates],
  ] as const) {
    texts.push({ text, x: rect.x, top: rect.y + 6, size: 9, bold: true, width: rect.width, center: true });
  }
  lines.push({
    x1: headings.name.x,
    x2: layout.page.width - 36,
    y: headings.name.y + headings.name.height,
    thickness: 0.6,
    tone: 'rule',
  });

  const boxes: Rect[] = [];
  for (const row of layout.rows) {
    const size = Math.min(11, row.name.height - 8);
    texts.push({
      text: row.candidate,
      x: row.name.x,
      top: row.name.y + (row.name.height - size) / 2,
      size,
      width: row.name.width,
    });
    for (const field of [row.first, row.final, row.delegates]) boxes.push(...field.boxes);
  }
  const { totals } = layout;
  lines.push({ x1: totals.label.x, x2: layout.page.width - 36, y: totals.label.y - 3, thickness: 1, tone: 'ink' });
  texts.push(
    {
      text: 'Total (first = eligible attendees)',
      x: totals.label.x,
      top: totals.label.y + 2,
      size: 9,
      bold: true,
      width: totals.label.width,
    },
    {
      text: 'Delegates must add up to the number to elect.',
      x: totals.label.x,
      top: totals.label.y + 13,
      size: 7,
      muted: true,
      width: totals.label.width,
    },
  );
  for (const field of [totals.first, totals.final, totals.delegates]) boxes.push(...field.boxes);

  const toss = layout.coinToss;
  texts.push(
    { text: 'Coin tosses', x: toss.rect.x, top: toss.rect.y, size: 10, bold: true },
    {
      text: 'Who tied, for what (viability or a delegate), who won the toss:',
      x: toss.rect.x,
      top: toss.rect.y + 14,
      size: 8,
      muted: true,
      width: toss.rect.width,
    },
  );
  for (const line of toss.lines)
    lines.push({ x1: line.x, x2: line.x + line.width, y: line.y, thickness: 0.8, tone: 'ink' });

  const signatures = layout.signatures;
  texts.push(
    { text: 'Signatures', x: signatures.rect.x, top: signatures.rect.y, size: 10, bold: true },
    {
      text: 'We certify these numbers are the caucus results.',
      x: signatures.rect.x,
      top: signatures.rect.y + 14,
      size: 8,
      muted: true,
      width: signatures.rect.width,
    },
  );
  for (const { label, line } of signatures.lines) {
    lines.push({ x1: line.x, x2: line.x + line.width, y: line.y, thickness: 0.8, tone: 'ink' });
    texts.push({
      text: `${label} (signature, printed name, date and time)`,
      x: line.x,
      top: line.y + 3,
      size: 7,
      muted: true,
    });
  }

  texts.push({
    text: `Tallyroom worksheet form ${layout.formVersion} - election ${worksheetElectionId(election)} - precinct ${precinct.code}`,
    x: 60,
    top: layout.page.height - 36,
    size: 7,
    muted: true,
    width: layout.page.width - 120,
  });
  return { fills, boxes, frames: [layout.thresholdTable], lines, texts };
}

/** The rule in words, then the table filled column by column, so a person reads it downwards. */
function thresholdTexts(rect: Rect, rulesProfile: RulesProfileId, delegates: number): PrintedText[] {
  const inner = { x: rect.x + 6, y: rect.y + 5, width: rect.width - 12 };
  const columns = Math.floor(inner.width / TABLE_COLUMN);
  const rows = Math.floor((rect.height - 30) / TABLE_LINE);
  const table = thresholdTable(rulesProfile, delegates, columns * rows);
  const texts: PrintedText[] = [
    { text: table.rule, x: inner.x, top: inner.y, size: 9, bold: true, width: inner.width },
  ];
  if (table.ranges.length === 0) return texts;
  texts.push({
    text: 'Eligible attendees: threshold, the people a group needs to be viable. Find the line with your number of eligible attendees.',
    x: inner.x,
    top: inner.y + 12,
    size: 7,
    muted: true,
    width: inner.width,
  });
  table.ranges.forEach((range, index) => {
    const attendees = range.from === range.to ? `${range.from}` : `${range.from}-${range.to}`;
    texts.push({
      text: `${attendees}: ${range.threshold}`,
      x: inner.x + Math.floor(index / rows) * TABLE_COLUMN,
      top: inner.y + 24 + (index % rows) * TABLE_LINE,
      size: TABLE_FONT,
      width: TABLE_COLUMN - 4,
    });
  });
  return texts;
}
