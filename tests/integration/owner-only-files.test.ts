/**
 * Files for their owner only (docs/SECURITY.md): the county database with its WAL and SHM, backups,
 * a station's station.db and the county key are mode 0600, in folders the app makes 0700 — tried as
 * another account on the same laptop would see them (the mode bits on a real file system).
 */
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupCounty } from '../../electron/core/backup/backup-county';
import { createKeyFolder } from '../../electron/core/signing/key-folder';
import { openCountyStore } from '../../electron/core/store';
import { makeOwnerOnlyFolder } from '../../electron/core/store/owner-only';
import { openStationDatabase } from '../../electron/core/store/station-records';
import { expectOk, tempCounty } from '../helpers/temp-county';

const modeOf = (path: string) => statSync(path).mode & 0o777;
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('files for their owner only', () => {
  it('the county database, its WAL and its SHM are 0600 while the app writes, and a backup is 0600', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tallyroom-modes-'));
    const county = tempCounty(dir);
    try {
      expectOk(await county.api.loadDemoCounty({ operator: 'Demo' }));
      for (const file of [county.dbPath, `${county.dbPath}-wal`, `${county.dbPath}-shm`]) {
        expect({ file, mode: modeOf(file).toString(8) }).toEqual({ file, mode: '600' });
      }
      const stick = join(dir, 'stick');
      makeOwnerOnlyFolder(stick);
      const backup = expectOk(await backupCounty(county.store, stick, 'manual', new Date('2026-02-03T02:00:00Z')));
      expect(modeOf(backup.path).toString(8)).toBe('600');
    } finally {
      county.cleanup();
    }
  });

  it('a database left readable by everyone (an older version, a copy) is made 0600 when opened', () => {
    dir = mkdtempSync(join(tmpdir(), 'tallyroom-modes-'));
    const path = join(dir, 'county.db');
    openCountyStore(path).close();
    writeFileSync(`${path}-shm`, '');
    for (const file of [path, `${path}-shm`]) chmodSync(file, 0o644);
    expect(modeOf(path).toString(8)).toBe('644');
    const store = openCountyStore(path);
    try {
      expect(modeOf(path).toString(8)).toBe('600');
      expect(modeOf(`${path}-wal`).toString(8)).toBe('600');
    } finally {
      store.close();
    }
  });

  it('the app’s own folders are 0700: the data folder, a station’s folder with station.db 0600, the key folder', () => {
    dir = mkdtempSync(join(tmpdir(), 'tallyroom-modes-'));
    const data = join(dir, 'userData', 'county');
    makeOwnerOnlyFolder(data);
    expect(modeOf(data).toString(8)).toBe('700');
    const stationDir = join(dir, 'station');
    const station = openStationDatabase(stationDir);
    station.close();
    expect(modeOf(stationDir).toString(8)).toBe('700');
    expect(modeOf(join(stationDir, 'station.db')).toString(8)).toBe('600');
    const keys = join(dir, 'keys');
    expectOk(createKeyFolder(keys, 'correct horse battery staple', { N: 1024, r: 8, p: 1 }));
    expect(modeOf(keys).toString(8)).toBe('700');
    expect(modeOf(join(keys, 'county.key')).toString(8)).toBe('600');
  });
});
