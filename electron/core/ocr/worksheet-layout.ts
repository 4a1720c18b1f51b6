/**
 * The printable precinct worksheet as pure geometry: where every mark, the QR code and every
 * digit box is. The PDF (worksheet-pdf.ts), the scan corpus generator (scripts/ocr-corpus) and
 * the reader (OCR) all take positions from here, so what is printed is exactly what is read.
 *
 * Coordinate system: PDF points (1/72 inch) on a US Letter page, 612 x 792, origin at the
 * TOP-LEFT corner of the page, x to the right, y DOWN. (pdf-lib draws from the bottom-left: the
 * PDF writer flips y; nobody else has to.) A `Rect` is its top-left corner plus width and height.
 *
 * Alignment: four solid black squares (`marks`), one near each corner, MARK_SIZE points wide.
 * Their centres are the four reference points a reader maps to pixels (a homography from the
 * mark centres in points to the mark centres found in the image). The top-left mark has a small
 * solid square (`orientationMark`) just to its right, so a reader tells 0/90/180/270 rotation
 * from the marks alone, even when the QR cannot be read.
 *
 * Comb fields: one box per digit, boxes side by side with a small gap. Counts (first and final
 * alignment, totals) have COUNT_DIGITS = 4 boxes: a precinct caucus of 10,000 people or more
 * does not happen (the largest Iowa precincts seat a few thousand), and every extra empty box is
 * one more thing a reader could misread. Delegates awarded have DELEGATE_DIGITS = 3 boxes; a
 * precinct electing more than 999 delegates is refused. People are asked to write numbers
 * right-aligned (last digit in the last box); a reader should still join the non-empty boxes in
 * order, since some people start from the left. Each box's border is a 1-point line centred on
 * the rect's edges: crop at least BOX_BORDER_INSET points inside a box to avoid the border.
 *
 * The QR holds `worksheetQrPayload(...)`: form version, a short hash of the election identity
 * (county, name, date) and the precinct code. Change WORKSHEET_FORM_VERSION whenever geometry
 * here changes in a way an older reader would misread.
 */
import { createHash } from 'node:crypto';
import { appError, ok, type Result } from '../result';
import type { WorksheetColumn } from './scan-reading';

export const WORKSHEET_FORM_VERSION = 1;

/** US Letter in points. */
export const WORKSHEET_PAGE = { width: 612, height: 792 } as const;

export const COUNT_DIGITS = 4;
export const DELEGATE_DIGITS = 3;
/** The largest value each kind of comb field can hold. */
export const MAX_COUNT = 10 ** COUNT_DIGITS - 1;
export const MAX_DELEGATES = 10 ** DELEGATE_DIGITS - 1;

export const MARK_SIZE = 18;
/** Distance of each corner mark from the page edges. */
export const MARK_INSET = 24;
export const ORIENTATION_MARK_SIZE = 8;
export const BOX_WIDTH = 20;
export const BOX_GAP = 3;
export const BOX_BORDER_INSET = 2.5;
/** The QR symbol's side, without the white quiet zone around it. */
export const QR_SIZE = 84;
/** White space kept free around the QR symbol (nothing else is drawn there). */
export const QR_QUIET_ZONE = 10;

/** Candidates that fit one page; more is refused with a clear message. */
export const MAX_CANDIDATES = 12;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

export interface AlignmentMark {
  readonly corner: Corner;
  readonly rect: Rect;
  /** Centre of the mark: the reference point for alignment. */
  readonly center: { readonly x: number; readonly y: number };
}

/** One comb field: `digits` boxes, left to right. */
export interface CombField {
  readonly column: WorksheetColumn;
  readonly digits: number;
  /** The whole field, from the first box's left edge to the last box's right edge. */
  readonly rect: Rect;
  readonly boxes: readonly Rect[];
}

/** A candidate's comb field: what the reader returns a `FieldReading` for. */
export interface CandidateField extends CombField {
  /** Candidate name exactly as in the county definition. */
  readonly candidate: string;
}

export interface CandidateRow {
  readonly candidate: string;
  readonly ballotOrder: number;
  /** Where the candidate's name is printed. */
  readonly name: Rect;
  readonly first: CandidateField;
  readonly final: CandidateField;
  readonly delegates: CandidateField;
}

