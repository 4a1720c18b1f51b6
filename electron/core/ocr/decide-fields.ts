import { assertNever } from '../result';
import { checkPrecinct } from '../rules/check';
import type { CandidateLine, Finding, FindingCode, RulesProfileId } from '../rules/types';
import type { EngineDigit, FieldRead } from './read-field';
import type { FieldReading, ReviewReason, TotalReading, WorksheetColumn } from './scan-reading';

/**
 * The acceptance rule (docs/OCR.md, "The acceptance rule"). Each field is judged on its own:
 *  1. its own digits: every written digit is sure (digitVerdict below), and the written boxes
 *     form one number. A field whose digits are sure is accepted on that alone;
 *  2. the sheet's arithmetic is a second net, and it casts doubt only on the fields it concerns:
 *     a written total that differs from its column's sum flags that column (ARITHMETIC); a rules
 *     finding (final above first, delegates not adding up to D, an allocation the rules do not
 *     give) flags the fields that finding is computed from (RULES), less the columns whose written
 *     total adds up with every value in them sure.
 * A wrong value can pass only if the digit reading is sure of a misread; the thresholds that say
 * "sure" are calibrated on writers the networks were never trained on (docs/OCR.md), and the sums
 * catch most of what would still slip through.
 */
export interface AcceptThresholds {
  /** Both networks read the digit, each at least this sure, and tesseract did not confirm it. */
  readonly networksAlone: number;
  /** A network's probability when tesseract confirms the same digit. */
  readonly network: number;
  /** tesseract's per-character confidence, 0..1, for it to count as confirming. */
  readonly tesseract: number;
}

/**
 * Calibrated on held-out writers (scripts/ocr/calibrate-thresholds.ts, docs/OCR.md "Calibration"):
 * the lowest levels at which no digit of the calibration writers was read wrong.
 */
export const ACCEPT_THRESHOLDS: AcceptThresholds = {
  networksAlone: 0.986,
  network: 0.9,
  tesseract: 0.6,
};

export interface SheetContext {
  readonly profile: RulesProfileId;
  readonly precinct: string;
  /** D, or null when the precinct is not known (then the rules cannot be checked). */
  readonly precinctDelegates: number | null;
  readonly sdePerDelegate: number;
  /** The totals row as read. */
  readonly totals: Readonly<Record<WorksheetColumn, TotalReading>>;
  /** Ballot order of the candidates. */
  readonly candidates: readonly string[];
}

export interface CandidateFieldRead {
  readonly candidate: string;
  readonly column: WorksheetColumn;
  readonly read: FieldRead;
}

/** One field judged on its own digits (rule 1). */
export interface FieldVerdict {
  /** The value shown to the reviewer; null for an empty field. */
  readonly value: number | null;
  readonly reasons: ReviewReason[];
  readonly confidence: number;
  /** Per written digit, the digits the readers read there (the sure digit alone when it is sure). */
  readonly digitOptions: readonly (readonly string[])[];
}

/** How one written digit stands: sure (and on whose word), or why not. */
export interface DigitVerdict {
  readonly digit: string;
  readonly sure: boolean;
  readonly confidence: number;
  /** Readers read different digits here (not only unsure ones). */
  readonly disagree: boolean;
}

