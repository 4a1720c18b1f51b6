import { fileKindOf } from '../intake/file-kind';
import { type ImportedFileResult, type ImportFilesResult, messageOf, outcomeOf } from '../intake/file-result';
import { importPaths } from '../intake/import-paths';
import { addSummary, emptySummary } from '../intake/intake-summary';
import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import type { RemovableDrive } from './drive';
import { type DriveWatcher, watchDrives } from './drive-watcher';
import { buildDriveInbox, type DriveInbox, type InboxFile } from './inbox';
import type { MountRoot } from './mount-roots';

/** A drive as the Import screen shows it: its inbox, and how many of its files are not imported yet. */
export interface DriveView {
  readonly inbox: DriveInbox;
  /** Files with results or scans not yet in the database (the navigation badge counts these). */
  readonly waiting: number;
}

export interface DriveService {
  /** Looks at the mount roots now and returns every drive with report files, inbox built. */
  drives(): Promise<readonly DriveView[]>;
  /** Files waiting on drives as of the last look (cheap: no drive is read). */
  waitingCount(): number;
  /**
   * Imports files of one drive (all its importable files when `paths` is null). Only paths the
   * drive's own listing holds are read: the screen cannot name a file elsewhere on the computer.
   */
  importFrom(
    driveId: string,
    paths: readonly string[] | null,
    operator: string,
    clock: () => Date,
  ): Promise<Result<ImportFilesResult, AppError>>;
  eject(driveId: string): Promise<Result<void, AppError>>;
  start(): void;
  stop(): void;
}

/**
 * Removable drives while the app runs (docs/INTAKE.md): the watcher looks at the mount roots every few
 * seconds; a drive that appears is read into an inbox (staged and parsed, nothing written) so
 * the screen can show its files by precinct and import them with one click.
 */
export function createDriveService(options: {
  readonly store: CountyStore;
  readonly roots: readonly MountRoot[];
  readonly intervalMs?: number;
  readonly makeDrive?: (mountPath: string) => RemovableDrive;
}): DriveService {
  const { store } = options;
  const inboxes = new Map<string, DriveView>();
  let watcher: DriveWatcher | null = null;
  const makeWatcher = (intervalMs?: number): DriveWatcher =>
    watchDrives({
      roots: options.roots,
      ...(intervalMs ? { intervalMs } : {}),
      ...(options.makeDrive ? { makeDrive: options.makeDrive } : {}),
      onChange: (change) => {
        for (const gone of change.removed) inboxes.delete(gone);
        // A new drive is read at once, so the badge shows its files before anyone opens the screen.
        for (const drive of change.added) void refresh(drive);
      },
    });
  const ensureWatcher = (): DriveWatcher => {
    watcher ??= makeWatcher();
    return watcher;
  };

  const refresh = async (drive: RemovableDrive): Promise<DriveView | null> => {
    if (!store.getElection()) return null;
    const inbox = await buildDriveInbox(store, drive);
    if (!inbox.ok) {
      inboxes.delete(drive.id);
      return null;
    }
    const view = { inbox: inbox.value, waiting: waitingIn(inbox.value) };
    if (
      ensureWatcher()
        .drives()
        .some((known) => known.id === drive.id)
    )
      inboxes.set(drive.id, view);
    return view;
  };

  const driveById = (id: string): RemovableDrive | undefined =>
    ensureWatcher()
      .drives()
      .find((drive) => drive.id === id);

  return {
    async drives() {
      const watch = ensureWatcher();
      await watch.poll();
      const views: DriveView[] = [];
      for (const drive of watch.drives()) {
        const view = await refresh(drive);
        if (view && hasReportFiles(view.inbox)) views.push(view);
      }
      return views;
    },
    waitingCount() {
      let waiting = 0;
      for (const view of inboxes.values()) waiting += view.waiting;
      return waiting;
    },
    async importFrom(driveId, paths, operator, clock) {
      if (!store.getElection()) return appError('NO_COUNTY', 'Set up the county before importing files.');
      const drive = driveById(driveId);
      if (!drive) {
        return appError('DRIVE_NOT_MOUNTED', 'That drive is no longer connected; plug it in again and try again.');
      }
      const listing = await drive.listFiles();
      if (!listing.ok) return listing;
      const onDrive = new Set(listing.value.files.map((file) => file.path));
      const wanted =
        paths ??
        listing.value.files.filter((file) => fileKindOf(file.fileName) !== 'unsupported').map((file) => file.path);
      const stranger = wanted.find((path) => !onDrive.has(path));
      if (stranger !== undefined) {
        return appError(
          'NOT_ON_DRIVE',
          `${stranger} is not a file on the drive ${drive.label}; only files the drive lists can be imported from it.`,
        );
      }
      const total = emptySummary();
      const files: ImportedFileResult[] = [];
      for (const path of wanted) {
        // One file per call, so each gets its own line in the result table.
        const summary = await importPaths(store, [path], { source: 'usb', operator, clock, reader: drive.reader });
        addSummary(total, summary);
        const outcome = outcomeOf(summary, false);
        const held =
          fileKindOf(path) === 'email' && summary.pendingReview > 0
            ? 'The email, or part of it, is held for a person to review (see Review).'
            : null;
        files.push({ path, outcome, summary, message: messageOf(summary, outcome, held) });
      }
      await refresh(drive);
      return ok({ ...total, files });
    },
    async eject(driveId) {
      const drive = driveById(driveId);
      if (!drive) return ok(undefined);
      const ejected = await drive.eject();
      if (ejected.ok) inboxes.delete(driveId);
      return ejected;
    },
    start() {
      watcher?.stop();
      watcher = makeWatcher(options.intervalMs ?? 3_000);
      void watcher.poll();
    },
    stop() {
      watcher?.stop();
      watcher = null;
      inboxes.clear();
    },
  };
}

function hasReportFiles(inbox: DriveInbox): boolean {
  return (
    inbox.byPrecinct.length > 0 || inbox.scans.length > 0 || inbox.problems.some((file) => file.kind !== 'unsupported')
  );
}

function waitingIn(inbox: DriveInbox): number {
  const waiting = new Set<string>();
  const count = (file: InboxFile) => {
    if (!file.alreadyImported && file.problem === null) waiting.add(file.path);
  };
  for (const group of inbox.byPrecinct) group.files.forEach(count);
  inbox.scans.forEach(count);
  return waiting.size;
}
