import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportSource } from '../api/contract';
import type { CountyStore } from '../store/county-store';
import { fileKindOf } from './file-kind';
import { importEmail } from './import-email';
import { ingestFile, SUPPORTED_FORMATS } from './ingest-file';
import { addOutcome, addSummary, emptySummary, type IntakeSummary } from './intake-summary';
import { diskReader, type MediaReader } from './media-reader';
import { stageFile } from './stage-file';
import { listMediaFiles } from './walk-media';

export interface ImportPathsOptions {
  readonly source: ReportSource;
  readonly operator: string;
  readonly clock?: () => Date;
  /** How files are read off the media; tests pass one that fails part-way. */
  readonly reader?: MediaReader;
  /** Where the staging folder is made (a fresh private folder inside it, removed afterwards). */
  readonly stagingRoot?: string;
  /** Called after each file, for a progress display. */
  readonly onProgress?: (progress: { readonly done: number; readonly total: number; readonly path: string }) => void;
}

/**
 * Files and folders (a USB drive, a dropped folder) through intake, one file at a time: each is
 * copied to staging and hashed, then parsed and stored in its own transaction. A file that cannot
 * be read to the end is rejected whole; the files before it stay imported, complete.
 */
export async function importPaths(
  store: CountyStore,
  paths: readonly string[],
  options: ImportPathsOptions,
): Promise<IntakeSummary> {
  const clock = options.clock ?? (() => new Date());
  const reader = options.reader ?? diskReader;
  const summary = emptySummary();
  const listing = await listMediaFiles(paths);
  summary.rejected.push(...listing.rejected);
  const stagingDir = await mkdtemp(join(options.stagingRoot ?? tmpdir(), 'tallyroom-staging-'));
  try {
    for (const [index, file] of listing.files.entries()) {
      const kind = fileKindOf(file.fileName);
      if (kind === 'unsupported') {
        summary.rejected.push({
          path: file.path,
          code: 'UNSUPPORTED_FORMAT',
          message: `${file.fileName} is not a kind of file Tallyroom imports (${SUPPORTED_FORMATS}). Nothing was imported.`,
        });
      } else {
        const staged = await stageFile(reader, file.path, file.fileName, stagingDir, index);
        if (!staged.ok) {
          summary.rejected.push({ path: file.path, code: staged.error.code, message: staged.error.message });
        } else if (kind === 'email') {
          addSummary(
            summary,
            await importEmail(store, {
              raw: staged.value.bytes,
              origin: `file ${file.path}`,
              label: file.path,
              operator: options.operator,
              at: clock().toISOString(),
            }),
          );
        } else {
          const outcome = ingestFile(store, {
            fileName: file.fileName,
            bytes: staged.value.bytes,
            source: options.source,
            operator: options.operator,
            at: clock().toISOString(),
          });
          addOutcome(summary, file.path, outcome);
        }
      }
      options.onProgress?.({ done: index + 1, total: listing.files.length, path: file.path });
    }
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
  }
  return summary;
}
