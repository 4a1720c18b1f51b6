import { describe, expect, it } from 'vitest';
import {
  type CandidateFieldRead,
  decideFields,
  digitVerdict,
  fieldVerdict,
  type SheetContext,
} from '../../../electron/core/ocr/decide-fields';
import type { FieldRead } from '../../../electron/core/ocr/read-field';
import type { FieldReading, WorksheetColumn } from '../../../electron/core/ocr/scan-reading';

/**
 * A field read by the three readers: the pixel network reads `classifier`, the direction network
 * `gradients` (the same by default), tesseract `tesseract`; one confidence for every digit.
 */
function read(
  classifier: string | null,
  tesseract: string | null,
  confidence = 0.99,
  boxes = 4,
  gradients: string | null = classifier,
): FieldRead {
  const written = classifier?.length ?? 0;
  const digits = (text: string | null) => [...(text ?? '')].map((digit) => ({ digit, confidence }));
  return {
    box: { x: 0, y: 0, width: 10, height: 10 },
    inked: Array.from({ length: boxes }, (_, index) => index >= boxes - written),
    gap: false,
    pixels: digits(classifier),
    gradients: digits(gradients),
    tesseract: tesseract === null ? Array.from({ length: written }, () => null) : digits(tesseract),
    classifierText: classifier,
    tesseractText: tesseract,
  };
}

const candidates = ['Adams', 'Baker'];
const sheet: SheetContext = {
  profile: 'iowa-dem-2020',
  precinct: 'P01',
  precinctDelegates: 2,
  sdePerDelegate: 1,
  candidates,
  totals: {
    first: { value: null, written: false, sure: false },
    final: { value: null, written: false, sure: false },
    delegates: { value: null, written: false, sure: false },
  },
};

/**
 * A whole sheet where every reader reads `values`; an override names a field ("Baker/first") and
 * gives what tesseract read there instead, or the whole read.
 */
function sheetReads(
  values: Record<string, [number, number, number]>,
  override?: Partial<Record<string, string | FieldRead>>,
) {
  const columns: WorksheetColumn[] = ['first', 'final', 'delegates'];
  return candidates.flatMap((candidate) =>
    columns.map((column, index): CandidateFieldRead => {
      const text = String((values[candidate] as [number, number, number])[index]);
      const changed = override?.[`${candidate}/${column}`];
      return {
        candidate,
        column,
        read: typeof changed === 'object' ? changed : read(text, changed ?? text),
      };
    }),
  );
}

/** The same sheet with its totals row written. */
function withTotals(first: number | null, final: number | null, delegates: number | null): SheetContext {
  const total = (value: number | null) => ({ value, written: value !== null, sure: value !== null });
  return { ...sheet, totals: { first: total(first), final: total(final), delegates: total(delegates) } };
}

const at = (fields: readonly FieldReading[], candidate: string, column: string) =>
  fields.find((field) => field.candidate === candidate && field.column === column);
const flagged = (fields: readonly { candidate: string; column: string; needsReview: boolean }[]) =>
  fields.filter((field) => field.needsReview).map((field) => `${field.candidate}/${field.column}`);

