import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ForeignReading } from '../../../electron/core/ocr/foreign-reading';
import { createOcrEngine } from '../../../electron/core/ocr/read-worksheet-scan';
import { scanCountyFromStore } from '../../../electron/core/ocr/scan-county';
import { readingNeedsNoReview, type ScanReading } from '../../../electron/core/ocr/scan-reading';
import { openCountyStore } from '../../../electron/core/store';
import { type CliIo, EXIT, type ExitCode, printJson, UsageError } from '../io';
import { readInputFile } from './read-input-file';

/**
 * tallyroom ocr --db FILE SCAN [--json]: reads one worksheet scan and prints what was read
 * (docs/CONTRACTS.md shape), storing nothing: the database is opened read-only. Exit 0 when every field
 * was read with nothing to review, 1 when a field needs review or a page has a problem, 2 bad input.
 * A picture with no Tallyroom worksheet in it is also read as a table of numbers (the fallback):
 * the JSON then has a `foreign` block with the numbers found and the suggested mapping, all to check.
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
  if (positionals.length !== 1) throw new UsageError('Give exactly one scan (PNG, JPEG or PDF) to read.');
  const dbPath = resolve(io.cwd, values.db);
  if (!existsSync(dbPath))
    throw new UsageError(`There is no county database at ${dbPath}; create one with "tallyroom init".`);
  const scanPath = resolve(io.cwd, positionals[0] as string);
  const bytes = await readInputFile(scanPath);
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
  if (!county) throw new UsageError(`${values.db} has no county yet; set one up with "tallyroom init".`);
  // Only tesseract's unpacked language data goes in dataDir, never anything read from the scan.
  const engine = createOcrEngine({ dataDir: join(tmpdir(), 'tallyroom-ocr-cache') });
  const fileName = basename(scanPath);
  let pages: readonly ScanReading[];
  let foreign: readonly ForeignReading[] | null = null;
  try {
    const result = await engine.read({
      county,
      bytes,
      fileName,
      ...(values.precinct ? { expectedPrecinct: values.precinct } : {}),
    });
    if (!result.ok) {
      io.err(result.error.message);
      return EXIT.badInput;
    }
    pages = result.value;
    if (pages.every(notOurs)) {
      const table = await engine.readForeign({ county, bytes, fileName });
      foreign = table.ok ? table.value : null;
    }
  } finally {
    await engine.close();
  }
  const first = pages[0] as ScanReading;
  if (values.json) {
    printJson(io, {
      ...pageJson(first),
      ...(pages.length > 1 ? { pages: pages.map((page) => ({ page: page.pageNumber, ...pageJson(page) })) } : {}),
      ...(foreign ? { foreign: foreignJson(foreign) } : {}),
    });
  } else {
    for (const page of pages) printPage(io, page, pages.length > 1);
    if (foreign) for (const page of foreign) printForeign(io, page, foreign.length > 1);
  }
  return pages.every(readingNeedsNoReview) ? EXIT.ok : EXIT.problems;
}

/** No worksheet of ours on the page: nothing was read from comb boxes because there are none. */
function notOurs(page: ScanReading): boolean {
  return page.fields.length === 0 && page.problems.some((problem) => problem.code === 'NO_WORKSHEET_FOUND');
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

function pageJson(page: ScanReading) {
  return {
    precinct: page.precinct,
    fields: page.fields.map((field) => ({
      candidate: field.candidate,
      column: field.column,
      value: field.value,
      confidence: field.confidence,
      needsReview: field.needsReview,
    })),
    problems: page.problems.map((problem) => ({ code: problem.code, message: problem.message })),
  };
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
  if (page.fields.length > 0) io.out(`  ${page.fields.length} fields read, ${review} to check by a person.`);
}
