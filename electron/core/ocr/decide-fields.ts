import { checkPrecinct } from '../rules/check';
import type { CandidateLine, Finding, RulesProfileId } from '../rules/types';
import type { FieldRead } from './read-field';
import type { FieldReading, ReviewReason, WorksheetColumn } from './scan-reading';

/**
 * The acceptance rule (docs/OCR.md). A field goes in without a person's review ONLY when
 *  1. both engines read every written box, and agree on every digit;
 *  2. every digit's confidence is at or above its engine's threshold;
 *  3. the written boxes form one number (no empty box between digits);
 *  4. the whole sheet's arithmetic holds with the values read: every candidate field accepted by
 *     1-3, the rules profile finds nothing (checkPrecinct: final <= first, delegates add up to D
 *     and follow the allocation), and each written total equals its column's sum.
 * Anything else is flagged with the reasons, so a wrong value is never accepted silently: two
 * independent engines would have to misread the same digit the same way, confidently, AND the
 * misread would have to keep every sum and the delegate allocation right.
 * Thresholds were tuned on the generated corpus for zero silent errors first (bench/README.md).
 */
export const ACCEPT_THRESHOLDS = {
  /** Softmax probability of the classifier's digit. */
  classifier: 0.9,
  /** tesseract's per-character confidence, 0..1. */
  tesseract: 0.6,
} as const;

export interface CandidateFieldRead {
  readonly candidate: string;
  readonly column: WorksheetColumn;
  readonly read: FieldRead;
}

export interface SheetContext {
  readonly profile: RulesProfileId;
  readonly precinct: string;
  /** D, or null when the precinct is not known (then arithmetic cannot hold). */
  readonly precinctDelegates: number | null;
  readonly sdePerDelegate: number;
  /** Values read from the totals row (null when empty or not agreed). */
  readonly totals: Readonly<Record<WorksheetColumn, { readonly value: number | null; readonly written: boolean }>>;
  /** Ballot order of the candidates. */
  readonly candidates: readonly string[];
}

interface Verdict {
  readonly value: number | null;
  readonly reasons: ReviewReason[];
  readonly confidence: number;
}

/** One field on its own: rules 1 to 3. */
export function fieldVerdict(read: FieldRead): Verdict {
  const written = read.inked.filter(Boolean).length;
  if (written === 0) return { value: null, reasons: ['EMPTY_FIELD'], confidence: 1 };
  const reasons: ReviewReason[] = [];
  const confidences = [...read.classifier.map((d) => d.confidence), ...(read.tesseract ?? []).map((d) => d.confidence)];
  const confidence = read.tesseract ? Math.min(...confidences) : 0;
  const classifierValue = read.classifierText === null ? null : Number(read.classifierText);
  if (read.tesseractText === null) reasons.push('UNREADABLE');
  else if (read.tesseractText !== read.classifierText) reasons.push('ENGINES_DISAGREE');
  const unsure =
    read.classifier.some((d) => d.confidence < ACCEPT_THRESHOLDS.classifier) ||
    (read.tesseract ?? []).some((d) => d.confidence < ACCEPT_THRESHOLDS.tesseract);
  if (unsure || read.gap) reasons.push('LOW_CONFIDENCE');
  // The value shown for review: what both read, else the classifier's reading (the better engine
  // on handwriting), so the reviewer corrects rather than types from nothing.
  return { value: classifierValue, reasons, confidence };
}

/** Every candidate field with rules 1 to 4 applied. */
export function decideFields(fields: readonly CandidateFieldRead[], sheet: SheetContext): FieldReading[] {
  const verdicts = fields.map((field) => fieldVerdict(field.read));
  const allAccepted = verdicts.every((verdict) => verdict.reasons.length === 0);
  const arithmeticHolds = allAccepted && sheetArithmeticHolds(fields, verdicts, sheet);
  return fields.map((field, index) => {
    const verdict = verdicts[index] as Verdict;
    const reasons = [...verdict.reasons];
    if (!arithmeticHolds && !reasons.includes('EMPTY_FIELD')) reasons.push('ARITHMETIC');
    return {
      candidate: field.candidate,
      column: field.column,
      value: verdict.value,
      confidence: round(verdict.confidence),
      needsReview: reasons.length > 0,
      reasons,
      engines: { tesseract: field.read.tesseractText, classifier: field.read.classifierText },
      box: field.read.box,
    };
  });
}

export function sheetArithmeticHolds(
  fields: readonly CandidateFieldRead[],
  verdicts: readonly Verdict[],
  sheet: SheetContext,
): boolean {
  if (sheet.precinctDelegates === null) return false;
  const readValue = (candidate: string, column: WorksheetColumn) => {
    const index = fields.findIndex((field) => field.candidate === candidate && field.column === column);
    return index >= 0 ? (verdicts[index]?.value ?? null) : null;
  };
  const lines: CandidateLine[] = sheet.candidates.map((candidate) => ({
    candidate,
    firstAlignment: readValue(candidate, 'first'),
    finalAlignment: readValue(candidate, 'final'),
    delegatesAwarded: readValue(candidate, 'delegates'),
    sde: null,
  }));
  const findings: Finding[] = checkPrecinct(sheet.profile, {
    precinct: sheet.precinct,
    precinctDelegates: sheet.precinctDelegates,
    sdePerDelegate: sheet.sdePerDelegate,
    lines,
  });
  if (findings.length > 0) return false;
  for (const column of ['first', 'final', 'delegates'] as const) {
    const total = sheet.totals[column];
    if (!total.written) continue;
    const sum = lines.reduce(
      (acc, line) =>
        acc +
        ((column === 'first'
          ? line.firstAlignment
          : column === 'final'
            ? line.finalAlignment
            : line.delegatesAwarded) ?? 0),
      0,
    );
    if (total.value !== sum) return false;
  }
  return true;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
