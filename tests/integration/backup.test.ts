import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupCounty, verifyBackupFile } from '../../electron/core/backup/backup-county';
import { restoreCounty } from '../../electron/core/backup/restore-county';
import { checkDatabaseHealth } from '../../electron/core/integrity/database-health';
import { openCountyStore } from '../../electron/core/store';
import { expectOk, type TempCounty, tempCounty } from '../helpers/temp-county';

let county: TempCounty;
afterEach(() => county?.cleanup());

async function demoCounty(): Promise<TempCounty> {
  const fresh = tempCounty();
  expectOk(await fresh.api.loadDemoCounty({ operator: 'Demo' }));
  return fresh;
}

describe('backups', () => {
  it('writes a verified backup that restores onto a fresh laptop with everything in it', async () => {
    county = await demoCounty();
    const stick = join(county.dir, 'stick');
    mkdirSync(stick);
    const written = expectOk(await backupCounty(county.store, stick, 'manual', new Date('2026-02-03T02:00:00Z')));
    expect(written.path).toBe(join(stick, 'tallyroom-backup-20260203T020000Z-manual.db'));
    // The backup, and beside it the record of its chain head (docs/SECURITY.md).
    expect(readdirSync(stick).sort()).toEqual([
      'tallyroom-backup-20260203T020000Z-manual.db',
      'tallyroom-backup-20260203T020000Z-manual.db.head',
    ]);

    const freshLaptop = join(county.dir, 'fresh-laptop', 'county.db');
    mkdirSync(join(county.dir, 'fresh-laptop'));
    const restored = expectOk(restoreCounty(written.path, freshLaptop, 'Pat Chair', new Date('2026-02-03T03:00:00Z')));
    expect(restored).toMatchObject({ restoredTo: freshLaptop, previousKeptAt: null, reports: written.reports });

    const store = openCountyStore(freshLaptop);
    try {
      expect(store.countReports()).toBe(county.store.countReports());
      expect(checkDatabaseHealth(store)).toMatchObject({ ok: true, integrity: 'ok' });
      expect(store.listAudit(1, 0)[0]).toMatchObject({ action: 'database.restored', operator: 'Pat Chair' });
    } finally {
      store.close();
    }
  });

  it('keeps a rotation of scheduled backups and every certification backup', async () => {
    county = await demoCounty();
    const folder = join(county.dir, 'backups');
    mkdirSync(folder);
    expectOk(await backupCounty(county.store, folder, 'certification', new Date('2026-02-03T01:00:00Z'), 2));
    for (const minute of ['05', '10', '15', '20']) {
      expectOk(await backupCounty(county.store, folder, 'scheduled', new Date(`2026-02-03T01:${minute}:00Z`), 2));
    }
    // Each backup leaves the rotation with the record of its chain head.
    expect(readdirSync(folder).sort()).toEqual([
      'tallyroom-backup-20260203T010000Z-certification.db',
      'tallyroom-backup-20260203T010000Z-certification.db.head',
      'tallyroom-backup-20260203T011500Z-scheduled.db',
      'tallyroom-backup-20260203T011500Z-scheduled.db.head',
      'tallyroom-backup-20260203T012000Z-scheduled.db',
      'tallyroom-backup-20260203T012000Z-scheduled.db.head',
    ]);
  });

  it('says plainly when the backup folder is gone, and writes nothing', async () => {
    county = await demoCounty();
    const result = await backupCounty(county.store, join(county.dir, 'unplugged-stick'), 'scheduled', new Date());
    expect(result.ok || result.error.code).toBe('BACKUP_FOLDER_UNAVAILABLE');
    expect(result.ok || result.error.message).toMatch(/is the USB stick plugged in/);
  });

  it('refuses to restore a tampered or damaged backup, and never deletes the database it would replace', async () => {
    county = await demoCounty();
    const folder = join(county.dir, 'backups');
    mkdirSync(folder);
    const written = expectOk(await backupCounty(county.store, folder, 'manual', new Date('2026-02-03T02:00:00Z')));
    const raw = new Database(written.path);
    raw.exec('DROP TRIGGER audit_log_is_append_only_update');
    raw.prepare("UPDATE audit_log SET operator = 'Mallory' WHERE seq = 3").run();
    raw.close();
    expect(verifyBackupFile(written.path)).toMatchObject({ ok: false, error: { code: 'BACKUP_TAMPERED' } });
    const refused = restoreCounty(written.path, county.dbPath, 'Pat', new Date());
    expect(refused.ok || refused.error.code).toBe('BACKUP_TAMPERED');
    expect(existsSync(county.dbPath)).toBe(true);

    const garbage = join(folder, 'tallyroom-backup-20260203T030000Z-manual.db');
    writeFileSync(garbage, 'this is not a database');
    expect(restoreCounty(garbage, county.dbPath, 'Pat', new Date())).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_UNREADABLE' },
    });

    const good = expectOk(await backupCounty(county.store, folder, 'manual', new Date('2026-02-03T04:00:00Z')));
    county.store.close();
    const restored = expectOk(restoreCounty(good.path, county.dbPath, 'Pat', new Date('2026-02-03T05:00:00Z')));
    expect(restored.previousKeptAt).not.toBeNull();
    expect(existsSync(restored.previousKeptAt as string)).toBe(true);
  });
});

describe('the start-up health check', () => {
  it('says plainly when the audit log was edited behind the app’s back', async () => {
    county = await demoCounty();
    expect(checkDatabaseHealth(county.store)).toMatchObject({ ok: true, problem: '' });
    county.store.close();
    const raw = new Database(county.dbPath);
    raw.exec('DROP TRIGGER audit_log_is_append_only_update');
    raw.prepare("UPDATE audit_log SET payload = '{}' WHERE seq = 5").run();
    raw.close();
    const store = openCountyStore(county.dbPath);
    try {
      const health = checkDatabaseHealth(store);
      expect(health.ok).toBe(false);
      expect(health.problem).toMatch(/^The audit log does not verify: Entry 5 was changed after it was written/);
    } finally {
      store.close();
    }
  });
});
