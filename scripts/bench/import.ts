/**
 * 1. Import: 2,000 precinct report files (40% CSV, 30% XLSX, 30% precinct report JSON) for a
 * 2,000-precinct county, from a folder, end to end into SQLite (importPaths: list, stage + sha256
 * ahead of the file being parsed, parse, check, one transaction per batch of 64 files with a savepoint per file) vs. only reading and parsing the same files
 * (parseReportFile). Each run is its own child process, parse and import interleaved.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resultsXlsxFromCsv } from '../../electron/core/bundle/results-xlsx';
import { importPaths } from '../../electron/core/intake/import-paths';
import { parseReportFile } from '../../electron/core/intake/parse-report-file';
import { writePrecinctReportJson } from '../../electron/core/intake/precinct-report-json';
import { writePrecinctResultsCsv } from '../../electron/core/results-file/write-results';
import { benchCounty, emit, emitPart, figure, isMain, peakRssMiB, runPart, time } from './lib';

const FILES = Number(process.env.BENCH_IMPORT_FILES ?? 2000);
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 2);
const SPEC = { county: 'Import County', precincts: FILES, candidates: 15, seed: 11 };

interface PartResult {
  readonly ms: number;
  readonly peakRssMiB: number;
  readonly detail: Record<string, number>;
}

function kindOf(index: number): 'csv' | 'xlsx' | 'json' {
  const slot = index % 10;
  return slot < 4 ? 'csv' : slot < 7 ? 'xlsx' : 'json';
}

async function generate(folder: string): Promise<PartResult> {
  const county = await benchCounty(SPEC);
  let bytes = 0;
  try {
    mkdirSync(folder, { recursive: true });
    for (let index = 0; index < FILES; index++) {
      const result = county.resultOf(index);
      const kind = kindOf(index);
      const name = join(folder, `${result.precinct}.${kind}`);
      let content: string | Uint8Array;
      if (kind === 'json') {
        content = writePrecinctReportJson({
          county: SPEC.county,
          precinct: result.precinct,
          precinctDelegates: result.precinctDelegates,
          lines: result.lines.map((line) => ({
            candidate: line.candidate,
            firstAlignment: line.firstAlignment,
            finalAlignment: line.finalAlignment,
          })),
          preparedBy: 'Precinct Chair',
          preparedAt: '2026-02-03T02:10:00-06:00',
        });
      } else {
        const csv = writePrecinctResultsCsv([result], SPEC.county);
        content = kind === 'csv' ? csv : resultsXlsxFromCsv(csv);
      }
      writeFileSync(name, content);
      bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    }
  } finally {
    county.store.close();
    rmSync(county.dir, { recursive: true, force: true });
  }
  return { ms: 0, peakRssMiB: peakRssMiB(), detail: { bytes } };
}

function parseAll(folder: string): PartResult {
  const names = readdirSync(folder).sort();
  const { ms, value: results } = time(() => {
    let precincts = 0;
    for (const name of names) {
      const parsed = parseReportFile(name, new Uint8Array(readFileSync(join(folder, name))));
      if (!parsed.ok) throw new Error(`${name}: ${parsed.error.message}`);
      precincts += parsed.value.results.length;
    }
    return precincts;
  });
  return { ms, peakRssMiB: peakRssMiB(), detail: { precincts: results } };
}

async function importAll(folder: string): Promise<PartResult> {
  // The county database sits on the real disk (os.tmpdir()): its fsyncs are part of the cost.
  const root = process.env.BENCH_IMPORT_DB_ROOT ?? tmpdir();
  const county = await benchCounty(SPEC, root);
  try {
    const started = performance.now();
    const summary = await importPaths(county.store, [folder], {
      source: 'usb',
      operator: 'Bench Operator',
    });
    const ms = performance.now() - started;
    if (summary.rejected.length > 0 || summary.imported !== FILES) {
      throw new Error(`import: ${summary.imported} imported, rejected ${JSON.stringify(summary.rejected.slice(0, 3))}`);
    }
    return { ms, peakRssMiB: peakRssMiB(), detail: { imported: summary.imported } };
  } finally {
    county.store.close();
    rmSync(county.dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [part, folder] = process.argv.slice(2);
  if (part === 'generate' && folder) return emitPart(await generate(folder));
  if (part === 'parse' && folder) return emitPart(parseAll(folder));
  if (part === 'import' && folder) return emitPart(await importAll(folder));

  const work = mkdtempSync(join(tmpdir(), 'tallyroom-bench-import-'));
  try {
    const folder = join(work, 'usb');
    const generated = runPart<PartResult>(import.meta.filename, ['generate', folder]);
    const parse: PartResult[] = [];
    const imports: PartResult[] = [];
    for (let run = 0; run < RUNS; run++) {
      parse.push(runPart<PartResult>(import.meta.filename, ['parse', folder]));
      imports.push(runPart<PartResult>(import.meta.filename, ['import', folder]));
    }
    const result = figure(
      {
        id: 'import',
        title: `Import ${FILES} report files into SQLite`,
        subject:
          'importPaths: folder -> stage + sha256 (8 reads at a time) -> parse on the worker thread (up to 128 files ahead) -> check -> one transaction per 64 files, a savepoint per file (WAL, synchronous=FULL)',
        baseline: 'read + parseReportFile of the same files, no database',
        peakRssMiB: Math.max(...imports.map((entry) => entry.peakRssMiB)),
        baselinePeakRssMiB: Math.max(...parse.map((entry) => entry.peakRssMiB)),
        size: {
          files: FILES,
          csv: Math.ceil(FILES * 0.4),
          xlsx: Math.ceil(FILES * 0.3),
          json: FILES - Math.ceil(FILES * 0.4) - Math.ceil(FILES * 0.3),
          candidates: SPEC.candidates,
          bytes: generated.detail.bytes ?? 0,
        },
      },
      imports.map((entry) => entry.ms),
      parse.map((entry) => entry.ms),
    );
    emit({
      ...result,
      target: { text: 'import <= 2x parse', met: result.ratio <= 2 },
      notes: [
        `database on ${process.env.BENCH_IMPORT_DB_ROOT ?? tmpdir()} (BENCH_IMPORT_DB_ROOT; default the disk, one fsync per committed batch of files); each run a fresh process`,
      ],
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await main();
