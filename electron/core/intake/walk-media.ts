import { lstat, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isLitterFile, isLitterFolder } from './file-kind';
import type { RejectedFile } from './intake-summary';
import { INTAKE_LIMITS } from './limits';

export interface MediaFile {
  readonly path: string;
  readonly fileName: string;
  readonly size: number;
}

export interface MediaListing {
  readonly files: MediaFile[];
  readonly rejected: RejectedFile[];
}

/**
 * Files named, and files inside folders named (recursively, in name order). Symbolic links are
 * never followed; OS litter (._*, .DS_Store, System Volume Information, $RECYCLE.BIN, ...) is
 * skipped silently; depth and count are capped so a hostile drive cannot make a walk endless.
 */
export async function listMediaFiles(
  paths: readonly string[],
  limits: { readonly maxFiles: number; readonly maxDepth: number } = {
    maxFiles: INTAKE_LIMITS.maxFilesPerImport,
    maxDepth: INTAKE_LIMITS.maxFolderDepth,
  },
): Promise<MediaListing> {
  const files: MediaFile[] = [];
  const rejected: RejectedFile[] = [];
  let overflowReported = false;
  const visit = async (path: string, depth: number): Promise<void> => {
    if (files.length >= limits.maxFiles) {
      if (!overflowReported) {
        overflowReported = true;
        rejected.push({
          path,
          code: 'TOO_MANY_FILES',
          message: `More than ${limits.maxFiles} files in one import; ${path} and the files after it were not imported. Import the folders one at a time.`,
        });
      }
      return;
    }
    let info: Awaited<ReturnType<typeof lstat>>;
    try {
      info = await lstat(path);
    } catch {
      rejected.push({ path, code: 'NOT_FOUND', message: `There is no file or folder at ${path}.` });
      return;
    }
    const name = basename(path);
    if (info.isSymbolicLink()) {
      rejected.push({ path, code: 'SYMLINK', message: `${name} is a link; links are not followed.` });
    } else if (info.isDirectory()) {
      if (isLitterFolder(name)) return;
      if (depth >= limits.maxDepth) {
        rejected.push({
          path,
          code: 'TOO_DEEP',
          message: `${name} is nested more than ${limits.maxDepth} folders deep; its files were not imported.`,
        });
        return;
      }
      let entries: string[];
      try {
        entries = (await readdir(path)).sort();
      } catch {
        rejected.push({
          path,
          code: 'READ_FAILED',
          message: `The folder ${name} could not be read; the drive may have been removed.`,
        });
        return;
      }
      for (const entry of entries) {
        if (!isLitterFile(entry)) await visit(join(path, entry), depth + 1);
      }
    } else if (info.isFile()) {
      files.push({ path, fileName: name, size: Number(info.size) });
    } else {
      rejected.push({ path, code: 'NOT_A_FILE', message: `${name} is not an ordinary file; it was not read.` });
    }
  };
  for (const path of paths) await visit(path, 0);
  return { files, rejected };
}
