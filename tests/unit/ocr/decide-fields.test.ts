import { describe, expect, it } from 'vitest';
import {
  type CandidateFieldRead,
  decideFields,
  fieldVerdict,
  type SheetContext,
} from '../../../electron/core/ocr/decide-fields';
import type { FieldRead } from '../../../electron/core/ocr/read-field';
import type { WorksheetColumn } from '../../../electron/core/ocr/scan-reading';

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
    first: { value: null, written: false },
    final: { value: null, written: false },
    delegates: { value: null, written: false },
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
  const total = (value: number | null) => ({ value, written: value !== null });
  return { ...sheet, totals: { first: total(first), final: total(final), delegates: total(delegates) } };
}

describe('the acceptance rule', () => {
  it('accepts every field when both engines agree confidently and the arithmetic holds', () => {
    const fields = decideFields(sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }), sheet);
    expect(fields.every((field) => !field.needsReview)).toBe(true);
    expect(fields.map((field) => field.value)).toEqual([30, 30, 1, 20, 20, 1]);
  });

  it('flags the disagreeing field, and every field of the sheet for arithmetic that can no longer be confirmed', () => {
    // The direction network is sure of a 6 where the pixel network and tesseract read 0.
    const fields = decideFields(
      sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }, { 'Baker/first': read('20', '20', 0.99, 4, '26') }),
      sheet,
    );
    const baker = fields.find((field) => field.candidate === 'Baker' && field.column === 'first');
    expect(baker?.reasons).toEqual(['ENGINES_DISAGREE', 'ARITHMETIC']);
    // Two of the three read 20: that is the value the reviewer starts from.
    expect(baker?.value).toBe(20);
    expect(fields.every((field) => field.needsReview)).toBe(true);
  });

  it('flags a sheet whose numbers both engines agree on but whose delegates do not add up', () => {
    const fields = decideFields(sheetReads({ Adams: [30, 30, 2], Baker: [20, 20, 1] }), sheet);
    expect(fields.every((field) => field.needsReview && field.reasons.includes('ARITHMETIC'))).toBe(true);
  });

  it('flags a total that does not equal its column, and an unknown precinct', () => {
    const withTotal = { ...sheet, totals: { ...sheet.totals, first: { value: 51, written: true } } };
    expect(
      decideFields(sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }), withTotal).every((f) => f.needsReview),
    ).toBe(true);
    const unknown = { ...sheet, precinctDelegates: null };
    expect(
      decideFields(sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }), unknown).every((f) => f.needsReview),
    ).toBe(true);
  });

  it('accepts a field tesseract could not read when both networks are sure of it, its column has a total and every sum holds', () => {
    const reads = sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }, { 'Baker/first': read('20', null) });
    const fields = decideFields(reads, withTotals(50, 50, 2));
    expect(fields.every((field) => !field.needsReview)).toBe(true);
    expect(fields.find((field) => field.candidate === 'Baker' && field.column === 'first')?.value).toBe(20);
  });

  it('does not trust the two networks alone where the sheet has no total to check them against', () => {
    const reads = sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }, { 'Baker/first': read('20', null) });
    // Everything else confirmed by tesseract, the rules find nothing: only the missing total stops it.
    const noFirstTotal = decideFields(reads, withTotals(null, 50, 2));
    expect(noFirstTotal.every((field) => field.needsReview && field.reasons.includes('ARITHMETIC'))).toBe(true);
  });

  it('flags a sheet where both networks agree on a misread that breaks the total', () => {
    // The networks read 26 where 20 is written; the written total (50) no longer adds up.
    const reads = sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }, { 'Baker/first': read('26', null) });
    const fields = decideFields(reads, withTotals(50, 50, 2));
    expect(fields.every((field) => field.needsReview && field.reasons.includes('ARITHMETIC'))).toBe(true);
  });

  it('confirms a digit two readers are sure of, unless a network is sure of another', () => {
    // Two sure networks outvote tesseract (on handwriting it is often sure and wrong)...
    expect(fieldVerdict(read('20', '26')).reasons).toEqual([]);
    // ...and tesseract with one sure network confirms a digit the other network doubts...
    const doubtful = {
      ...read('20', '20'),
      gradients: [
        { digit: '2', confidence: 0.99 },
        { digit: '0', confidence: 0.5 },
      ],
    };
    expect(fieldVerdict(doubtful).reasons).toEqual([]);
    // ...but a network sure of another digit stops any pair.
    expect(fieldVerdict(read('20', '20', 0.99, 4, '26')).reasons).toEqual(['ENGINES_DISAGREE']);
    expect(fieldVerdict(read('20', '20', 0.99, 4, '26')).value).toBe(20);
    // One reader alone is never enough.
    const alone = {
      ...read('20', null),
      gradients: [
        { digit: '2', confidence: 0.99 },
        { digit: '0', confidence: 0.5 },
      ],
    };
    expect(fieldVerdict(alone).reasons).toEqual(['UNREADABLE', 'LOW_CONFIDENCE']);
  });

  it('judges one field: low confidence, unreadable, empty, a gap between digits', () => {
    expect(fieldVerdict(read('12', '12', 0.5)).reasons).toEqual(['LOW_CONFIDENCE']);
    expect(fieldVerdict(read('12', null, 0.5)).reasons).toEqual(['UNREADABLE', 'LOW_CONFIDENCE']);
    expect(fieldVerdict(read(null, null)).reasons).toEqual(['EMPTY_FIELD']);
    expect(fieldVerdict(read(null, null)).value).toBeNull();
    expect(fieldVerdict({ ...read('13', '13'), gap: true }).reasons).toEqual(['LOW_CONFIDENCE']);
    expect(fieldVerdict(read('12', '12')).reasons).toEqual([]);
  });
});
