import { lstat, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { MountRoot } from '../usb/mount-roots';

/** A drive a bundle can be exported to, as the Export screen lists it. */
export interface RemovableDriveView {
  /** Its mount path: the only paths exportBundleToDrive accepts are ones listed here. */
  readonly id: string;
  readonly label: string;
}

/** Drives mounted now under the OS's removable-media places (links are not drives). */
export async function removableDrives(roots: readonly MountRoot[]): Promise<RemovableDriveView[]> {
  const drives: RemovableDriveView[] = [];
  for (const root of roots) {
    if (root.kind === 'drive') {
      if (await isRealFolder(root.path)) drives.push({ id: root.path, label: root.path });
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
      if (await isRealFolder(path)) drives.push({ id: path, label: basename(path) });
    }
  }
  return drives;
}

async function isRealFolder(path: string): Promise<boolean> {
  try {
    const info = await lstat(path);
    return info.isDirectory() && !info.isSymbolicLink();
  } catch {
    return false;
  }
}
