import { lstat, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { MountRoot } from './mount-roots';

/** A folder where a removable drive is mounted now. */
export interface MountedFolder {
  readonly path: string;
  /** What a person calls it: the folder's own name under a parent root, the whole path of a drive root (D:\). */
  readonly name: string;
}

/**
 * The drives mounted now under the mount roots, in a stable order: the one look both the intake's
 * drive watcher and the Export screen's drive list take. Mount points that are links are not
 * drives (macOS lists the system disk that way); a root that does not exist yet has none.
 */
export async function mountedFolders(roots: readonly MountRoot[]): Promise<MountedFolder[]> {
  const folders: MountedFolder[] = [];
  for (const root of roots) {
    if (root.kind === 'drive') {
      if (await isRealFolder(root.path)) folders.push({ path: root.path, name: root.path });
      continue;
    }
    let entries: string[];
    try {
      entries = await readdir(root.path);
    } catch {
      continue;
    }
    for (const entry of entries.sort()) {
      const path = join(root.path, entry);
      if (await isRealFolder(path)) folders.push({ path, name: basename(path) });
    }
  }
  return folders;
}

async function isRealFolder(path: string): Promise<boolean> {
  try {
    const info = await lstat(path);
    return info.isDirectory() && !info.isSymbolicLink();
  } catch {
    return false;
  }
}