describe('each field judged on its own', () => {
  it('accepts every field whose digits are sure when the rules find nothing', () => {
    const fields = decideFields(sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }), sheet);
    expect(flagged(fields)).toEqual([]);
    expect(fields.map((field) => field.value)).toEqual([30, 30, 1, 20, 20, 1]);
  });

  it('flags only the field whose readers disagree, not the rest of the sheet', () => {
    // The direction network is sure of a 6 where the pixel network and tesseract read 0.
    const fields = decideFields(
      sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }, { 'Baker/first': read('20', '20', 0.99, 4, '26') }),
      sheet,
    );
    expect(flagged(fields)).toEqual(['Baker/first']);
    expect(at(fields, 'Baker', 'first')?.reasons).toEqual(['READERS_DISAGREE', 'UNSURE_DIGIT']);
    // Two of the three read 20: that is the value the reviewer starts from.
    expect(at(fields, 'Baker', 'first')?.value).toBe(20);
  });

  it('casts a wrong total on its own column only', () => {
    const fields = decideFields(sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }), withTotals(51, 50, 2));
    expect(flagged(fields)).toEqual(['Adams/first', 'Baker/first']);
    expect(at(fields, 'Adams', 'first')?.reasons).toEqual(['ARITHMETIC']);
  });

  it('lets a total that was not read surely neither accuse nor prove its column', () => {
    const unsureTotal: SheetContext = {
      ...sheet,
      totals: { ...sheet.totals, first: { value: 51, written: true, sure: false } },
    };
    expect(flagged(decideFields(sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }), unsureTotal))).toEqual([]);
  });

  it('casts delegates that do not add up on the delegates column when the other columns are proven by their totals', () => {
    const reads = sheetReads({ Adams: [30, 30, 2], Baker: [20, 20, 1] });
    const proven = decideFields(reads, withTotals(50, 50, null));
    expect(flagged(proven)).toEqual(['Adams/delegates', 'Baker/delegates']);
    expect(at(proven, 'Adams', 'delegates')?.reasons).toEqual(['RULES']);
    // Without totals the allocation is computed from every column, so every field is in doubt.
    const unproven = decideFields(reads, sheet);
    expect(unproven.every((field) => field.needsReview && field.reasons.includes('RULES'))).toBe(true);
  });

  it('casts a column total the delegates column does not match on that column only', () => {
    const fields = decideFields(sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }), withTotals(50, 50, 3));
    expect(flagged(fields)).toEqual(['Adams/delegates', 'Baker/delegates']);
  });

  it('keeps a rules finding on the unsure field only when another of its readings satisfies the rules', () => {
    // Baker's final read 25 (unsure; tesseract read 20): final above first, explained by Baker's final.
    const unsureFinal: FieldRead = {
      ...read('25', '20', 0.7),
      tesseract: [
        { digit: '2', confidence: 0.9 },
        { digit: '0', confidence: 0.4 },
      ],
    };
    const fields = decideFields(
      sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }, { 'Baker/final': unsureFinal }),
      sheet,
    );
    expect(flagged(fields)).toEqual(['Baker/final']);
    expect(at(fields, 'Baker', 'final')?.reasons).toContain('RULES');
  });

  it('casts a finding about one candidate on the fields it is computed from', () => {
    // Baker's final above his first: the first and final columns, not the delegates.
    const fields = decideFields(sheetReads({ Adams: [30, 30, 1], Baker: [20, 25, 1] }), sheet);
    expect(flagged(fields)).toEqual(['Adams/first', 'Adams/final', 'Baker/first', 'Baker/final']);
    expect(at(fields, 'Baker', 'final')?.reasons).toEqual(['RULES']);
  });

  it('flags every field of a sheet whose precinct is not known: the rules cannot be checked', () => {
    const unknown = { ...sheet, precinctDelegates: null };
    const fields = decideFields(sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }), unknown);
    expect(fields.every((field) => field.needsReview && field.reasons.includes('RULES'))).toBe(true);
  });

  it('still accepts a sure field when another field of its column is unsure and the total cannot prove it', () => {
    const reads = sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }, { 'Baker/first': read('20', '20', 0.5) });
    const fields = decideFields(reads, withTotals(50, 50, 2));
    expect(flagged(fields)).toEqual(['Baker/first']);
    expect(at(fields, 'Baker', 'first')?.reasons).toEqual(['UNSURE_DIGIT']);
  });

  it('keeps a wrong total on the unsure field when what its readers read there makes up the total', () => {
    // Baker's first: written 20; both networks unsure of a 6, tesseract unsure of a 0.
    const unsure: FieldRead = {
      ...read('20', '20'),
      pixels: [
        { digit: '2', confidence: 0.99 },
        { digit: '6', confidence: 0.6 },
      ],
      gradients: [
        { digit: '2', confidence: 0.99 },
        { digit: '6', confidence: 0.7 },
      ],
      tesseract: [
        { digit: '2', confidence: 0.9 },
        { digit: '0', confidence: 0.3 },
      ],
    };
    const reads = sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }, { 'Baker/first': unsure });
    // Shown as 26, the first column adds up to 56, not 50; tesseract's 0 makes up the total.
    const fields = decideFields(reads, withTotals(50, 50, 2));
    expect(at(fields, 'Baker', 'first')?.value).toBe(26);
    expect(at(fields, 'Baker', 'first')?.reasons).toEqual(['READERS_DISAGREE', 'UNSURE_DIGIT', 'ARITHMETIC', 'RULES']);
    // Adams's sure first is accused neither by the total nor by the rules (computed with 26, Baker's
    // group shrank; with tesseract's 0 it did not): Baker's unsure field explains both.
    expect(flagged(fields)).toEqual(['Baker/first']);
    // When nothing the readers read there makes up the total, the whole column is in doubt.
    const offTotal = decideFields(reads, withTotals(57, 50, 2));
    expect(at(offTotal, 'Adams', 'first')?.reasons).toEqual(['ARITHMETIC']);
  });

  it('flags a misread both networks are sure of when it breaks its column total', () => {
    const reads = sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }, { 'Baker/first': read('26', null) });
    const fields = decideFields(reads, withTotals(50, 50, 2));
    expect(at(fields, 'Baker', 'first')?.reasons).toContain('ARITHMETIC');
    expect(at(fields, 'Adams', 'first')?.needsReview).toBe(true);
    expect(at(fields, 'Adams', 'final')?.needsReview).toBe(false);
  });
});

