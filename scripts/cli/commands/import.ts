import { lstat, readdir, readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPORT_SOURCES, type ReportSource } from '../../../electron/core/api/contract';
import { importResultsFile } from '../../../electron/core/intake/import-results-file';
import { type CliIo, EXIT, type ExitCode, printJson, UsageError } from '../io';
import { openExistingStore } from '../open-existing-store';

const READABLE = new Set(['.csv', '.xlsx']);
/** Files on a stick that are not reports: OS litter, never worth a "rejected" line. */
const IGNORED = /^(\._.*|\.DS_Store|Thumbs\.db|desktop\.ini)$/i;
const IGNORED_FOLDERS = /^(System Volume Information|\$RECYCLE\.BIN|\.Trashes|\.Spotlight-V100|\.fseventsd)$/i;

interface ImportSummary {
  imported: number;
  duplicates: number;
  conflicts: number;
  rejected: { path: string; code: string; message: string }[];
  pendingReview: number;
}

/** tallyroom import --db FILE [--operator NAME] [--source S] [--json] PATH... (DESIGN.md). */
export async function importCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      operator: { type: 'string', default: io.env.USER ?? 'operator' },
      source: { type: 'string', default: 'usb' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.db) throw new UsageError('Give the county database with --db FILE.');
  if (!(REPORT_SOURCES as readonly string[]).includes(values.source)) {
    throw new UsageError(`"${values.source}" is not a source; use one of ${REPORT_SOURCES.join(', ')}.`);
  }
  if (positionals.length === 0) throw new UsageError('Give at least one file or folder to import.');
  const source = values.source as ReportSource;
  const store = openExistingStore(resolve(io.cwd, values.db));
  const summary: ImportSummary = { imported: 0, duplicates: 0, conflicts: 0, rejected: [], pendingReview: 0 };
  try {
    for (const path of await collectFiles(
      positionals.map((entry) => resolve(io.cwd, entry)),
      summary,
    )) {
      if (!READABLE.has(extname(path).toLowerCase())) {
        summary.rejected.push({
          path,
          code: 'UNSUPPORTED_FORMAT',
          message: `${basename(path)}: this version imports precinct results as CSV or XLSX only.`,
        });
        continue;
      }
      const result = importResultsFile(store, {
        fileName: basename(path),
        bytes: await readFile(path),
        source,
        operator: values.operator,
        at: new Date().toISOString(),
      });
      if (!result.ok) {
        summary.rejected.push({ path, code: result.error.code, message: result.error.message });
      } else if (result.value.outcome === 'duplicate') {
        summary.duplicates++;
      } else {
        summary.imported += result.value.reportIds.length;
        summary.conflicts += result.value.conflicts.length;
      }
    }
  } finally {
    store.close();
  }
  if (values.json) {
    printJson(io, summary);
  } else {
    io.out(
      `Imported ${summary.imported} report${summary.imported === 1 ? '' : 's'}; ${summary.duplicates} already imported; ${summary.conflicts} in conflict; ${summary.rejected.length} rejected.`,
    );
    for (const rejected of summary.rejected) io.err(`  rejected ${rejected.path}: ${rejected.message}`);
  }
  return summary.rejected.length > 0 || summary.conflicts > 0 ? EXIT.problems : EXIT.ok;
}

/** Files named, and files inside folders named (recursively); symbolic links are never followed. */
async function collectFiles(paths: string[], summary: ImportSummary): Promise<string[]> {
  const files: string[] = [];
  const visit = async (path: string): Promise<void> => {
    let info: Awaited<ReturnType<typeof lstat>>;
    try {
      info = await lstat(path);
    } catch {
      summary.rejected.push({ path, code: 'NOT_FOUND', message: `There is no file or folder at ${path}.` });
      return;
    }
    if (info.isSymbolicLink()) {
      summary.rejected.push({ path, code: 'SYMLINK', message: `${basename(path)} is a link; links are not followed.` });
    } else if (info.isDirectory()) {
      if (IGNORED_FOLDERS.test(basename(path))) return;
      for (const entry of (await readdir(path)).sort()) {
        if (!IGNORED.test(entry)) await visit(join(path, entry));
      }
    } else if (info.isFile()) {
      files.push(path);
    }
  };
  for (const path of paths) await visit(path);
  return files;
}
