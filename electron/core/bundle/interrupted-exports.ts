import { existsSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fsyncFolder, temporaryOwner } from '../files/atomic-write';
import { listBundleExports } from '../store/bundle-records';
import type { CountyStore } from '../store/county-store';
import { TAG_MANIFEST } from './bag-layout';
import { readBundle } from './bundle-container';
import { bundleFingerprint } from './bundle-fingerprint';
import { removeTemporary } from './write-bundle';

/**
 * Finishes what a killed export left in `folder` (power loss, a crash). A recorded export whose
 * bundle is still under its temporary name was killed between its commit and its rename: the
 * bundle there is the one the database recorded (same fingerprint), so it is put in place. Any
 * other temporary of a process that no longer runs is removed: it was never recorded, and hidden
 * copies of bundles must not pile up on a stick. Temporaries of running processes are left alone.
 */
export function finishInterruptedExports(store: CountyStore, folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  const leftovers = names.flatMap((name) => {
    const owner = temporaryOwner(name);
    return owner && !isRunning(owner.pid) ? [{ name, finalName: owner.finalName }] : [];
  });
  if (leftovers.length === 0) return;
  const records = listBundleExports(store);
  for (const leftover of leftovers) {
    const temporary = join(folder, leftover.name);
    const finalPath = join(folder, leftover.finalName);
    const candidates = records.filter((record) => record.fileName === leftover.finalName);
    if (candidates.length > 0 && !existsSync(finalPath)) {
      const read = readBundle(temporary);
      const tagManifest = read.ok ? read.value.get(TAG_MANIFEST) : undefined;
      const fingerprint = tagManifest ? bundleFingerprint(tagManifest) : null;
      if (candidates.some((record) => record.fingerprint === fingerprint)) {
        renameSync(temporary, finalPath);
        fsyncFolder(folder);
        continue;
      }
    }
    removeTemporary(temporary);
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user; ESRCH: it is gone.
    return (error as { code?: string }).code === 'EPERM';
  }
}