export function digitVerdict(
  pixels: EngineDigit,
  gradients: EngineDigit,
  tesseract: EngineDigit | null,
  limits: AcceptThresholds = ACCEPT_THRESHOLDS,
): DigitVerdict {
  const votes = [pixels.digit, gradients.digit, tesseract?.digit ?? null];
  const disagree = new Set(votes.filter((vote) => vote !== null)).size > 1;
  const tesseractSure = tesseract !== null && tesseract.confidence >= limits.tesseract ? tesseract : null;
  // A network fairly sure of another digit than the one confirmed stops any confirmation.
  const networkSureOf = (digit: string) =>
    [pixels, gradients].some((guess) => guess.digit !== digit && guess.confidence >= limits.network);
  if (pixels.digit === gradients.digit) {
    const confidence = Math.min(pixels.confidence, gradients.confidence);
    if (confidence >= limits.networksAlone) return { digit: pixels.digit, sure: true, confidence, disagree };
  }
  if (tesseractSure) {
    const backers = [pixels, gradients].filter(
      (guess) => guess.digit === tesseractSure.digit && guess.confidence >= limits.network,
    );
    if (backers.length > 0 && !networkSureOf(tesseractSure.digit)) {
      const confidence = Math.min(tesseractSure.confidence, ...backers.map((guess) => guess.confidence));
      return { digit: tesseractSure.digit, sure: true, confidence, disagree };
    }
  }
  // Not sure. The digit shown to the reviewer: what two of the three read, else the direction
  // network's (it reads hands it was not trained on best: docs/OCR.md).
  const majority = votes.find((digit, index) => digit !== null && votes.indexOf(digit) !== index) ?? null;
  return {
    digit: majority ?? gradients.digit,
    sure: false,
    confidence: Math.min(pixels.confidence, gradients.confidence),
    disagree,
  };
}

/** One field on its own: rule 1. */
export function fieldVerdict(read: FieldRead, limits: AcceptThresholds = ACCEPT_THRESHOLDS): FieldVerdict {
  const written = read.inked.filter(Boolean).length;
  if (written === 0) return { value: null, reasons: ['EMPTY_FIELD'], confidence: 1, digitOptions: [] };
  const digits = read.pixels.map((pixels, index) =>
    digitVerdict(pixels, read.gradients[index] as EngineDigit, read.tesseract[index] ?? null, limits),
  );
  const digitOptions = digits.map((digit, index) =>
    digit.sure
      ? [digit.digit]
      : [
          ...new Set([
            digit.digit,
            (read.pixels[index] as EngineDigit).digit,
            (read.gradients[index] as EngineDigit).digit,
            ...(read.tesseract[index] ? [(read.tesseract[index] as EngineDigit).digit] : []),
          ]),
        ],
  );
  const reasons: ReviewReason[] = [];
  const unsure = digits.filter((digit) => !digit.sure);
  if (unsure.some((digit) => digit.disagree)) reasons.push('READERS_DISAGREE');
  if (unsure.length > 0) reasons.push('UNSURE_DIGIT');
  if (read.gap) reasons.push('NOT_ONE_NUMBER');
  return {
    value: Number(digits.map((digit) => digit.digit).join('')),
    reasons,
    confidence: Math.min(...digits.map((digit) => digit.confidence)),
    digitOptions,
  };
}

const COLUMNS: readonly WorksheetColumn[] = ['first', 'final', 'delegates'];

