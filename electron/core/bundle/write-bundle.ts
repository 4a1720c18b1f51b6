import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fsyncFolder, writeFileDurably } from '../files/atomic-write';
import type { BundleFiles } from './bag-layout';
import { zipBundle } from './bundle-container';

export type BundleFormat = 'folder' | 'zip';

export function bundleFormatOf(path: string): BundleFormat {
  return /\.zip$/i.test(path) ? 'zip' : 'folder';
}

/** Test seam: called after each file lands in the temporary bundle; throwing simulates a crash mid-write. */
export type AfterFileWritten = (bagPath: string) => void;

/**
 * Writes a bundle under a temporary name (the caller renames it into place once it has read it
 * back and verified it). Every file and folder is fsynced so the rename publishes complete data.
 */
export function writeBundleTemporary(
  files: BundleFiles,
  temporaryPath: string,
  finalPath: string,
  generatedAt: Date,
  afterFileWritten?: AfterFileWritten,
): void {
  if (bundleFormatOf(finalPath) === 'zip') {
    const folderName = basename(finalPath).replace(/\.zip$/i, '');
    writeFileDurably(temporaryPath, zipBundle(files, folderName, generatedAt));
    afterFileWritten?.(basename(finalPath));
    return;
  }
  mkdirSync(temporaryPath);
  const folders = new Set<string>([temporaryPath]);
  for (const [bagPath, bytes] of files) {
    const path = join(temporaryPath, ...bagPath.split('/'));
    if (!folders.has(dirname(path))) {
      mkdirSync(dirname(path), { recursive: true });
      folders.add(dirname(path));
    }
    writeFileDurably(path, bytes);
    afterFileWritten?.(bagPath);
  }
  for (const folder of [...folders].reverse()) fsyncFolder(folder);
}

export function removeTemporary(path: string): void {
  rmSync(path, { recursive: true, force: true });
}
