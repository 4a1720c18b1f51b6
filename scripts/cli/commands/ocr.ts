import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ForeignReading } from '../../../electron/core/ocr/foreign-reading';
import { createOcrEngine, type OcrEngine } from '../../../electron/core/ocr/read-worksheet-scan';
import { type ScanCounty, scanCountyFromStore } from '../../../electron/core/ocr/scan-county';
import { readingNeedsNoReview, type ScanReading } from '../../../electron/core/ocr/scan-reading';
import { openCountyStore } from '../../../electron/core/store';
import { type CliIo, EXIT, type ExitCode, printJson, UsageError } from '../io';
import { readInputFile } from './read-input-file';

/**
 * tallyroom ocr --db FILE SCAN... [--precinct CODE] [--json]: reads worksheet scans and prints
 * what was read (docs/CONTRACTS.md shape, plus each field's review reasons, the totals row, the rotation
 * and the time taken), storing nothing: the database is opened read-only. Many scans are read with
 * one engine (the tesseract workers start once), with progress on stderr. Exit codes
 * (docs/OCR.md): 0 every field accepted, 1 a field to review or a page problem, 3 a page could not
 * be read at all, 2 bad input. A picture with no Tallyroom worksheet in it is also read as a table
 * of numbers (the fallback): a `foreign` block with the numbers found and the suggested mapping.
 */
export async function ocrCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      precinct: { type: 'string' },
    },
  });
  if (!values.db) throw new UsageError('Give the county database with --db FILE.');
  if (positionals.length === 0) throw new UsageError('Give at least one scan (PNG, JPEG or PDF) to read.');
  const dbPath = resolve(io.cwd, values.db);
  if (!existsSync(dbPath))
    throw new UsageError(`There is no county database at ${dbPath}; create one with "tallyroom init".`);
  const scanPaths = positionals.map((path) => resolve(io.cwd, path));
  // Every file is checked before any is read: a typo in the 19th name should not cost 18 readings.
  for (const path of scanPaths) if (!existsSync(path)) throw new UsageError(`There is no file at ${path}.`);
  const county = readCounty(dbPath, values.db);
  // Only tesseract's unpacked language data goes in dataDir, never anything read from the scan.
  const engine = createOcrEngine({ dataDir: join(tmpdir(), 'tallyroom-ocr-cache') });
  const started = performance.now();
  const outcomes: ScanOutcome[] = [];
  try {
    for (const [index, path] of scanPaths.entries()) {
      const outcome = await readOne(engine, county, path, values.precinct);
      outcomes.push(outcome);
      if (scanPaths.length > 1) io.err(progressLine(index + 1, scanPaths.length, outcome));
    }
  } finally {
    await engine.close();
  }
  const elapsedMs = Math.round(performance.now() - started);
  if (scanPaths.length === 1) {
    const only = outcomes[0] as ScanOutcome;
    if (only.kind === 'error') {
      io.err(only.message);
      return EXIT.badInput;
    }
    if (values.json) printJson(io, scanJson(only));
    else printScan(io, only);
    return exitOf(only);
  }
  if (values.json) {
    printJson(io, {
      scans: outcomes.map((outcome) =>
        outcome.kind === 'error'
          ? { file: outcome.file, error: { code: outcome.code, message: outcome.message } }
          : { file: outcome.file, ...scanJson(outcome) },
      ),
      elapsedMs,
    });
  } else {
    for (const outcome of outcomes) {
      io.out(`${outcome.file}:`);
      if (outcome.kind === 'error') io.out(`  ${outcome.message}`);
      else printScan(io, outcome);
    }
    io.out(`${outcomes.length} scans read in ${(elapsedMs / 1000).toFixed(1)} s.`);
  }
  // The worst outcome decides: bad input, then a page not read, then fields to review.
  const exits = outcomes.map((outcome) => (outcome.kind === 'error' ? EXIT.badInput : exitOf(outcome)));
  for (const code of [EXIT.badInput, EXIT.notRead, EXIT.problems] as const) if (exits.includes(code)) return code;
  return EXIT.ok;
}

type ScanOutcome =
  | { readonly kind: 'error'; readonly file: string; readonly code: string; readonly message: string }
  | {
      readonly kind: 'read';
      readonly file: string;
      readonly pages: readonly ScanReading[];
      readonly foreign: readonly ForeignReading[] | null;
    };

function readCounty(dbPath: string, named: string): ScanCounty {
  let county: ReturnType<typeof scanCountyFromStore>;
  try {
    const store = openCountyStore(dbPath, { readonly: true });
    try {
      county = scanCountyFromStore(store);
    } finally {
      store.close();
    }
  } catch {
    throw new UsageError(`${dbPath} is not a Tallyroom county database, or it is damaged.`);
  }
  if (!county) throw new UsageError(`${named} has no county yet; set one up with "tallyroom init".`);
  return county;
}

async function readOne(
  engine: OcrEngine,
  county: ScanCounty,
  path: string,
  expectedPrecinct: string | undefined,
): Promise<ScanOutcome> {
  const file = basename(path);
  const bytes = await readInputFile(path);
  const result = await engine.read({
    county,
    bytes,
    fileName: file,
    ...(expectedPrecinct ? { expectedPrecinct } : {}),
  });
  if (!result.ok) return { kind: 'error', file, code: result.error.code, message: result.error.message };
  const pages = result.value;
  let foreign: readonly ForeignReading[] | null = null;
  if (pages.every(notOurs)) {
    const table = await engine.readForeign({ county, bytes, fileName: file });
    foreign = table.ok ? table.value : null;
  }
  return { kind: 'read', file, pages, foreign };
}

