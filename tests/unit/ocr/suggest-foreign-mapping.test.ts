/**
 * The suggestion for a sheet that is not ours: which number goes where. It only saves typing, so
 * what matters is that it finds what a person would (names misread, rows without a readable name,
 * columns by their headings), never confuses precincts whose names differ by a digit, and never
 * marks anything as safe.
 */
import { describe, expect, it } from 'vitest';
import type { ForeignLine } from '../../../electron/core/ocr/foreign-reading';
import { editDistance, findPhrase, wordsMatch } from '../../../electron/core/ocr/fuzzy-match';
import { numberOfWord, numberTokens } from '../../../electron/core/ocr/number-tokens';
import { suggestForeignMapping } from '../../../electron/core/ocr/suggest-foreign-mapping';

const CANDIDATES = ['Adams', 'Baker', 'Castillo'];
const PRECINCTS = [
  { code: 'P02', name: 'Ames 2' },
  { code: 'P03', name: 'Ames 3' },
];

/** A line of words laid out left to right, 100 pixels apart, on row `row`. */
function line(row: number, ...words: string[]): ForeignLine {
  const y = 100 + row * 80;
  return {
    text: words.join(' '),
    box: { x: 0, y, width: words.length * 100, height: 40 },
    words: words.map((text, index) => ({
      text,
      confidence: 0.9,
      box: { x: 100 + index * 200, y, width: 60, height: 40 },
    })),
  };
}

function suggest(lines: ForeignLine[], candidates = CANDIDATES) {
  return suggestForeignMapping({ lines, tokens: numberTokens(lines), candidates, precincts: PRECINCTS });
}

function valuesOf(suggestion: ReturnType<typeof suggest>, candidate: string) {
  return ['first', 'final', 'delegates'].map(
    (column) => suggestion.fields.find((field) => field.candidate === candidate && field.column === column)?.value,
  );
}

describe('numbers on the page', () => {
  it('reads counts, with the letters OCR puts for handwritten digits, and nothing else', () => {
    expect(numberOfWord('42')?.value).toBe(42);
    expect(numberOfWord('12,')?.value).toBe(12);
    expect(numberOfWord('|7|')?.value).toBe(7);
    expect(numberOfWord('1O')).toEqual({ value: 10, slips: 1 });
    expect(numberOfWord('o')?.value).toBe(0);
    expect(numberOfWord('P03')).toBeNull();
    expect(numberOfWord('Adams')).toBeNull();
    expect(numberOfWord('2nd')).toBeNull();
    expect(numberOfWord('5155550123')).toBeNull();
  });

  it('trusts a number read with letters in it less than a clean one', () => {
    const [clean, slipped] = numberTokens([line(0, '10', '1O')]);
    expect(clean?.confidence).toBeGreaterThan(slipped?.confidence ?? 1);
  });
});

describe('finding names', () => {
  it('tolerates case and a slip or two, but not in short names or in digits', () => {
    expect(editDistance('castilo', 'castillo')).toBe(1);
    expect(findPhrase(['ADAMS,'], 'Adams')).not.toBeNull();
    expect(findPhrase(['Castilo'], 'Castillo')).not.toBeNull();
    expect(findPhrase(['Van', 'Buren'], 'Van Buren')).toMatchObject({ firstWord: 0, lastWord: 1 });
    expect(findPhrase(['Baker'], 'Adams')).toBeNull();
    expect(wordsMatch('lee', 'li')).toBe(false);
    expect(findPhrase(['Ames', '3'], 'Ames 2')).toBeNull();
  });
});

describe('the suggested mapping', () => {
  const table = [
    line(0, 'Tally', 'P03', 'Ames', '3'),
    line(1, 'Candidate', 'First', 'Final', 'Delegates'),
    line(2, 'ADAMS', '40', '46', '5'),
    line(3, 'Baker', '30', '34', '3'),
    line(4, 'Castilo', '15', '20', '2'),
    line(5, 'Total', '85', '100', '10'),
  ];

  it('takes each named row’s numbers in reading order as first, final, delegates, and the precinct from its code', () => {
    const suggestion = suggest(table);
    expect(valuesOf(suggestion, 'Adams')).toEqual([40, 46, 5]);
    expect(valuesOf(suggestion, 'Baker')).toEqual([30, 34, 3]);
    expect(valuesOf(suggestion, 'Castillo')).toEqual([15, 20, 2]);
    expect(suggestion.precinct).toBe('P03');
    const tokens = numberTokens(table);
    for (const field of suggestion.fields) {
      expect(tokens[field.tokenIndex ?? -1]?.value).toBe(field.value);
    }
  });

  it('never lets a field through without a person, whatever it found', () => {
    const suggestion = suggest(table);
    expect(suggestion.fields).toHaveLength(CANDIDATES.length * 3);
    for (const field of suggestion.fields) {
      expect(field.needsReview).toBe(true);
      expect(field.reasons).toContain('NOT_OUR_FORM');
    }
    expect(suggest([]).fields.every((field) => field.needsReview && field.value === null)).toBe(true);
  });

  it('gives a candidate no row of the totals, and leaves a candidate not on the sheet empty', () => {
    const suggestion = suggest(table, [...CANDIDATES, 'Dunn']);
    expect(valuesOf(suggestion, 'Dunn')).toEqual([null, null, null]);
    const totalTokens = numberTokens(table)
      .filter((token) => token.line === 5)
      .map((token) => token.index);
    expect(suggestion.fields.some((field) => totalTokens.includes(field.tokenIndex ?? -1))).toBe(false);
  });

  it('places rows whose name could not be read by ballot order, only when the count of rows fits', () => {
    const unreadable = [
      line(1, 'Candidate', 'First', 'Final', 'Delegates'),
      line(2, 'ADAMS', '40', '46', '5'),
      line(3, 'B#k', '30', '34', '3'),
      line(4, 'Castillo', '15', '20', '2'),
    ];
    expect(valuesOf(suggest(unreadable), 'Baker')).toEqual([30, 34, 3]);
    const extraRow = [...unreadable.slice(0, 3), line(3.5, 'xx', '7', '8', '1'), unreadable[3] as ForeignLine];
    expect(valuesOf(suggest(extraRow), 'Baker')).toEqual([null, null, null]);
  });

  it('puts the numbers of a short row under their headings', () => {
    // Adams's row has only a number under "Delegates" (x = 700): the other two cells are empty.
    const row = line(1, 'Adams', '', '', '9');
    const short = { ...row, words: row.words.filter((word) => word.text !== '') };
    const lines = [line(0, 'Candidate', 'First', 'Final', 'Delegates'), short];
    expect(valuesOf(suggest(lines), 'Adams')).toEqual([null, null, 9]);
    // Without headings there is nothing to go by but reading order.
    expect(valuesOf(suggest([short]), 'Adams')).toEqual([9, null, null]);
  });

  it('tells precincts whose names differ by a digit apart, and says nothing when the sheet names two', () => {
    expect(suggest([line(0, 'Precinct', 'Ames', '2')]).precinct).toBe('P02');
    expect(suggest([line(0, 'Precinct', 'PO3')]).precinct).toBe('P03');
    expect(suggest([line(0, 'Ames', '2'), line(1, 'Ames', '3')]).precinct).toBeNull();
    expect(suggest([line(0, 'Results')]).precinct).toBeNull();
  });
});