export interface WorksheetLayout {
  readonly formVersion: number;
  readonly page: { readonly width: number; readonly height: number };
  /** top-left, top-right, bottom-left, bottom-right, in that order. */
  readonly marks: readonly AlignmentMark[];
  /** The small square to the right of the top-left mark that tells which way is up. */
  readonly orientationMark: Rect;
  readonly qr: { readonly rect: Rect; readonly quietZone: number; readonly payload: string };
  /** County, election, precinct and delegates to elect. */
  readonly header: Rect;
  /** The viability threshold table for this precinct's number of delegates. */
  readonly thresholdTable: Rect;
  /** The one-line instruction on how to fill the boxes. */
  readonly instructions: Rect;
  /** Column headings above the rows. */
  readonly columnHeadings: {
    readonly name: Rect;
    readonly first: Rect;
    readonly final: Rect;
    readonly delegates: Rect;
  };
  /** One row per candidate, in ballot order. */
  readonly rows: readonly CandidateRow[];
  /** The totals row below the candidates: the sum of each column (first total = eligible attendees). */
  readonly totals: {
    readonly label: Rect;
    readonly first: CombField;
    readonly final: CombField;
    readonly delegates: CombField;
  };
  /** Lines to write coin tosses on (who tied, who won the toss). */
  readonly coinToss: { readonly rect: Rect; readonly lines: readonly Rect[] };
  /** Signature lines: each `line` is a zero-height rect along which a person signs. */
  readonly signatures: {
    readonly rect: Rect;
    readonly lines: readonly { readonly label: string; readonly line: Rect }[];
  };
}

/** The parts of a county a worksheet needs. Structural, so ElectionInfo or store rows both fit. */
export interface WorksheetElection {
  readonly county: string;
  readonly name: string;
  /** ISO date, YYYY-MM-DD. */
  readonly date: string;
}

export interface WorksheetCandidate {
  readonly name: string;
  readonly ballotOrder: number;
}

export interface WorksheetPrecinct {
  readonly code: string;
  readonly name: string;
  /** D: the delegates this precinct elects. */
  readonly delegates: number;
}

export interface WorksheetInput {
  readonly election: WorksheetElection;
  readonly candidates: readonly WorksheetCandidate[];
  readonly precinct: WorksheetPrecinct;
}

const MARGIN = 36;
const COLUMN_X = { name: MARGIN, first: 240, final: 356, delegates: 472 } as const;
const NAME_WIDTH = 190;
const ROWS_TOP = 300;
const BOTTOM_LIMIT = WORKSHEET_PAGE.height - MARK_INSET - MARK_SIZE - 10;
const FOOTER_HEIGHT = 112;
/** Row pitch and box height, roomiest first; the first that fits the candidates is used. */
const ROW_SIZES = [
  { pitch: 34, boxHeight: 24 },
  { pitch: 30, boxHeight: 22 },
  { pitch: 27, boxHeight: 20 },
  { pitch: 24, boxHeight: 18 },
] as const;
const SMALLEST_ROW = { pitch: 24, boxHeight: 18 } as const;

