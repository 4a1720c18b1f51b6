/**
 * Drives in the app: a stick with report files appears under a mount root; the app
 * lists its files by precinct before importing anything, counts them in the navigation badge,
 * imports them with one call (only files the drive lists), and recognises them afterwards.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Api, createApi } from '../../electron/core/api';
import { type BackgroundServices, createBackgroundServices } from '../../electron/core/background/background-services';
import { memorySecretStore } from '../../electron/core/secrets/secret-store';
import { caucusClock, INTAKE_FIXTURES, intakeCounty } from '../helpers/intake-county';
import { expectOk, RESOURCES_DIR, type TempCounty } from '../helpers/temp-county';

let county: TempCounty;
let mediaRoot: string;
let background: BackgroundServices;
let api: Api;

beforeEach(async () => {
  county = await intakeCounty();
  mediaRoot = mkdtempSync(join(tmpdir(), 'tallyroom-media-'));
  const clock = caucusClock();
  background = createBackgroundServices({
    store: county.store,
    secrets: memorySecretStore(),
    clock,
    env: { TALLYROOM_MOUNT_ROOTS: mediaRoot },
  });
  api = createApi({ store: county.store, resourcesDir: RESOURCES_DIR, clock, background });
});
afterEach(async () => {
  await background.stop();
  county.cleanup();
  rmSync(mediaRoot, { recursive: true, force: true });
});

function plugInStick(label: string): string {
  const drive = join(mediaRoot, label);
  mkdirSync(join(drive, 'RESULTS'), { recursive: true });
  copyFileSync(join(INTAKE_FIXTURES, 'good', 'DM-01.csv'), join(drive, 'RESULTS', 'DM-01.csv'));
  copyFileSync(join(INTAKE_FIXTURES, 'good', 'DM-02.json'), join(drive, 'RESULTS', 'DM-02.json'));
  copyFileSync(join(INTAKE_FIXTURES, 'good', 'DM-01-worksheet.png'), join(drive, 'DM-01-worksheet.png'));
  copyFileSync(join(INTAKE_FIXTURES, 'malformed', 'negative-count.csv'), join(drive, 'negative-count.csv'));
  writeFileSync(join(drive, '._DM-01.csv'), 'litter');
  symlinkSync('/etc/passwd', join(drive, 'passwd.csv'));
  return drive;
}

describe('drives in the app', () => {
  it('shows a new stick’s files by precinct, counts them as waiting, and imports them with one call', async () => {
    expect(expectOk(await api.listDriveInboxes({ operator: 'Desk' }))).toEqual([]);
    const drive = plugInStick('PRECINCT-STICK');
    const [view, ...others] = expectOk(await api.listDriveInboxes({ operator: 'Desk' }));
    expect(others).toEqual([]);
    expect(view?.inbox.drive).toEqual({ id: drive, label: 'PRECINCT-STICK', mountPath: drive });
    expect(view?.inbox.byPrecinct.map((group) => [group.precinct, group.files.map((file) => file.fileName)])).toEqual([
      ['DM-01', ['DM-01.csv']],
      ['DM-02', ['DM-02.json']],
    ]);
    expect(view?.inbox.scans.map((file) => file.fileName)).toEqual(['DM-01-worksheet.png']);
    expect(view?.inbox.problems.map((file) => [file.fileName, file.problem?.code])).toEqual([
      ['passwd.csv', 'SYMLINK'],
      ['negative-count.csv', expect.any(String)],
    ]);
    expect(view?.waiting).toBe(3);
    expect(expectOk(await api.getPendingCounts({}))).toMatchObject({ driveFilesWaiting: 3, total: 3 });
    // Nothing was written by looking.
    expect(county.store.countReports()).toBe(0);

    const outside = await api.importFromDrive({ operator: 'Desk', driveId: drive, paths: ['/etc/hostname'] });
    expect(outside.ok || outside.error.code).toBe('NOT_ON_DRIVE');
    const unknown = await api.importFromDrive({ operator: 'Desk', driveId: '/nowhere', paths: undefined });
    expect(unknown.ok || unknown.error.code).toBe('DRIVE_NOT_MOUNTED');

    const imported = expectOk(await api.importFromDrive({ operator: 'Desk', driveId: drive }));
    expect(imported).toMatchObject({ imported: 2, duplicates: 0, conflicts: 0, pendingReview: 1 });
    expect(imported.files.map((file) => [file.path.slice(drive.length + 1), file.outcome])).toEqual([
      ['DM-01-worksheet.png', 'pending-review'],
      ['RESULTS/DM-01.csv', 'imported'],
      ['RESULTS/DM-02.json', 'imported'],
      ['negative-count.csv', 'rejected'],
    ]);
    expect(county.store.countReports()).toBe(2);
    expect(expectOk(await api.getPendingCounts({}))).toEqual({
      quarantinedMail: 0,
      scansWaiting: 1,
      driveFilesWaiting: 0,
      total: 1,
    });
    const again = expectOk(await api.listDriveInboxes({ operator: 'Desk' }));
    expect(again[0]?.waiting).toBe(0);
    const twice = expectOk(
      await api.importFromDrive({ operator: 'Desk', driveId: drive, paths: [join(drive, 'RESULTS', 'DM-01.csv')] }),
    );
    expect(twice).toMatchObject({ imported: 0, duplicates: 1 });

    // Pulled: it leaves the list and the badge.
    rmSync(drive, { recursive: true, force: true });
    expect(expectOk(await api.listDriveInboxes({ operator: 'Desk' }))).toEqual([]);
  });
});
