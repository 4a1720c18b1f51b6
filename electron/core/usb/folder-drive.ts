import { lstat } from 'node:fs/promises';
import { basename } from 'node:path';
import { diskReader } from '../intake/media-reader';
import { listMediaFiles } from '../intake/walk-media';
import { appError, ok } from '../result';
import type { DriveStatus, RemovableDrive } from './drive';

/**
 * A drive that is a folder: for tests, and the base of the real drive (a mounted stick is a
 * folder too). `unmount` is what ejecting does; the folder-backed default just stops using it.
 */
export function folderDrive(
  mountPath: string,
  options: { readonly label?: string; readonly unmount?: () => Promise<{ ok: boolean; reason?: string }> } = {},
): RemovableDrive {
  let ejected = false;
  const status = async (): Promise<DriveStatus> => {
    if (ejected) return 'ejected';
    try {
      const info = await lstat(mountPath);
      return info.isDirectory() ? 'mounted' : 'gone';
    } catch {
      return 'gone';
    }
  };
  const label = options.label ?? basename(mountPath);
  return {
    id: mountPath,
    label,
    mountPath,
    reader: diskReader,
    status,
    async listFiles() {
      const now = await status();
      if (now !== 'mounted') {
        return appError(
          'DRIVE_NOT_MOUNTED',
          `The drive ${label} is ${now === 'ejected' ? 'ejected' : 'no longer connected'}.`,
        );
      }
      return ok(await listMediaFiles([mountPath]));
    },
    async eject() {
      if (ejected) return ok(undefined);
      const unmounted = options.unmount ? await options.unmount() : { ok: true };
      if (!unmounted.ok) {
        return appError(
          'EJECT_FAILED',
          `The drive ${label} could not be ejected${unmounted.reason ? ` (${unmounted.reason})` : ''}; close any window showing its files and try again.`,
        );
      }
      ejected = true;
      return ok(undefined);
    },
  };
}
