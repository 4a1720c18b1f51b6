import { checkPrecinct } from '../rules/check';
import type { CandidateLine, Finding, RulesProfileId } from '../rules/types';
import type { EngineDigit, FieldRead } from './read-field';
import type { FieldReading, ReviewReason, WorksheetColumn } from './scan-reading';

/**
 * The acceptance rule (docs/OCR.md). A field goes in without a person's review ONLY when
 *  1. every written digit is confirmed: at least two of the three readers (the pixel network,
 *     the stroke-direction network, tesseract) read that digit, each at or above its threshold,
 *     and neither network is that sure of another digit;
 *  2. the written boxes form one number (no empty box between digits);
 *  3. the whole sheet's arithmetic holds with the values read: every candidate field accepted by
 *     1-2, the rules profile finds nothing (checkPrecinct: final <= first, delegates add up to D
 *     and follow the allocation), and each written total equals its column's sum;
 *  4. a field with a digit only the two networks confirmed needs its column's total written on
 *     the sheet (and adding up, by 3): the networks learned from the same examples, so their
 *     agreement is trusted only where the sheet's own sums can catch a shared mistake.
 * tesseract cannot veto two sure networks: on handwriting it is often sure and wrong (it read
 * 11 as "14" at 0.98 on the corpus), so its confidence there says little; rule 4 and the sums
 * are what stand behind a reading it did not confirm.
 * Anything else is flagged with the reasons, so a wrong value is never accepted silently: two
 * different readers would have to misread the same digit the same way, confidently, AND the
 * misread would have to keep every sum and the delegate allocation right.
 * Thresholds were tuned on generated corpora for zero silent errors first (docs/OCR.md).
 */
export interface AcceptThresholds {
  /** Softmax probability a network must give its digit. */
  readonly classifier: number;
  /** tesseract's per-character confidence, 0..1. */
  readonly tesseract: number;
}

export const ACCEPT_THRESHOLDS: AcceptThresholds = {
  classifier: 0.9,
  tesseract: 0.6,
};

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
  /** Some digit was confirmed by the two networks alone (rule 4 applies). */
  readonly networksOnly: boolean;
}

/** How one written digit stands: confirmed (and by whom), or why not. */
interface DigitVerdict {
  readonly digit: string;
  readonly confirmedBy: 'tesseract' | 'networks' | null;
  readonly confidence: number;
  readonly disagree: boolean;
}

function digitVerdict(
  pixels: EngineDigit,
  gradients: EngineDigit,
  tesseract: EngineDigit | null,
  limits: AcceptThresholds,
): DigitVerdict {
  const sureNetworks = [pixels, gradients].filter((guess) => guess.confidence >= limits.classifier);
  const sureTesseract = tesseract !== null && tesseract.confidence >= limits.tesseract ? tesseract : null;
  const sure = sureTesseract ? [...sureNetworks, sureTesseract] : sureNetworks;
  for (const candidate of sure) {
    const backers = sure.filter((guess) => guess.digit === candidate.digit);
    const contradicted = sureNetworks.some((guess) => guess.digit !== candidate.digit);
    if (backers.length >= 2 && !contradicted) {
      return {
        digit: candidate.digit,
        confirmedBy: backers.includes(sureTesseract as EngineDigit) ? 'tesseract' : 'networks',
        confidence: Math.min(...backers.map((guess) => guess.confidence)),
        disagree: false,
      };
    }
  }
  // Not confirmed. The digit shown to the reviewer: what two of the three read, else the
  // direction network's (on a hand no network was trained on, it read 77-99.7% of digits right,
  // the pixel network 41-96%, tesseract about half: docs/OCR.md).
  const votes = [pixels.digit, gradients.digit, tesseract?.digit ?? null];
  const majority = votes.find((digit, index) => digit !== null && votes.indexOf(digit) !== index) ?? null;
  const digit = majority ?? gradients.digit;
  const disagree = new Set(votes.filter((vote) => vote !== null)).size > 1;
  return { digit, confirmedBy: null, confidence: Math.min(pixels.confidence, gradients.confidence), disagree };
}

/** One field on its own: rules 1 and 2. */
export function fieldVerdict(read: FieldRead, limits: AcceptThresholds = ACCEPT_THRESHOLDS): Verdict {
  const written = read.inked.filter(Boolean).length;
  if (written === 0) return { value: null, reasons: ['EMPTY_FIELD'], confidence: 1, networksOnly: false };
  const digits = read.pixels.map((pixels, index) =>
    digitVerdict(pixels, read.gradients[index] as EngineDigit, read.tesseract[index] ?? null, limits),
  );
  const reasons: ReviewReason[] = [];
  const unconfirmed = digits.filter((digit) => digit.confirmedBy === null);
  if (unconfirmed.length > 0) {
    if (read.tesseractText === null) reasons.push('UNREADABLE');
    if (unconfirmed.some((digit) => digit.disagree)) reasons.push('ENGINES_DISAGREE');
    if (unconfirmed.some((digit) => !digit.disagree)) reasons.push('LOW_CONFIDENCE');
  }
  if (read.gap && !reasons.includes('LOW_CONFIDENCE')) reasons.push('LOW_CONFIDENCE');
  return {
    value: Number(digits.map((digit) => digit.digit).join('')),
    reasons,
    confidence: Math.min(...digits.map((digit) => digit.confidence)),
    networksOnly: digits.some((digit) => digit.confirmedBy === 'networks'),
  };
}

/** Every candidate field with rules 1 to 4 applied. */
export function decideFields(
  fields: readonly CandidateFieldRead[],
  sheet: SheetContext,
  limits: AcceptThresholds = ACCEPT_THRESHOLDS,
): FieldReading[] {
  const verdicts = fields.map((field) => fieldVerdict(field.read, limits));
  const allAccepted = verdicts.every((verdict) => verdict.reasons.length === 0);
  const totalsBackNetworks = fields.every(
    (field, index) => !verdicts[index]?.networksOnly || sheet.totals[field.column].written,
  );
  const arithmeticHolds = allAccepted && totalsBackNetworks && sheetArithmeticHolds(fields, verdicts, sheet);
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