describe('one digit', () => {
  const limits = { networksAlone: 0.98, network: 0.9, tesseract: 0.6 };
  const guess = (digit: string, confidence: number) => ({ digit, confidence });

  it('is sure when both networks agree above the networks-alone threshold, whatever tesseract read', () => {
    expect(digitVerdict(guess('7', 0.99), guess('7', 0.985), null, limits).sure).toBe(true);
    expect(digitVerdict(guess('7', 0.99), guess('7', 0.985), guess('1', 0.95), limits)).toMatchObject({
      sure: true,
      disagree: true,
    });
    expect(digitVerdict(guess('7', 0.99), guess('7', 0.95), null, limits).sure).toBe(false);
  });

  it('is sure when tesseract confirms a network, unless the other network is fairly sure of another digit', () => {
    expect(digitVerdict(guess('0', 0.95), guess('0', 0.5), guess('0', 0.7), limits).sure).toBe(true);
    expect(digitVerdict(guess('0', 0.95), guess('8', 0.92), guess('0', 0.9), limits)).toMatchObject({
      sure: false,
      disagree: true,
      digit: '0',
    });
    expect(digitVerdict(guess('0', 0.95), guess('0', 0.95), guess('0', 0.4), limits).sure).toBe(false);
  });

  it('is never sure on one reader alone', () => {
    expect(digitVerdict(guess('3', 0.999), guess('5', 0.6), null, limits).sure).toBe(false);
    expect(digitVerdict(guess('3', 0.6), guess('5', 0.6), guess('8', 0.99), limits).sure).toBe(false);
  });
});

describe('one field', () => {
  it('says why: unsure digit, readers disagree, empty, an empty box between digits', () => {
    expect(fieldVerdict(read('12', '12', 0.5)).reasons).toEqual(['UNSURE_DIGIT']);
    expect(fieldVerdict(read('12', '17', 0.5)).reasons).toEqual(['READERS_DISAGREE', 'UNSURE_DIGIT']);
    expect(fieldVerdict(read(null, null)).reasons).toEqual(['EMPTY_FIELD']);
    expect(fieldVerdict(read(null, null)).value).toBeNull();
    expect(fieldVerdict({ ...read('13', '13'), gap: true }).reasons).toEqual(['NOT_ONE_NUMBER']);
    expect(fieldVerdict(read('12', '12')).reasons).toEqual([]);
  });
});
