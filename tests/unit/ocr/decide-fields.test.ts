import { describe, expect, it } from 'vitest';
import {
  type CandidateFieldRead,
  decideFields,
  fieldVerdict,
  type SheetContext,
} from '../../../electron/core/ocr/decide-fields';
import type { FieldRead } from '../../../electron/core/ocr/read-field';
import type { WorksheetColumn } from '../../../electron/core/ocr/scan-reading';

/** A field read with both engines' text and one confidence for every digit. */
function read(classifier: string | null, tesseract: string | null, confidence = 0.99, boxes = 4): FieldRead {
  const written = classifier?.length ?? 0;
  const digits = (text: string | null) => [...(text ?? '')].map((digit) => ({ digit, confidence }));
  return {
    box: { x: 0, y: 0, width: 10, height: 10 },
    inked: Array.from({ length: boxes }, (_, index) => index >= boxes - written),
    gap: false,
    classifier: digits(classifier),
    tesseract: tesseract === null ? null : digits(tesseract),
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

/** A whole sheet where both engines read `values` (or the classifier reads `values`, tesseract `other`). */
function sheetReads(values: Record<string, [number, number, number]>, override?: Partial<Record<string, string>>) {
  const columns: WorksheetColumn[] = ['first', 'final', 'delegates'];
  return candidates.flatMap((candidate) =>
    columns.map((column, index): CandidateFieldRead => {
      const text = String((values[candidate] as [number, number, number])[index]);
      return { candidate, column, read: read(text, override?.[`${candidate}/${column}`] ?? text) };
    }),
  );
}

describe('the acceptance rule', () => {
  it('accepts every field when both engines agree confidently and the arithmetic holds', () => {
    const fields = decideFields(sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }), sheet);
    expect(fields.every((field) => !field.needsReview)).toBe(true);
    expect(fields.map((field) => field.value)).toEqual([30, 30, 1, 20, 20, 1]);
  });

  it('flags the disagreeing field, and every field of the sheet for arithmetic that can no longer be confirmed', () => {
    const fields = decideFields(sheetReads({ Adams: [30, 30, 1], Baker: [20, 20, 1] }, { 'Baker/first': '26' }), sheet);
    const baker = fields.find((field) => field.candidate === 'Baker' && field.column === 'first');
    expect(baker?.reasons).toEqual(['ENGINES_DISAGREE', 'ARITHMETIC']);
    expect(baker?.value).toBe(20);
    expect(baker?.engines).toEqual({ tesseract: '26', classifier: '20' });
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

  it('judges one field: low confidence, unreadable, empty, a gap between digits', () => {
    expect(fieldVerdict(read('12', '12', 0.5)).reasons).toEqual(['LOW_CONFIDENCE']);
    expect(fieldVerdict(read('12', null)).reasons).toEqual(['UNREADABLE']);
    expect(fieldVerdict(read(null, null)).reasons).toEqual(['EMPTY_FIELD']);
    expect(fieldVerdict(read(null, null)).value).toBeNull();
    expect(fieldVerdict({ ...read('13', '13'), gap: true }).reasons).toEqual(['LOW_CONFIDENCE']);
    expect(fieldVerdict(read('12', '12')).reasons).toEqual([]);
  });
});
