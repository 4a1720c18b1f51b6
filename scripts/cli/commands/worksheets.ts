import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type WorksheetFile, worksheetFile } from '../../../electron/core/ocr/worksheet-files';
import type { Result } from '../../../electron/core/result';
import { type CliIo, EXIT, type ExitCode, printJson, UsageError } from '../io';
import { openExistingStore } from '../open-existing-store';

/**
 * tallyroom worksheets --db FILE --out DIR [--precinct CODE] [--json]: printable worksheet PDFs,
 * DIR/worksheet-<precinct>.pdf for each precinct, and DIR/worksheets-<county>.pdf with every
 * precinct (one page each) to print in one go.
 */
export async function worksheetsCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      out: { type: 'string' },
      precinct: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.db) throw new UsageError('Give the county database with --db FILE.');
  if (!values.out) throw new UsageError('Give the folder to write the worksheets to with --out DIR.');
  const store = openExistingStore(resolve(io.cwd, values.db));
  const files: WorksheetFile[] = [];
  try {
    if (!store.getElection()) throw new UsageError(`${values.db} has no county yet; set one up with "tallyroom init".`);
    const codes = values.precinct === undefined ? store.listPrecincts().map((entry) => entry.code) : [values.precinct];
    const at = new Date();
    const add = (file: Result<WorksheetFile>) => {
      if (!file.ok) return file.error;
      files.push(file.value);
      return null;
    };
    for (const code of codes) {
      const problem = add(await worksheetFile(store, at, code));
      if (problem) return fail(io, problem.message);
    }
    if (values.precinct === undefined) {
      const problem = add(await worksheetFile(store, at));
      if (problem) return fail(io, problem.message);
    }
  } finally {
    store.close();
  }
  const outDir = resolve(io.cwd, values.out);
  mkdirSync(outDir, { recursive: true });
  const written = uniqueNames(files).map(({ file, name }) => {
    const path = join(outDir, name);
    writeFileSync(path, file.pdf);
    return { path, precincts: file.precincts };
  });
  if (values.json) {
    printJson(io, { out: outDir, files: written });
  } else {
    const single = values.precinct === undefined ? written.length - 1 : written.length;
    io.out(`Wrote ${single} precinct worksheet${single === 1 ? '' : 's'} to ${outDir}.`);
    // The all-precincts file is written last.
    const all = written.at(-1);
    if (values.precinct === undefined && all) io.out(`Every precinct in one file to print: ${all.path}`);
  }
  return EXIT.ok;
}

function fail(io: CliIo, message: string): ExitCode {
  io.err(message);
  return EXIT.problems;
}

/** Two precinct codes can make the same file name ("P 1" and "P-1"): the later one gets a number. */
function uniqueNames(files: readonly WorksheetFile[]): { file: WorksheetFile; name: string }[] {
  const seen = new Set<string>();
  return files.map((file) => {
    const stem = file.fileName.replace(/\.pdf$/, '');
    let name = file.fileName;
    for (let copy = 2; seen.has(name.toLowerCase()); copy += 1) name = `${stem}-${copy}.pdf`;
    seen.add(name.toLowerCase());
    return { file, name };
  });
}
