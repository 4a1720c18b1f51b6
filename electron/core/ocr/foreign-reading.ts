/**
 * What reading a sheet that is NOT a Tallyroom worksheet produces (the full-page fallback, docs/OCR.md):
 * a photo of any table of numbers. The reader cannot know which number is whose, so it only finds
 * the numbers and suggests where they go; a person maps and confirms every field, always.
 */
import type { PixelBox, ReviewReason, WorksheetColumn } from './scan-reading';

/** A number found on the page: what tesseract read, the value it stands for, where it is. */
export interface NumberToken {
  /** Position in the page's token list, in reading order; the review screen refers to a box by it. */
  readonly index: number;
  readonly value: number;
  /** The word as tesseract read it ("1O" for 10 is kept as read; value is 10). */
  readonly text: string;
  /** 0..1, tesseract's confidence in the word, lowered when letters had to be taken for digits. */
  readonly confidence: number;
  /** Where it is, in the pixels of the stored page image. */
  readonly box: PixelBox;
  /** The text line it is on (ForeignPage.lines). */
  readonly line: number;
}

/** A line of text as read, for the person and for finding names on it. */
export interface ForeignLine {
  readonly text: string;
  readonly box: PixelBox;
  readonly words: readonly { readonly text: string; readonly box: PixelBox; readonly confidence: number }[];
}

/** One suggested field: which number (if any) looks like this candidate's value in this column. */
export interface ForeignFieldSuggestion {
  readonly candidate: string;
  readonly column: WorksheetColumn;
  /** The suggested value, or null when nothing was found for it. */
  readonly value: number | null;
  /** The token the value came from (NumberToken.index), or null. */
  readonly tokenIndex: number | null;
  readonly confidence: number;
  /** Always true: nothing read from a sheet that is not ours goes in without a person. */
  readonly needsReview: true;
  readonly reasons: readonly ReviewReason[];
}

export interface ForeignSuggestion {
  /** A precinct code whose code or name is written on the sheet; null when none or several are. */
  readonly precinct: string | null;
  /** Every candidate x column, in ballot order: first, final, delegates. */
  readonly fields: readonly ForeignFieldSuggestion[];
}

export interface ForeignReading {
  readonly pageNumber: number;
  readonly lines: readonly ForeignLine[];
  readonly tokens: readonly NumberToken[];
  readonly suggestion: ForeignSuggestion;
  /** The page as stored (gray PNG), the pixels every box refers to. */
  readonly page: { readonly png: Uint8Array; readonly width: number; readonly height: number };
  readonly elapsedMs: number;
}
