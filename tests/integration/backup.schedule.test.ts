/**
 * Automatic backups in the app: the chair picks a folder (a USB stick) and a schedule;
 * the app then takes a verified backup every N minutes when something changed, and one after
 * every certification, kept in rotation; the last backup's time is shown. A real SQLite file,
 * a real folder, the scheduler's own timer (its clock moved on instead of waiting minutes).
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Api, createApi } from '../../electron/core/api';
import { createBackgroundServices } from '../../electron/core/background/background-services';
import { verifyBackupFile } from '../../electron/core/backup/backup-county';
import {
  type BackupAttempt,
  type BackupScheduler,
  createBackupScheduler,
} from '../../electron/core/backup/backup-scheduler';
import { memorySecretStore } from '../../electron/core/secrets/secret-store';
import { CHAIR, countyWithTeam, lines, type Team } from '../helpers/county-team';
import { expectOk, RESOURCES_DIR, type TempCounty, tempCounty } from '../helpers/temp-county';

let county: TempCounty;
let team: Team;
let api: Api;
let scheduler: BackupScheduler;
let now: number;
let stick: string;

beforeEach(async () => {
  county = tempCounty();
  team = await countyWithTeam(county);
  now = Date.parse('2026-02-03T02:00:00Z');
  const clock = () => new Date(now);
  scheduler = createBackupScheduler({ store: county.store, clock, tickMs: 20 });
  const background = {
    ...createBackgroundServices({ store: county.store, secrets: memorySecretStore(), clock, mountRoots: [] }),
    backups: scheduler,
  };
  api = createApi({ store: county.store, resourcesDir: RESOURCES_DIR, clock, background });
  stick = join(county.dir, 'USB-BACKUP');
  mkdirSync(stick);
});
afterEach(async () => {
  await scheduler.stop();
  county.cleanup();
});

function nextBackup(matches: (attempt: BackupAttempt) => boolean): Promise<BackupAttempt> {
  return new Promise((resolve) => {
    const off = scheduler.onBackup((attempt) => {
      if (!matches(attempt)) return;
      off();
      resolve(attempt);
    });
  });
}

const key = (session: string) =>
  api.submitWorksheet({
    session,
    precinct: 'DM-01',
    lines: lines([
      [20, 20, null],
      [10, 10, null],
      [7, 7, null],
    ]),
    coinTosses: [],
    source: 'manual',
  });

describe('automatic backups', () => {
  it('the schedule produces verified backups into the chosen folder, only when something changed, in rotation', async () => {
    const none = expectOk(await api.getBackupStatus({}));
    expect(none).toMatchObject({ configured: false, lastBackupAt: null, settings: null });
    const refused = await api.saveBackupSettings({ session: team.jordan, folder: stick, everyMinutes: 5, keep: 2 });
    expect(refused.ok).toBe(false);
    const relative = await api.saveBackupSettings({ session: team.chair, folder: 'backups', everyMinutes: 5, keep: 2 });
    expect(relative.ok || relative.error.message).toMatch(/full path/);

    expectOk(await api.saveBackupSettings({ session: team.chair, folder: stick, everyMinutes: 5, keep: 2 }));
    const first = nextBackup(() => true);
    scheduler.start();
    const attempt = await first;
    expect(attempt).toMatchObject({ ok: true, reason: 'scheduled', at: '2026-02-03T02:00:00.000Z' });
    expect(verifyBackupFile(attempt.path as string).ok).toBe(true);
    const status = expectOk(await api.getBackupStatus({}));
    expect(status).toMatchObject({
      configured: true,
      folder: stick,
      lastBackupAt: '2026-02-03T02:00:00.000Z',
      nextDueAt: '2026-02-03T02:05:00.000Z',
      lastAttempt: attempt,
    });

    // Five minutes on with nothing new: no copy of the same data pushes older backups out.
    now += 5 * 60_000;
    await scheduler.tick();
    expect(readdirSync(stick).filter((name) => name.endsWith('.db'))).toHaveLength(1);

    // Something changed: the next look after the schedule takes a new backup.
    expectOk(await key(team.jordan));
    const second = nextBackup(() => true);
    expect(await second).toMatchObject({ ok: true, reason: 'scheduled', at: '2026-02-03T02:05:00.000Z' });
    expectOk(await key(team.sam));
    now += 5 * 60_000;
    const third = await nextBackup(() => true);
    expect(third.ok).toBe(true);
    // keep: 2 — the oldest scheduled backup left the rotation.
    expect(readdirSync(stick).sort()).toEqual([
      'tallyroom-backup-20260203T020500Z-scheduled.db',
      'tallyroom-backup-20260203T020500Z-scheduled.db.head',
      'tallyroom-backup-20260203T021000Z-scheduled.db',
      'tallyroom-backup-20260203T021000Z-scheduled.db.head',
    ]);
    for (const name of readdirSync(stick).filter((entry) => entry.endsWith('.db')))
      expect(verifyBackupFile(join(stick, name)).ok).toBe(true);
  });

  it('takes a backup after every certification, kept beyond the rotation', async () => {
    expectOk(await api.saveBackupSettings({ session: team.chair, folder: stick, everyMinutes: 60, keep: 1 }));
    expectOk(await api.backupNow({ session: team.chair }));
    scheduler.start();
    expectOk(await key(team.jordan));
    expectOk(await key(team.sam));
    now += 60_000;
    const afterCertification = nextBackup((attempt) => attempt.reason === 'certification');
    expectOk(await api.certifyPrecinct({ session: team.chair, pin: CHAIR.pin, precinct: 'DM-01' }));
    const attempt = await afterCertification;
    expect(attempt).toMatchObject({
      ok: true,
      path: join(stick, 'tallyroom-backup-20260203T020100Z-certification.db'),
    });
    const verified = verifyBackupFile(attempt.path as string);
    expect(verified.ok).toBe(true);
    expect(existsSync(join(stick, 'tallyroom-backup-20260203T020000Z-manual.db'))).toBe(true);
  });

  it('says plainly when the folder is gone (the stick was pulled), and shows it as the last attempt', async () => {
    expectOk(
      await api.saveBackupSettings({ session: team.chair, folder: join(stick, 'missing'), everyMinutes: 5, keep: 2 }),
    );
    const failed = nextBackup(() => true);
    scheduler.start();
    const attempt = await failed;
    expect(attempt).toMatchObject({ ok: false, error: { code: 'BACKUP_FOLDER_UNAVAILABLE' } });
    expect(attempt.error?.message).toMatch(/is the USB stick plugged in\?/);
    expect(expectOk(await api.getBackupStatus({})).lastAttempt).toEqual(attempt);
  });
});
