/**
 * The chain anchored outside the file (docs/SECURITY.md): the head file beside the database, its
 * MAC kept in the SecretStore, and the record beside each backup. Tried as someone with the laptop's
 * folder would: the whole file rolled back, its newest rows cut off (reports, audit entries and a
 * bundle record), the WAL thrown away, the head file deleted, forged or replaced.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupCounty } from '../../electron/core/backup/backup-county';
import { restoreCounty } from '../../electron/core/backup/restore-county';
import { anchorChainHead, checkChainHeadBeside } from '../../electron/core/integrity/anchor-chain';
import { chainHeadPathOf } from '../../electron/core/integrity/chain-head-file';
import type { SecretName, SecretStore } from '../../electron/core/secrets/secret-store';
import { openCountyStore } from '../../electron/core/store';
import { expectOk, type TempCounty, tempCounty } from '../helpers/temp-county';

/** The OS keychain's part (safeStorage in the app): a secret store that keeps its values between runs. */
function keychain(): SecretStore {
  const values = new Map<SecretName, string>();
  return {
    isPersistent: true,
    get: async (name) => values.get(name) ?? null,
    set: async (name, value) => {
      values.set(name, value);
    },
    delete: async (name) => {
      values.delete(name);
    },
  };
}

let dir: string;
let county: TempCounty;
let secrets: SecretStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tallyroom-head-'));
  county = tempCounty(dir);
  secrets = keychain();
  expect(await anchorChainHead(county.store, secrets)).toBeNull();
  expectOk(await county.api.loadDemoCounty({ operator: 'Demo' }));
});
afterEach(() => {
  county.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const headOf = (path: string) =>
  JSON.parse(readFileSync(chainHeadPathOf(path), 'utf8')) as { seq: number; mac: string };

/** Starts the app again on the file as it now is, with the same keychain: what it tells the chair. */
async function restart(): Promise<string | null> {
  county.store.close();
  county = county.reopen();
  return anchorChainHead(county.store, secrets);
}

describe('the head file beside the database', () => {
  it('records the newest audit entry after every committed change, with a MAC', () => {
    const head = headOf(county.dbPath);
    expect(head.seq).toBe(county.store.chainHead()?.seq);
    expect(head.mac).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a clean restart says nothing', async () => {
    expect(await restart()).toBeNull();
  });

  it('the whole file rolled back to an earlier copy of itself is reported, once, with the head kept aside', async () => {
    const earlier = await snapshotThenChange();
    county.store.close();
    copyFileSync(earlier, county.dbPath);
    expect(await restart()).toMatch(
      /The audit log ends at entry \d+, but the head file beside the database records entry \d+: newer history was removed, or the file was rolled back/,
    );
    expect(readdirSync(dir).some((name) => name.startsWith('county.db.head.disagreed-'))).toBe(true);
    expect(await restart()).toBeNull();
  });

  it('the newest reports, their audit entries and a bundle record cut off (triggers dropped) are reported', async () => {
    const seqBefore = county.store.chainHead()?.seq ?? 0;
    await change();
    county.store.close();
    const db = new Database(county.dbPath);
    for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as {
      name: string;
    }[]) {
      db.exec(`DROP TRIGGER "${name}"`);
    }
    db.prepare('DELETE FROM audit_log WHERE seq > ?').run(seqBefore);
    db.exec('DELETE FROM bundle_export');
    db.close();
    expect(await restart()).toMatch(/newer history was removed, or the file was rolled back/);
  });

  it('the WAL thrown away (the last transactions lost with it) is reported', async () => {
    // Copy the folder while the app is running, as a backup tool would, then lose the WAL.
    await change();
    const copy = join(dir, 'copy');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(copy);
    for (const suffix of ['', '.head']) copyFileSync(`${county.dbPath}${suffix}`, join(copy, `county.db${suffix}`));
    const store = openCountyStore(join(copy, 'county.db'));
    try {
      expect(checkChainHeadBeside(store)).toMatch(/newer history was removed/);
    } finally {
      store.close();
    }
  });

  it('a deleted head file is reported where the app has made one before', async () => {
    county.store.close();
    rmSync(chainHeadPathOf(county.dbPath));
    expect(await restart()).toMatch(/The head file beside the database is missing/);
  });

  it('a head file rewritten to match a rolled-back file is refused: its MAC does not verify', async () => {
    const earlier = await snapshotThenChange();
    county.store.close();
    copyFileSync(earlier, county.dbPath);
    const store = openCountyStore(county.dbPath);
    const head = store.chainHead();
    store.close();
    const forged = { ...JSON.parse(readFileSync(chainHeadPathOf(county.dbPath), 'utf8')), ...head };
    writeFileSync(chainHeadPathOf(county.dbPath), JSON.stringify(forged));
    expect(await restart()).toMatch(/was not written by this app \(its MAC does not verify\)/);
  });

  it('a head file without a MAC where the app keeps a key is reported (what `tallyroom restore` writes)', async () => {
    county.store.close();
    const head = headOf(county.dbPath);
    writeFileSync(chainHeadPathOf(county.dbPath), JSON.stringify({ ...head, mac: null }));
    expect(await restart()).toMatch(/carries no MAC/);
  });
});

describe('the record beside a backup', () => {
  it('is written with the backup, and a backup cut short since is refused by restore', async () => {
    const stick = join(dir, 'stick');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(stick);
    // The newest entry is then a sign-out, which records no numbers: only the record beside the backup can tell.
    await change();
    const backup = expectOk(await backupCounty(county.store, stick, 'manual', new Date('2026-02-03T04:00:00Z')));
    expect(existsSync(chainHeadPathOf(backup.path))).toBe(true);
    const db = new Database(backup.path);
    db.exec('DROP TRIGGER audit_log_is_append_only_delete');
    db.exec('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)');
    db.close();
    const target = join(dir, 'restored', 'county.db');
    mkdirSync(join(dir, 'restored'));
    const restored = restoreCounty(backup.path, target, 'Demo Chair', new Date('2026-02-03T05:00:00Z'));
    expect(restored.ok || restored.error.code).toBe('BACKUP_TAMPERED');
    expect(restored.ok ? '' : restored.error.message).toMatch(/does not match the record written beside it/);
    expect(existsSync(target)).toBe(false);
  });
});

/** A committed change through the API: a person signs in and out (two audit entries). */
async function change(): Promise<void> {
  const session = expectOk(await county.api.signIn({ name: 'Jordan Lee', pin: '1111' })).session;
  expectOk(await county.api.signOut({ session }));
}

/** A copy of the database as it stands, then a change after it; returns the copy's path. */
async function snapshotThenChange(): Promise<string> {
  county.store.close();
  const earlier = join(dir, 'earlier.db');
  copyFileSync(county.dbPath, earlier);
  expect(await restart()).toBeNull();
  await change();
  return earlier;
}
