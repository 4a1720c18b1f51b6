import { delimiter } from 'node:path';
import { type BackupScheduler, createBackupScheduler } from '../backup/backup-scheduler';
import { createMailboxMonitor, type MailboxMonitor } from '../mail/mailbox-monitor';
import type { SecretStore } from '../secrets/secret-store';
import type { CountyStore } from '../store/county-store';
import { createDriveService, type DriveService } from '../usb/drive-service';
import { defaultMountRoots, type MountRoot } from '../usb/mount-roots';

/**
 * What runs by itself while the app is open: the county mailbox (polling and IDLE), the drive
 * watcher, and scheduled backups. Created with the API and started by the shell (Electron main,
 * the serve harness); tests and the CLI never start it, and call its parts directly.
 */
export interface BackgroundServices {
  readonly mailbox: MailboxMonitor;
  readonly drives: DriveService;
  readonly backups: BackupScheduler;
  start(): void;
  stop(): Promise<void>;
}

export function createBackgroundServices(options: {
  readonly store: CountyStore;
  readonly secrets: SecretStore;
  readonly clock?: () => Date;
  /** Where drives appear; the OS's mount roots unless TALLYROOM_MOUNT_ROOTS names others. */
  readonly mountRoots?: readonly MountRoot[];
  readonly env?: Readonly<Record<string, string | undefined>>;
}): BackgroundServices {
  const { store, secrets } = options;
  const clock = options.clock ?? (() => new Date());
  const mailbox = createMailboxMonitor({ store, secrets, clock });
  const drives = createDriveService({
    store,
    roots: options.mountRoots ?? mountRootsFromEnv(options.env ?? process.env) ?? defaultMountRoots(),
  });
  const backups = createBackupScheduler({ store, clock });
  return {
    mailbox,
    drives,
    backups,
    start() {
      mailbox.start();
      drives.start();
      backups.start();
    },
    async stop() {
      drives.stop();
      await Promise.all([mailbox.stop(), backups.stop()]);
    },
  };
}

/**
 * TALLYROOM_MOUNT_ROOTS: folders whose subfolders are drives, separated like PATH (a county's own
 * automount folder; the end-to-end test's fake drives). Unset: the OS's own roots.
 */
export function mountRootsFromEnv(env: Readonly<Record<string, string | undefined>>): MountRoot[] | null {
  const value = env.TALLYROOM_MOUNT_ROOTS;
  if (!value) return null;
  return value
    .split(delimiter)
    .filter((path) => path !== '')
    .map((path) => ({ path, kind: 'parent' as const }));
}