/**
 * 0 every field accepted; 1 something to review; 3 a page of which nothing could be read: no
 * worksheet field, and no value suggested for any candidate when read as a table either.
 */
function exitOf(outcome: Extract<ScanOutcome, { kind: 'read' }>): ExitCode {
  const suggestsValues = (pageNumber: number) =>
    (outcome.foreign ?? []).some(
      (table) => table.pageNumber === pageNumber && table.suggestion.fields.some((field) => field.value !== null),
    );
  const unread = outcome.pages.some((page) => page.fields.length === 0 && !suggestsValues(page.pageNumber));
  if (unread) return EXIT.notRead;
  return outcome.pages.every(readingNeedsNoReview) ? EXIT.ok : EXIT.problems;
}

function progressLine(done: number, total: number, outcome: ScanOutcome): string {
  if (outcome.kind === 'error') return `ocr: ${done}/${total} ${outcome.file}: ${outcome.code}`;
  const fields = outcome.pages.flatMap((page) => page.fields);
  const review = fields.filter((field) => field.needsReview).length;
  const ms = outcome.pages.reduce((sum, page) => sum + page.elapsedMs, 0);
  return `ocr: ${done}/${total} ${outcome.file}: ${fields.length} fields, ${review} to review (${(ms / 1000).toFixed(1)} s)`;
}

/** No worksheet of ours on the page: nothing was read from comb boxes because there are none. */
function notOurs(page: ScanReading): boolean {
  return page.fields.length === 0 && page.problems.some((problem) => problem.code === 'NO_WORKSHEET_FOUND');
}

/** One scan's JSON: docs/CONTRACTS.md's keys first, the additions after them. */
function scanJson(outcome: Extract<ScanOutcome, { kind: 'read' }>) {
  const { pages, foreign } = outcome;
  return {
    ...pageJson(pages[0] as ScanReading),
    ...(pages.length > 1 ? { pages: pages.map((page) => ({ page: page.pageNumber, ...pageJson(page) })) } : {}),
    ...(foreign ? { foreign: foreignJson(foreign) } : {}),
  };
}

function pageJson(page: ScanReading) {
  return {
    precinct: page.precinct,
    fields: page.fields.map((field) => ({
      candidate: field.candidate,
      column: field.column,
      value: field.value,
      confidence: field.confidence,
      needsReview: field.needsReview,
      reasons: field.reasons,
    })),
    problems: page.problems.map((problem) => ({ code: problem.code, message: problem.message })),
    totals: page.totals ?? null,
    rotationDegrees: page.rotationDegrees,
    elapsedMs: page.elapsedMs,
  };
}

/** The fallback's reading (additive to the docs/CONTRACTS.md shape): every suggested field needs review. */
function foreignJson(pages: readonly ForeignReading[]) {
  return {
    pages: pages.map((page) => ({
      page: page.pageNumber,
      suggestedPrecinct: page.suggestion.precinct,
      tokens: page.tokens.map((token) => ({
        value: token.value,
        text: token.text,
        confidence: token.confidence,
        box: token.box,
      })),
      fields: page.suggestion.fields.map((field) => ({
        candidate: field.candidate,
        column: field.column,
        value: field.value,
        confidence: field.confidence,
        needsReview: field.needsReview,
      })),
    })),
  };
}

function printScan(io: CliIo, outcome: Extract<ScanOutcome, { kind: 'read' }>): void {
  for (const page of outcome.pages) printPage(io, page, outcome.pages.length > 1);
  if (outcome.foreign) for (const page of outcome.foreign) printForeign(io, page, outcome.foreign.length > 1);
}

function printForeign(io: CliIo, page: ForeignReading, multiPage: boolean): void {
  const where = multiPage ? `Page ${page.pageNumber}: ` : '';
  io.out(
    `${where}read as a table of numbers: ${page.tokens.length} numbers found, precinct ${page.suggestion.precinct ?? 'not named on the sheet'}. Suggested, every one to check against the paper:`,
  );
  for (const field of page.suggestion.fields) {
    io.out(
      `  ${field.candidate.padEnd(24)} ${field.column.padEnd(9)} ${String(field.value ?? '-').padStart(5)}  check`,
    );
  }
}

function printPage(io: CliIo, page: ScanReading, multiPage: boolean): void {
  const where = multiPage ? `Page ${page.pageNumber}: ` : '';
  io.out(`${where}${page.precinct ? `precinct ${page.precinct}` : 'precinct not known (no QR code read)'}`);
  for (const problem of page.problems) io.out(`  ${problem.code}: ${problem.message}`);
  const review = page.fields.filter((field) => field.needsReview).length;
  for (const field of page.fields) {
    io.out(
      `  ${field.candidate.padEnd(24)} ${field.column.padEnd(9)} ${String(field.value ?? '-').padStart(5)}  ${field.needsReview ? `check: ${field.reasons.join(', ').toLowerCase().replace(/_/g, ' ')}` : 'ok'}`,
    );
  }
  if (page.totals) {
    const total = (column: 'first' | 'final' | 'delegates') => {
      const read = page.totals?.[column];
      return !read?.written ? 'empty' : `${read.value}${read.sure ? '' : '?'}`;
    };
    io.out(`  totals row read: first ${total('first')}, final ${total('final')}, delegates ${total('delegates')}`);
  }
  if (page.fields.length > 0) {
    io.out(
      `  ${page.fields.length} fields read, ${review} to check by a person; turned ${Math.round(page.rotationDegrees)}°, ${(page.elapsedMs / 1000).toFixed(1)} s.`,
    );
  }
}