export function worksheetLayout(input: WorksheetInput): Result<WorksheetLayout> {
  const { election, precinct } = input;
  const candidates = [...input.candidates].sort((a, b) => a.ballotOrder - b.ballotOrder);
  if (candidates.length === 0) {
    return appError('WORKSHEET_NO_CANDIDATES', 'The county has no candidates yet, so there is no worksheet to print.');
  }
  if (candidates.length > MAX_CANDIDATES) {
    return appError(
      'WORKSHEET_TOO_MANY_CANDIDATES',
      `A worksheet holds at most ${MAX_CANDIDATES} candidates on one page; this county has ${candidates.length}.`,
    );
  }
  if (!Number.isInteger(precinct.delegates) || precinct.delegates < 0 || precinct.delegates > MAX_DELEGATES) {
    return appError(
      'WORKSHEET_TOO_MANY_DELEGATES',
      `Precinct ${precinct.code} elects ${precinct.delegates} delegates; a worksheet has room for at most ${MAX_DELEGATES}.`,
    );
  }
  const rowCount = candidates.length + 1; // the totals row
  // 10: the gaps above the totals row and above the footer.
  const available = BOTTOM_LIMIT - FOOTER_HEIGHT - ROWS_TOP - 10;
  const size = ROW_SIZES.find((option) => option.pitch * rowCount <= available) ?? SMALLEST_ROW;

  const rows = candidates.map((candidate, index): CandidateRow => {
    const top = ROWS_TOP + index * size.pitch;
    const field = (column: WorksheetColumn): CandidateField => ({
      candidate: candidate.name,
      ...combField(column, top, size.boxHeight),
    });
    return {
      candidate: candidate.name,
      ballotOrder: candidate.ballotOrder,
      name: { x: COLUMN_X.name, y: top, width: NAME_WIDTH, height: size.boxHeight },
      first: field('first'),
      final: field('final'),
      delegates: field('delegates'),
    };
  });
  const totalsTop = ROWS_TOP + candidates.length * size.pitch + 4;
  const footerTop = totalsTop + size.pitch + 6;

  return ok({
    formVersion: WORKSHEET_FORM_VERSION,
    page: { ...WORKSHEET_PAGE },
    marks: cornerMarks(),
    orientationMark: {
      x: MARK_INSET + MARK_SIZE + 6,
      y: MARK_INSET + (MARK_SIZE - ORIENTATION_MARK_SIZE) / 2,
      width: ORIENTATION_MARK_SIZE,
      height: ORIENTATION_MARK_SIZE,
    },
    qr: {
      rect: { x: WORKSHEET_PAGE.width - MARK_INSET - QR_SIZE, y: 56, width: QR_SIZE, height: QR_SIZE },
      quietZone: QR_QUIET_ZONE,
      payload: worksheetQrPayload({ election, precinct: precinct.code }),
    },
    header: { x: MARGIN, y: 50, width: 440, height: 96 },
    thresholdTable: { x: MARGIN, y: 152, width: WORKSHEET_PAGE.width - 2 * MARGIN, height: 96 },
    instructions: { x: MARGIN, y: 254, width: WORKSHEET_PAGE.width - 2 * MARGIN, height: 14 },
    columnHeadings: {
      name: { x: COLUMN_X.name, y: 276, width: NAME_WIDTH, height: 20 },
      first: { x: COLUMN_X.first, y: 276, width: combWidth(COUNT_DIGITS), height: 20 },
      final: { x: COLUMN_X.final, y: 276, width: combWidth(COUNT_DIGITS), height: 20 },
      delegates: { x: COLUMN_X.delegates, y: 276, width: combWidth(DELEGATE_DIGITS), height: 20 },
    },
    rows,
    totals: {
      label: { x: COLUMN_X.name, y: totalsTop, width: NAME_WIDTH, height: size.boxHeight },
      first: combField('first', totalsTop, size.boxHeight),
      final: combField('final', totalsTop, size.boxHeight),
      delegates: combField('delegates', totalsTop, size.boxHeight),
    },
    coinToss: {
      rect: { x: MARGIN, y: footerTop, width: 262, height: FOOTER_HEIGHT - 6 },
      lines: [0, 1, 2].map((index) => ({ x: MARGIN, y: footerTop + 38 + index * 24, width: 262, height: 0 })),
    },
    signatures: {
      rect: { x: 318, y: footerTop, width: WORKSHEET_PAGE.width - MARGIN - 318, height: FOOTER_HEIGHT - 6 },
      lines: ['Precinct chair', 'Secretary'].map((label, index) => ({
        label,
        line: { x: 318, y: footerTop + 38 + index * 36, width: WORKSHEET_PAGE.width - MARGIN - 318, height: 0 },
      })),
    },
  });
}

/** Every candidate comb field on the sheet, row by row (first, final, delegates). */
export function candidateFields(layout: WorksheetLayout): CandidateField[] {
  return layout.rows.flatMap((row) => [row.first, row.final, row.delegates]);
}

/** The digits a comb field of this column has. */
export function digitsOf(column: WorksheetColumn): number {
  return column === 'delegates' ? DELEGATE_DIGITS : COUNT_DIGITS;
}

