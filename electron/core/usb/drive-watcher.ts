import type { RemovableDrive } from './drive';
import type { MountRoot } from './mount-roots';
import { mountedFolders } from './mounted-folders';
import { osDrive } from './os-drive';

export interface DriveChange {
  readonly added: readonly RemovableDrive[];
  readonly removed: readonly string[];
}

export interface DriveWatcher {
  /** Drives mounted now, as of the last look. */
  drives(): readonly RemovableDrive[];
  /** Looks once now (the app calls it at start and when the window regains focus). */
  poll(): Promise<DriveChange>;
  stop(): void;
}

/**
 * Watches the mount roots for drives appearing and disappearing. Polling, not fs.watch: it works
 * the same on every OS and on roots that do not exist yet (/run/media/$USER appears with the
 * first stick). Mount points that are links are not drives (macOS lists the system disk that way).
 */
export function watchDrives(options: {
  readonly roots: readonly MountRoot[];
  readonly intervalMs?: number;
  readonly onChange?: (change: DriveChange) => void;
  readonly makeDrive?: (mountPath: string) => RemovableDrive;
}): DriveWatcher {
  const makeDrive = options.makeDrive ?? ((mountPath: string) => osDrive(mountPath));
  const known = new Map<string, RemovableDrive>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const poll = async (): Promise<DriveChange> => {
    const present = new Set((await mountedFolders(options.roots)).map((folder) => folder.path));
    const added: RemovableDrive[] = [];
    const removed: string[] = [];
    for (const path of present) {
      if (!known.has(path)) {
        const drive = makeDrive(path);
        known.set(path, drive);
        added.push(drive);
      }
    }
    for (const path of [...known.keys()]) {
      if (!present.has(path)) {
        known.delete(path);
        removed.push(path);
      }
    }
    if ((added.length > 0 || removed.length > 0) && !stopped) options.onChange?.({ added, removed });
    return { added, removed };
  };

  const schedule = () => {
    if (stopped || !options.intervalMs) return;
    timer = setTimeout(() => {
      void poll().finally(schedule);
    }, options.intervalMs);
    timer.unref();
  };
  schedule();
  return {
    drives: () => [...known.values()],
    poll,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