/** Every candidate field with its own verdict, then the doubt the sheet's arithmetic casts (rule 2). */
export function decideFields(
  fields: readonly CandidateFieldRead[],
  sheet: SheetContext,
  limits: AcceptThresholds = ACCEPT_THRESHOLDS,
): FieldReading[] {
  const verdicts = fields.map((field) => fieldVerdict(field.read, limits));
  const doubt = sheetDoubt(fields, verdicts, sheet);
  return fields.map((field, index) => {
    const verdict = verdicts[index] as FieldVerdict;
    const reasons = [...verdict.reasons];
    if (verdict.value !== null) {
      for (const reason of doubt.get(fieldKey(field.candidate, field.column)) ?? []) {
        if (!reasons.includes(reason)) reasons.push(reason);
      }
    }
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

/**
 * Which fields the sheet's own arithmetic casts doubt on, with the values as read: ARITHMETIC on
 * every field of a column whose written (and surely read) total is not its sum; RULES on the fields
 * each rules finding is computed from, less the columns a written total proves.
 */
export function sheetDoubt(
  fields: readonly CandidateFieldRead[],
  verdicts: readonly FieldVerdict[],
  sheet: SheetContext,
): Map<string, ReviewReason[]> {
  const doubt = new Map<string, ReviewReason[]>();
  const cast = (candidate: string, column: WorksheetColumn, reason: ReviewReason) => {
    const key = fieldKey(candidate, column);
    const reasons = doubt.get(key) ?? [];
    if (!reasons.includes(reason)) reasons.push(reason);
    doubt.set(key, reasons);
  };
  const readValue = (candidate: string, column: WorksheetColumn) => {
    const index = fields.findIndex((field) => field.candidate === candidate && field.column === column);
    return index >= 0 ? (verdicts[index]?.value ?? null) : null;
  };
  const sureOf = (candidate: string, column: WorksheetColumn) => {
    const index = fields.findIndex((field) => field.candidate === candidate && field.column === column);
    return index >= 0 && verdicts[index]?.reasons.length === 0;
  };
  const proven = new Set<WorksheetColumn>();
  for (const column of COLUMNS) {
    const total = sheet.totals[column];
    // Only a total read surely can accuse a column: an unsure one proves nothing either way.
    if (!total.written || !total.sure || total.value === null) continue;
    const sum = sheet.candidates.reduce((acc, candidate) => acc + (readValue(candidate, column) ?? 0), 0);
    if (sum !== total.value) {
      // When what the readers read in the column's unsure fields can make up the total, those
      // fields (already flagged) explain the difference, and the sure ones keep their word; else
      // the whole column is in doubt.
      const unsure = sheet.candidates.filter((candidate) => !sureOf(candidate, column));
      const explained =
        unsure.length > 0 &&
        canMakeTotal(
          total.value -
            sheet.candidates
              .filter((candidate) => sureOf(candidate, column))
              .reduce((acc, candidate) => acc + (readValue(candidate, column) ?? 0), 0),
          unsure.map((candidate) =>
            possibleValues(
              verdicts[fields.findIndex((field) => field.candidate === candidate && field.column === column)],
            ),
          ),
        );
      for (const candidate of explained ? unsure : sheet.candidates) cast(candidate, column, 'ARITHMETIC');
    } else if (sheet.candidates.every((candidate) => sureOf(candidate, column))) {
      proven.add(column);
    }
  }
  if (sheet.precinctDelegates === null) {
    // The precinct is not known, so neither is D: the rules cannot be checked for any field.
    for (const candidate of sheet.candidates) for (const column of COLUMNS) cast(candidate, column, 'RULES');
    return doubt;
  }
  const findingsWith = (valueAt: (candidate: string, column: WorksheetColumn) => number | null): Finding[] =>
    checkPrecinct(sheet.profile, {
      precinct: sheet.precinct,
      precinctDelegates: sheet.precinctDelegates as number,
      sdePerDelegate: sheet.sdePerDelegate,
      lines: sheet.candidates.map(
        (candidate): CandidateLine => ({
          candidate,
          firstAlignment: valueAt(candidate, 'first'),
          finalAlignment: valueAt(candidate, 'final'),
          delegatesAwarded: valueAt(candidate, 'delegates'),
          sde: null,
        }),
      ),
    });
  const findings = findingsWith(readValue);
  if (findings.length === 0) return doubt;
  // As with a column total: when what the readers read in the sheet's unsure fields gives values
  // the rules find nothing wrong with, those fields (already flagged) explain the findings.
  const unsureFields = fields.filter(
    (field, index) => verdicts[index]?.value !== null && !sureOf(field.candidate, field.column),
  );
  const explained =
    unsureFields.length > 0 &&
    someCombination(
      unsureFields.map((field) => possibleValues(verdicts[fields.indexOf(field)])),
      (values) => {
        const chosen = (candidate: string, column: WorksheetColumn) => {
          const at = unsureFields.findIndex((field) => field.candidate === candidate && field.column === column);
          return at >= 0 ? (values[at] as number) : readValue(candidate, column);
        };
        return findingsWith(chosen).length === 0;
      },
    );
  for (const finding of findings) {
    const concerned = findingFields(finding, sheet.candidates);
    const unproven = concerned.filter(([, column]) => !proven.has(column));
    const doubted = unproven.length > 0 ? unproven : concerned;
    for (const [candidate, column] of doubted) {
      if (!explained || !sureOf(candidate, column)) cast(candidate, column, 'RULES');
    }
  }
  if (explained) for (const field of unsureFields) cast(field.candidate, field.column, 'RULES');
  return doubt;
}

/** The values a field could hold by its readers' digits (at most 64); 0 for an empty or missing field. */
function possibleValues(verdict: FieldVerdict | undefined): number[] {
  if (!verdict || verdict.value === null) return [0];
  let numbers = [''];
  for (const options of verdict.digitOptions) {
    numbers = numbers.flatMap((prefix) => options.map((digit) => prefix + digit)).slice(0, 64);
  }
  return numbers.map(Number);
}

/** Whether some choice of one value per field (at most 256 choices tried) passes `test`. */
function someCombination(
  options: readonly (readonly number[])[],
  test: (values: readonly number[]) => boolean,
): boolean {
  let combinations: number[][] = [[]];
  for (const values of options) {
    combinations = combinations.flatMap((chosen) => values.map((value) => [...chosen, value]));
    if (combinations.length > 256) return false;
  }
  return combinations.some(test);
}

/** Whether one value per field, from each field's possible values, adds up to `target`. */
function canMakeTotal(target: number, fields: readonly (readonly number[])[]): boolean {
  let sums = new Set([0]);
  for (const values of fields) {
    const next = new Set<number>();
    for (const sum of sums) for (const value of values) if (sum + value <= target) next.add(sum + value);
    sums = next;
    if (sums.size > 4096) return false;
  }
  return sums.has(target);
}

type FieldRef = readonly [candidate: string, column: WorksheetColumn];

/** The fields a rules finding is computed from (docs/OCR.md lists them). */
export function findingFields(finding: Finding, candidates: readonly string[]): FieldRef[] {
  const own = finding.candidate ? [finding.candidate] : candidates;
  const every = (column: WorksheetColumn) => candidates.map((candidate): FieldRef => [candidate, column]);
  const mine = (column: WorksheetColumn) => own.map((candidate): FieldRef => [candidate, column]);
  const columnOfField = finding.field ? FIELD_COLUMN[finding.field] : undefined;
  const ownFields = (): FieldRef[] =>
    columnOfField ? mine(columnOfField) : [...mine('first'), ...mine('final'), ...mine('delegates')];
  const code: FindingCode = finding.code;
  switch (code) {
    case 'FINAL_EXCEEDS_FIRST':
      return [...mine('first'), ...mine('final')];
    // Viability is measured against N, the whole first column.
    case 'VIABLE_GROUP_SHRANK':
      return [...every('first'), ...mine('final')];
    case 'DELEGATES_TO_NONVIABLE':
      return [...every('first'), ...mine('final'), ...mine('delegates')];
    case 'DELEGATE_TOTAL_MISMATCH':
    case 'SDE_MISMATCH':
      return every('delegates');
    case 'ALLOCATION_MISMATCH':
      return [...every('first'), ...every('final'), ...every('delegates')];
    case 'MORE_VOTES_FEWER_DELEGATES':
      return [...every('final'), ...every('delegates')];
    case 'NEGATIVE_OR_NON_INTEGER':
    case 'MISSING_DATA':
      return ownFields();
    default:
      return assertNever(code);
  }
}

const FIELD_COLUMN: Partial<Record<NonNullable<Finding['field']>, WorksheetColumn>> = {
  firstAlignment: 'first',
  finalAlignment: 'final',
  delegatesAwarded: 'delegates',
};

function fieldKey(candidate: string, column: WorksheetColumn): string {
  return `${column}\u0000${candidate}`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
