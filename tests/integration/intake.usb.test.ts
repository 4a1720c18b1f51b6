/**
 * Removable drives: a watcher over mount roots sees sticks come and go, an inbox lists
 * what a stick holds by precinct before anything is imported, and the drive is imported through
 * the same pipeline. Folder-backed drives stand in for the OS.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../electron/core/intake/import-paths';
import { countIntakeRows } from '../../electron/core/store/intake-records';
import { watchDrives } from '../../electron/core/usb/drive-watcher';
import { folderDrive } from '../../electron/core/usb/folder-drive';
import { buildDriveInbox } from '../../electron/core/usb/inbox';
import { defaultMountRoots } from '../../electron/core/usb/mount-roots';
import { caucusClock, INTAKE_FIXTURES, intakeCounty } from '../helpers/intake-county';
import { expectOk, type TempCounty } from '../helpers/temp-county';

let county: TempCounty;
let media: string;
beforeEach(async () => {
  county = await intakeCounty();
  media = mkdtempSync(join(tmpdir(), 'tallyroom-media-'));
});
afterEach(() => {
  county.cleanup();
  rmSync(media, { recursive: true, force: true });
});

describe('removable drives', () => {
  it('knows where each OS mounts sticks', () => {
    expect(defaultMountRoots('linux', { USER: 'chair' })).toEqual([
      { path: '/media/chair', kind: 'parent' },
      { path: '/run/media/chair', kind: 'parent' },
    ]);
    expect(defaultMountRoots('darwin', {})).toEqual([{ path: '/Volumes', kind: 'parent' }]);
    const windows = defaultMountRoots('win32', {});
    expect(windows[0]).toEqual({ path: 'D:\\', kind: 'drive' });
    expect(windows.map((root) => root.path)).not.toContain('C:\\');
  });

  it('sees a stick appear and disappear under a mount root', async () => {
    const changes: { added: string[]; removed: string[] }[] = [];
    const watcher = watchDrives({
      roots: [
        { path: media, kind: 'parent' },
        { path: join(media, 'not-yet'), kind: 'parent' },
      ],
      makeDrive: (path) => folderDrive(path),
      onChange: (change) =>
        changes.push({ added: change.added.map((drive) => drive.label), removed: [...change.removed] }),
    });
    await watcher.poll();
    mkdirSync(join(media, 'PRECINCT STICK'));
    await watcher.poll();
    expect(watcher.drives().map((drive) => drive.label)).toEqual(['PRECINCT STICK']);
    rmSync(join(media, 'PRECINCT STICK'), { recursive: true });
    await watcher.poll();
    watcher.stop();
    expect(changes).toEqual([
      { added: ['PRECINCT STICK'], removed: [] },
      { added: [], removed: [join(media, 'PRECINCT STICK')] },
    ]);
  });

  it('lists a stick by precinct before importing anything, then imports it; eject stops reading it', async () => {
    const stickPath = join(media, 'DM STICK');
    cpSync(join(INTAKE_FIXTURES, 'good'), stickPath, { recursive: true });
    cpSync(join(INTAKE_FIXTURES, 'mail', 'from-chair-DM-02.eml'), join(stickPath, 'from-chair-DM-02.eml'));
    cpSync(join(INTAKE_FIXTURES, 'malformed', 'zip-bomb.xlsx'), join(stickPath, 'DM-01.xlsx'));
    const drive = folderDrive(stickPath);
    const before = countIntakeRows(county.store);

    const inbox = expectOk(await buildDriveInbox(county.store, drive));
    expect(countIntakeRows(county.store)).toEqual(before);
    expect(inbox.byPrecinct.map((entry) => [entry.precinct, entry.files.map((file) => file.fileName)])).toEqual([
      ['DM-01', ['DM-01.csv']],
      ['DM-02', ['DM-02.json', 'from-chair-DM-02.eml']],
      ['AL-01', ['AL-01.xlsx']],
    ]);
    expect(inbox.scans.map((file) => file.fileName)).toEqual(['DM-01-worksheet.png', 'DM-02-worksheet.pdf']);
    expect(inbox.problems.map((file) => [file.fileName, file.problem?.code])).toEqual([['DM-01.xlsx', 'ZIP_BOMB']]);
    expect(inbox.byPrecinct.flatMap((entry) => entry.files).every((file) => !file.alreadyImported)).toBe(true);

    const summary = await importPaths(county.store, [drive.mountPath], {
      source: 'usb',
      operator: 'USB desk',
      clock: caucusClock(),
      reader: drive.reader,
    });
    // The chair's email carries the same DM-02.json bytes as the file on the stick: a duplicate by attachment hash.
    expect(summary).toMatchObject({ imported: 3, duplicates: 1, conflicts: 0, pendingReview: 2 });
    expect(summary.rejected.map((entry) => entry.code)).toEqual(['ZIP_BOMB']);
    const after = expectOk(await buildDriveInbox(county.store, drive));
    expect(after.byPrecinct.find((entry) => entry.precinct === 'DM-01')?.files[0]?.alreadyImported).toBe(true);

    expectOk(await drive.eject());
    expect(await drive.status()).toBe('ejected');
    const listed = await drive.listFiles();
    expect(listed.ok ? null : listed.error.code).toBe('DRIVE_NOT_MOUNTED');
  });
});
