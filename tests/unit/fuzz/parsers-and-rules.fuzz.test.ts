/**
 * Fuzz tests with a fixed budget (fast-check): hostile or random input never crashes a parser
 * or the rules engine; every outcome is a value. FUZZ_RUNS raises the budget for a deep run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsvLine } from '../../../electron/core/results-file/csv';
import { parsePrecinctResults } from '../../../electron/core/results-file/precinct-results';
import { readTable } from '../../../electron/core/results-file/table';
import { checkPrecinct } from '../../../electron/core/rules/check';
import { evaluateWorksheet } from '../../../electron/core/rules/evaluate';
import type { PrecinctResult } from '../../../electron/core/rules/types';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const HEADER =
  'county,precinct,precinct_delegates,sde_per_delegate,candidate,first_alignment,final_alignment,delegates_awarded,sde';

const anyNumber = fc.oneof(
  fc.integer({ min: -5, max: 400 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(0, 1, Number.MAX_SAFE_INTEGER, -0, 0.5, 1e-9, Number.NaN, Number.POSITIVE_INFINITY),
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });

const precinctResult: fc.Arbitrary<PrecinctResult> = fc.record({
  precinct: fc.string({ maxLength: 8 }),
  precinctDelegates: maybe(fc.oneof(fc.integer({ min: -2, max: 40 }), anyNumber)),
  sdePerDelegate: maybe(anyNumber),
  lines: fc.uniqueArray(
    fc.record({
      candidate: fc.string({ minLength: 1, maxLength: 6 }),
      firstAlignment: maybe(anyNumber),
      finalAlignment: maybe(anyNumber),
      delegatesAwarded: maybe(anyNumber),
      sde: maybe(anyNumber),
    }),
    { maxLength: 9, selector: (line) => line.candidate },
  ),
});

describe('fuzz: parsers', () => {
  it('CSV parsing of any text returns a value, never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (text) => {
        const parsed = parseCsv(text);
        expect(typeof parsed.ok).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  });

  it('what we write as CSV reads back as the same cells', () => {
    const safeCell = fc.string({ maxLength: 12, unit: 'grapheme' }).filter((cell) => !/^[=+\-@\t\r]/.test(cell));
    fc.assert(
      fc.property(
        fc.array(fc.array(safeCell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const width = (rows[0] as string[]).length;
          const table = rows.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? 'x'));
          const text = table.map((row) => toCsvLine(row)).join('\n');
          const parsed = parseCsv(text);
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expect(parsed.value).toEqual(table);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('any bytes given as a results file give a result or a clear error, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom('r.csv', 'r.xlsx', 'r.txt'), (bytes, name) => {
        const table = readTable(name, bytes);
        if (!table.ok) {
          expect(table.error.message.length).toBeGreaterThan(10);
          return;
        }
        const parsed = parsePrecinctResults(table.value, name);
        if (!parsed.ok) expect(parsed.error.code).toBe('FILE_HAS_PROBLEMS');
      }),
      { numRuns: RUNS },
    );
  });

  it('random rows under a valid header are parsed or rejected by row and column', () => {
    const cellText = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.integer({ min: -3, max: 300 }).map(String),
      fc.constant(''),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { minLength: 9, maxLength: 9 }), { maxLength: 12 }), (rows) => {
        const text = [HEADER, ...rows.map((row) => toCsvLine(row))].join('\n');
        const table = readTable('fuzz.csv', new TextEncoder().encode(text));
        if (!table.ok) return;
        const parsed = parsePrecinctResults(table.value, 'fuzz.csv');
        if (!parsed.ok) {
          for (const problem of parsed.error.details as { row: number }[])
            expect(problem.row).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: rules engine', () => {
  it('checks any report, however wrong its numbers, and explains every finding in words', () => {
    fc.assert(
      fc.property(
        precinctResult,
        fc.constantFrom('iowa-dem-2020' as const, 'plurality' as const),
        (result, profile) => {
          for (const finding of checkPrecinct(profile, result)) expect(finding.message.length).toBeGreaterThan(10);
          const evaluation = evaluateWorksheet(profile, result);
          expect(['decided', 'coin-toss-needed', 'not-computable']).toContain(evaluation.allocation.kind);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('hostile numbers the fuzzer found', () => {
  it('a precinct electing 2e254 delegates is a finding, not a hang', () => {
    const result: PrecinctResult = {
      precinct: 'P1',
      precinctDelegates: 2.054608698136946e254,
      sdePerDelegate: 187,
      lines: [
        { candidate: 'A', firstAlignment: 399, finalAlignment: 9007199254740991, delegatesAwarded: null, sde: null },
      ],
    };
    expect(checkPrecinct('iowa-dem-2020', result).map((finding) => finding.code)).toEqual([
      'NEGATIVE_OR_NON_INTEGER',
      'NEGATIVE_OR_NON_INTEGER',
    ]);
    expect(evaluateWorksheet('iowa-dem-2020', result).allocation.kind).toBe('not-computable');
  });
});