/**
 * The digit each box of a field holds when `value` is written right-aligned: null for the
 * empty leading boxes. Used by the corpus generator; documents how people are asked to write.
 */
export function combDigits(value: number, digits: number): (string | null)[] {
  const text = String(value);
  if (!Number.isInteger(value) || value < 0 || text.length > digits) {
    throw new RangeError(`${value} does not fit a comb of ${digits} digits`);
  }
  return Array.from({ length: digits }, (_, index) => {
    const at = index - (digits - text.length);
    return at >= 0 ? (text[at] ?? null) : null;
  });
}

function combWidth(digits: number): number {
  return digits * BOX_WIDTH + (digits - 1) * BOX_GAP;
}

function combField(column: WorksheetColumn, top: number, boxHeight: number): CombField {
  const digits = digitsOf(column);
  const left = COLUMN_X[column];
  return {
    column,
    digits,
    rect: { x: left, y: top, width: combWidth(digits), height: boxHeight },
    boxes: Array.from({ length: digits }, (_, index) => ({
      x: left + index * (BOX_WIDTH + BOX_GAP),
      y: top,
      width: BOX_WIDTH,
      height: boxHeight,
    })),
  };
}

function cornerMarks(): AlignmentMark[] {
  const far = { x: WORKSHEET_PAGE.width - MARK_INSET - MARK_SIZE, y: WORKSHEET_PAGE.height - MARK_INSET - MARK_SIZE };
  const at = (corner: Corner, x: number, y: number): AlignmentMark => ({
    corner,
    rect: { x, y, width: MARK_SIZE, height: MARK_SIZE },
    center: { x: x + MARK_SIZE / 2, y: y + MARK_SIZE / 2 },
  });
  return [
    at('top-left', MARK_INSET, MARK_INSET),
    at('top-right', far.x, MARK_INSET),
    at('bottom-left', MARK_INSET, far.y),
    at('bottom-right', far.x, far.y),
  ];
}

// ---------------------------------------------------------------------------------------------
// The QR code's text

/** What the QR on a worksheet says. */
export interface WorksheetQr {
  readonly formVersion: number;
  /** Short hash of county, election name and date: see worksheetElectionId. */
  readonly electionId: string;
  readonly precinct: string;
}

const QR_PREFIX = 'TALLYROOM-WS';

/**
 * 10 hex characters of SHA-256 over county, name and date: short enough for a small QR, and two
 * elections a county could confuse (another year, another county) differ in it.
 */
export function worksheetElectionId(election: WorksheetElection): string {
  return createHash('sha256')
    .update(`${election.county}\n${election.name}\n${election.date}`, 'utf8')
    .digest('hex')
    .slice(0, 10);
}

/** `TALLYROOM-WS/1/<electionId>/<precinct code, percent-encoded>`. */
export function worksheetQrPayload(input: {
  readonly election: WorksheetElection;
  readonly precinct: string;
  readonly formVersion?: number;
}): string {
  const version = input.formVersion ?? WORKSHEET_FORM_VERSION;
  return `${QR_PREFIX}/${version}/${worksheetElectionId(input.election)}/${encodeURIComponent(input.precinct)}`;
}

/**
 * Reads a worksheet QR's text. Any form version is parsed (a reader decides which it knows);
 * text that is not a Tallyroom worksheet QR is WORKSHEET_QR_UNKNOWN.
 */
export function parseWorksheetQr(text: string): Result<WorksheetQr> {
  const parts = text.trim().split('/');
  const [prefix, version, electionId, precinct] = parts;
  const notOurs = () =>
    appError('WORKSHEET_QR_UNKNOWN', 'The QR code on this page is not the code of a Tallyroom worksheet.');
  if (parts.length !== 4 || prefix !== QR_PREFIX || !version || !electionId || !precinct) return notOurs();
  if (!/^[1-9][0-9]{0,3}$/.test(version) || !/^[0-9a-f]{10}$/.test(electionId)) return notOurs();
  let code: string;
  try {
    code = decodeURIComponent(precinct);
  } catch {
    return notOurs();
  }
  if (code.length === 0) return notOurs();
  return ok({ formVersion: Number(version), electionId, precinct: code });
}
