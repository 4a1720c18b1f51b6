/**
 * What reading one scanned worksheet produces. The contract between the worksheet layout
 * (what the app prints), the reader (what OCR sees) and the review screen (what a person
 * confirms). Nothing here is stored as a result: a reading becomes a report only when a
 * person confirms every field (docs/ARCHITECTURE.md: nothing read by OCR enters the results silently).
 */

/** The columns a Tallyroom worksheet has one comb field for, per candidate. */
export const WORKSHEET_COLUMNS = ['first', 'final', 'delegates'] as const;
export type WorksheetColumn = (typeof WORKSHEET_COLUMNS)[number];

/** Why a field needs a person: every reason is shown to the reviewer in plain words. */
export type ReviewReason =
  | 'UNSURE_DIGIT' // a digit of this field was not read surely (docs/OCR.md, the acceptance rule)
  | 'READERS_DISAGREE' // the readers read different digits in this field
  | 'NOT_ONE_NUMBER' // an empty box between written digits
  | 'EMPTY_FIELD' // nothing written in the boxes
  | 'ARITHMETIC' // the column's written total is not the sum of the values read in it
  | 'RULES' // the caucus rules find a problem computed from this field (final above first, delegates...)
  | 'PAGE_NOT_TRUSTED' // no readable QR, an unknown precinct, or a corner mark not found
  | 'NOT_OUR_FORM'; // full-page fallback OCR: always reviewed

/** A rectangle in the pixels of the aligned page image (`ScanReading.page`). */
export interface PixelBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface FieldReading {
  /** Candidate name exactly as in the county definition. */
  readonly candidate: string;
  readonly column: WorksheetColumn;
  /** The value read, or null when nothing could be read (always needsReview then). */
  readonly value: number | null;
  /** 0..1, the lower of the engines' confidences for this field. */
  readonly confidence: number;
  readonly needsReview: boolean;
  readonly reasons: readonly ReviewReason[];
  /** What each engine read, for the reviewer and for the benchmark. */
  readonly engines: { readonly tesseract: string | null; readonly classifier: string | null };
  /** Where the field is on the aligned page, so the review screen can show its crop. */
  readonly box: PixelBox;
}

/** One field of the totals row as read: never a result, only what the sheet's sums are checked against. */
export interface TotalReading {
  /** Something is written in its boxes. */
  readonly written: boolean;
  /** The value read (best guess when unsure); null when empty. */
  readonly value: number | null;
  /** Every digit of it read surely: only then does it accuse or prove its column. */
  readonly sure: boolean;
}

export type ScanProblemCode =
  | 'NOT_AN_IMAGE' // bytes are not a PNG, JPEG or PDF we can decode
  | 'IMAGE_TOO_LARGE' // dimensions past the decoding cap (decompression bomb guard)
  | 'NO_WORKSHEET_FOUND' // no QR code and no alignment marks: not a Tallyroom worksheet or unreadable photo
  | 'WRONG_ELECTION' // the QR names another election
  | 'UNKNOWN_PRECINCT' // the QR names a precinct this county does not have
  | 'PRECINCT_MISMATCH' // the QR's precinct differs from the one the person expected
  | 'FORM_VERSION' // the QR names a worksheet form version this reader does not know
  | 'BLANK_SHEET'; // a worksheet with no values written on it

export interface ScanProblem {
  readonly code: ScanProblemCode;
  /** Plain words for a county chair, e.g. "This is the worksheet of precinct 0007, not 0003." */
  readonly message: string;
}

export interface ScanReading {
  /** Precinct code from the QR (the QR decides); null when no QR could be read. */
  readonly precinct: string | null;
  readonly formVersion: number | null;
  /** 1-based page of a multi-page PDF this reading came from; 1 for images. */
  readonly pageNumber: number;
  /** Degrees the page was turned to read it (0, 90, 180, 270) plus any small deskew. */
  readonly rotationDegrees: number;
  readonly fields: readonly FieldReading[];
  readonly problems: readonly ScanProblem[];
  /** The aligned page as PNG, for the review screen's crops; absent when alignment failed. */
  readonly page?: { readonly png: Uint8Array; readonly width: number; readonly height: number };
  /** The totals row as read (absent when the fields were not read). */
  readonly totals?: Readonly<Record<WorksheetColumn, TotalReading>>;
  /** Milliseconds spent, alignment included. */
  readonly elapsedMs: number;
}

/** True when every field can go in without a person: no problems, and no field needs review. */
export function readingNeedsNoReview(reading: ScanReading): boolean {
  return (
    reading.problems.length === 0 && reading.fields.length > 0 && reading.fields.every((field) => !field.needsReview)
  );
}
