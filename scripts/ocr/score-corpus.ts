/**
 * Reads every file of a generated scan corpus (scripts/ocr-corpus) with the real reader and
 * scores it against the corpus manifest: per-field accuracy for printed and handwritten digits,
 * silent errors (a wrong value NOT flagged for review: must be 0), review rate, problems found
 * against problems expected, seconds per page. Used by the benchmark and the accuracy test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OcrEngine } from '../../electron/core/ocr/read-worksheet-scan';
import type { ScanCounty } from '../../electron/core/ocr/scan-county';
import type { FieldReading, ScanReading } from '../../electron/core/ocr/scan-reading';
import type { FieldTruth, PageTruth, ScanCorpusManifest } from '../ocr-corpus/generate';

export interface FieldOutcome {
  readonly file: string;
  readonly page: number;
  readonly fontKind: 'printed' | 'handwritten';
  /** The page is one a correct reader reads (no problem expected) and its arithmetic holds. */
  readonly consistentPage: boolean;
  /** The page is one a correct reader reads (no problem expected). */
  readonly readablePage: boolean;
  readonly candidate: string;
  readonly column: string;
  readonly truth: number | null;
  readonly read: number | null;
  readonly needsReview: boolean;
  readonly reasons: readonly string[];
  readonly engines: FieldReading['engines'];
}

export interface PageOutcome {
  readonly file: string;
  readonly page: number;
  readonly kind: string;
  readonly fontKind: 'printed' | 'handwritten';
  readonly expectedProblem: string | null;
  readonly problems: readonly string[];
  readonly precinct: string | null;
  readonly truthPrecinct: string;
  readonly elapsedMs: number;
  readonly fieldsRight: number;
  readonly fields: number;
}

export interface CorpusScore {
  readonly pages: PageOutcome[];
  readonly fields: FieldOutcome[];
  /** Files the reader refused as a whole (decoding). */
  readonly fileErrors: { file: string; code: string }[];
  readonly totalMs: number;
}

export async function scoreCorpus(dir: string, engine: OcrEngine, county: ScanCounty): Promise<CorpusScore> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ScanCorpusManifest;
  const pages: PageOutcome[] = [];
  const fields: FieldOutcome[] = [];
  const fileErrors: { file: string; code: string }[] = [];
  const started = performance.now();
  for (const file of manifest.files) {
    const bytes = new Uint8Array(readFileSync(join(dir, file.file)));
    const first = file.pages[0] as PageTruth;
    // A person scanning a multi-page PDF names no single precinct for it.
    const expectedPrecinct = file.pages.length === 1 ? first.expectedPrecinct : undefined;
    const result = await engine.read({ county, bytes, fileName: file.file, expectedPrecinct });
    if (!result.ok) {
      fileErrors.push({ file: file.file, code: result.error.code });
      continue;
    }
    for (const truth of file.pages) {
      const reading = result.value.find((page) => page.pageNumber === truth.page);
      if (!reading) continue;
      const outcomes = matchFields(file.file, truth, reading);
      fields.push(...outcomes);
      pages.push({
        file: file.file,
        page: truth.page,
        kind: truth.kind,
        fontKind: truth.fontKind,
        expectedProblem: truth.expectedProblem,
        problems: reading.problems.map((problem) => problem.code),
        precinct: reading.precinct,
        truthPrecinct: truth.precinct,
        elapsedMs: reading.elapsedMs,
        fieldsRight: outcomes.filter((outcome) => outcome.read === outcome.truth).length,
        fields: outcomes.length,
      });
    }
  }
  return { pages, fields, fileErrors, totalMs: performance.now() - started };
}

function matchFields(file: string, truth: PageTruth, reading: ScanReading): FieldOutcome[] {
  return truth.fields.map((expected: FieldTruth) => {
    const read = reading.fields.find(
      (field) => field.candidate === expected.candidate && field.column === expected.column,
    );
    return {
      file,
      page: truth.page,
      fontKind: truth.fontKind,
      readablePage: truth.expectedProblem === null,
      consistentPage: truth.expectedProblem === null && truth.consistent,
      candidate: expected.candidate,
      column: expected.column,
      truth: expected.value,
      read: read?.value ?? null,
      // A field the reader did not return at all is as good as flagged: nothing would go in.
      needsReview: read ? read.needsReview || reading.problems.length > 0 : true,
      reasons: read?.reasons ?? ['MISSING'],
      engines: read?.engines ?? { tesseract: null, classifier: null },
    };
  });
}

/** A wrong value that would go in without a person's review. */
export function isSilentError(field: FieldOutcome): boolean {
  return !field.needsReview && field.read !== field.truth;
}

/** Reasons that come from the field's own digits, not from the sheet's arithmetic. */
export const DIGIT_REASONS: readonly string[] = ['UNSURE_DIGIT', 'READERS_DISAGREE', 'NOT_ONE_NUMBER', 'EMPTY_FIELD'];

/** The figures docs/OCR.md and the benchmark report, over the fields that pass `which`. */
export interface CorpusFigures {
  /** Fields of readable pages, and how many were read right. */
  readonly fields: number;
  readonly right: number;
  /** Fields of readable pages whose arithmetic holds, and how many went in without review. */
  readonly consistentFields: number;
  readonly consistentAccepted: number;
  /** Wrong values that would have gone in without review (any page). */
  readonly silent: number;
  /** Fields of readable pages read wrong, and those the digit reading itself flagged. */
  readonly misread: number;
  readonly misreadFlaggedByDigits: number;
  readonly misreadsNotFlaggedByDigits: readonly FieldOutcome[];
}

export function corpusFigures(
  fields: readonly FieldOutcome[],
  which: (field: FieldOutcome) => boolean = () => true,
): CorpusFigures {
  const chosen = fields.filter(which);
  const readable = chosen.filter((field) => field.readablePage);
  const consistent = readable.filter((field) => field.consistentPage);
  const misread = readable.filter((field) => field.read !== field.truth);
  const byDigits = (field: FieldOutcome) => field.reasons.some((reason) => DIGIT_REASONS.includes(reason));
  return {
    fields: readable.length,
    right: readable.length - misread.length,
    consistentFields: consistent.length,
    consistentAccepted: consistent.filter((field) => !field.needsReview).length,
    silent: chosen.filter(isSilentError).length,
    misread: misread.length,
    misreadFlaggedByDigits: misread.filter(byDigits).length,
    misreadsNotFlaggedByDigits: misread.filter((field) => !byDigits(field)),
  };
}

/** "123/130 (94.6%)" */
export function ratio(part: number, whole: number): string {
  return `${part}/${whole} (${whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`})`;
}
