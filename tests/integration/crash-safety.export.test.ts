/**
 * Crash safety during bundle export: bundles are exported one after another (a bag folder
 * and a .zip as `tallyroom export` writes them, and the app's export with its certification report)
 * while the process is killed (SIGKILL) at random moments. After each kill the database is intact,
 * the audit chain verifies, every recorded export has its whole, verifying bundle under its final
 * name (or, killed between its commit and its rename, under its temporary name until the next export
 * into that folder puts it in place), nothing else is under a final name, no sequence number is ever
 * given to two bundles, and exporting again completes, leaving no temporaries behind. TALLYROOM_CRASH_ROUNDS raises the number of kills (default 6).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit-log/chain';
import { TAG_MANIFEST } from '../../electron/core/bundle/bag-layout';
import { readBundle } from '../../electron/core/bundle/bundle-container';
import { bundleFingerprint } from '../../electron/core/bundle/bundle-fingerprint';
import { exportBundle } from '../../electron/core/bundle/export-bundle';
import { verifyBundle } from '../../electron/core/bundle/verify-bundle';
import { temporaryOwner } from '../../electron/core/files/atomic-write';
import { signingKeyFromSeed } from '../../electron/core/signing/county-key';
import { openCountyStore } from '../../electron/core/store';
import { listBundleExports } from '../../electron/core/store/bundle-records';
import { rawDatabase } from '../helpers/raw-database';
import { expectOk, type TempCounty } from '../helpers/temp-county';
import { testProgram } from '../helpers/test-programs';
import { cleanCounty } from '../unit/bundle/bundle-fixtures';

const WORKER = testProgram('crash-worker-export');
const KILLS = Number(process.env.TALLYROOM_CRASH_ROUNDS ?? 6);
const SEED = randomBytes(32);
const key = signingKeyFromSeed(SEED);
let county: TempCounty;
let out: string;

beforeAll(async () => {
  county = await cleanCounty('Crash County', 4);
  out = join(county.dir, 'exports');
  county.store.close();
}, 60_000);
afterAll(() => county.cleanup());

/**
 * Starts the worker and kills it with SIGKILL after its `afterWrites`-th finished export, at a random
 * moment within the time one export took (at least 0-20 ms, as the import test): an export is far
 * longer than an import's write, so a fixed 0-20 ms would only ever land in its first steps.
 */
function runAndKill(afterWrites: number | null, exports: number): Promise<'killed' | 'finished'> {
  return new Promise((resolvePromise, reject) => {
    const args = [county.dbPath, out, SEED.toString('hex'), String(exports)];
    const child = spawn(process.execPath, [WORKER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let writes = 0;
    let armed = false;
    let last: number | null = null;
    let gap = 20;
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout.on('data', (chunk: Buffer) => {
      const found = chunk.toString().split('imported').length - 1;
      if (found > 0) {
        // How long one export takes on this machine: the kill is spread over the whole next one.
        // (Measured between two exports: the first also holds the process's start.)
        if (last !== null) gap = Math.max(20, performance.now() - last);
        last = performance.now();
      }
      writes += found;
      if (afterWrites !== null && !armed && writes >= afterWrites) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * gap));
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolvePromise('killed');
      else if (code === 0) resolvePromise('finished');
      else reject(new Error(`worker failed (${code}): ${stderr}`));
    });
  });
}

/** Names a reader would take for a bundle or report: everything not hidden. */
function finalNames(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).filter((name) => !name.startsWith('.')) : [];
}

/** The temporary a killed export left for `fileName`, if any. */
function temporaryOf(fileName: string): string | undefined {
  for (const sub of ['cli', 'app']) {
    const folder = join(out, sub);
    const name = existsSync(folder)
      ? readdirSync(folder).find((entry) => temporaryOwner(entry)?.finalName === fileName)
      : undefined;
    if (name) return join(folder, name);
  }
  return undefined;
}

function leftovers(): string[] {
  return ['cli', 'app'].flatMap((sub) =>
    existsSync(join(out, sub)) ? readdirSync(join(out, sub)).filter((name) => name.startsWith('.')) : [],
  );
}

/** Every sequence ever seen, with the bundle it named: a sequence must never name a second bundle. */
const seen = new Map<number, string>();

/** What must hold after any crash. Returns how many bundles are recorded. */
function expectConsistent(): number {
  const store = openCountyStore(county.dbPath);
  try {
    expect(rawDatabase(store).pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAuditChain(store.iterateAudit())).toMatchObject({ valid: true });
    const records = listBundleExports(store);
    const exportEntries = (
      rawDatabase(store).prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'bundle.exported'").get() as {
        n: number;
      }
    ).n;
    // The export's audit entry and its record are one transaction: both or neither.
    expect(exportEntries).toBe(records.length);
    expect(records.map((record) => record.sequence)).toEqual(records.map((_, index) => index + 1));
    const headOf = rawDatabase(store).prepare('SELECT hash FROM audit_log WHERE seq = ?');

    const cliNames = finalNames(join(out, 'cli'));
    const appNames = finalNames(join(out, 'app'));
    for (const record of records) {
      let path = [join(out, 'cli', record.fileName), join(out, 'app', record.fileName)].find((p) => existsSync(p));
      if (!path) {
        // Killed between the commit and the rename: the recorded bundle, whole, waits under its
        // temporary name for the next export into its folder to put it in place.
        path = temporaryOf(record.fileName);
      }
      const read = path ? readBundle(path) : readBundle(join(out, record.fileName));
      expect(read.ok, `bundle ${record.sequence} (${record.fileName}) is on disk`).toBe(true);
      if (!read.ok) continue;
      const verification = verifyBundle(read.value, key);
      expect(verification.problems).toEqual([]);
      expect(verification.claims?.sequence).toBe(record.sequence);
      const tagManifest = read.value.get(TAG_MANIFEST);
      expect(tagManifest && bundleFingerprint(tagManifest)).toBe(record.fingerprint);
      // The bundle's own log ends where the county's log recorded its export: one history, not a fork.
      expect(verification.results?.auditLog.headHash).toBe((headOf.get(record.auditSeq) as { hash: string }).hash);
      const before = seen.get(record.sequence);
      if (before !== undefined) expect(record.fingerprint).toBe(before);
      seen.set(record.sequence, record.fingerprint);
    }
    // Nothing under a final name that the database does not record: no orphan, no half-written file.
    const recorded = new Set(records.map((record) => record.fileName));
    expect(cliNames.filter((name) => !recorded.has(name))).toEqual([]);
    for (const name of appNames) {
      if (name.endsWith('.zip')) {
        expect(recorded.has(name), `${name} is recorded`).toBe(true);
      } else {
        expect(name).toMatch(/-certification-report\.pdf$/);
        expect(recorded.has(name.replace(/-certification-report\.pdf$/, '.zip'))).toBe(true);
        // A printable report is whole: a PDF ends with its end-of-file marker.
        expect(
          readFileSync(join(out, 'app', name))
            .subarray(-8)
            .toString('latin1'),
        ).toMatch(/%%EOF\s*$/);
      }
    }
    return records.length;
  } finally {
    store.close();
  }
}

describe('SIGKILL during bundle export', () => {
  it('leaves every bundle whole under its final name or absent, never reuses a sequence, and exporting again completes', async () => {
    let killed = 0;
    let recorded = 0;
    for (let round = 0; round < KILLS; round++) {
      const outcome = await runAndKill(2 + Math.floor(Math.random() * 2), 30);
      if (outcome === 'killed') killed++;
      const now = expectConsistent();
      expect(now).toBeGreaterThanOrEqual(recorded);
      recorded = now;
    }
    expect(killed).toBe(KILLS);
    // Exporting again completes: three more bundles, one of each kind, after all the interruptions;
    // and what killed exports left is finished or cleared: every bundle under its final name, no
    // hidden temporary copies piling up on the drive.
    expect(await runAndKill(null, 3)).toBe('finished');
    expect(expectConsistent()).toBe(recorded + 3);
    expect(leftovers()).toEqual([]);
  }, 120_000);

  it('the next export puts a recorded bundle killed before its rename in place, and clears temporaries of dead processes only', async () => {
    const store = openCountyStore(county.dbPath);
    try {
      const folder = join(out, 'replay');
      mkdirSync(folder, { recursive: true });
      const common = { key, operator: 'Pat Chair', appVersion: '0.1.0-test', now: () => new Date() };
      const first = expectOk(exportBundle(store, { ...common, out: join(folder, 'first.zip') }));
      // The state a kill between the commit and the rename leaves: recorded, under a temporary name
      // of a process that is gone.
      const gone = spawnSync(process.execPath, ['-e', '']).pid;
      const waiting = join(folder, `.first.zip.partial-${gone}-${'a'.repeat(12)}`);
      renameSync(first.path, waiting);
      const stray = join(folder, `.never-recorded.zip.partial-${gone}-${'b'.repeat(12)}`);
      writeFileSync(stray, 'half a bundle');
      const inProgress = join(folder, `.other.zip.partial-${process.pid}-${'c'.repeat(12)}`);
      writeFileSync(inProgress, 'still being written');

      const second = expectOk(exportBundle(store, { ...common, out: join(folder, 'second.zip') }));
      expect(second.sequence).toBe(first.sequence + 1);
      const published = expectOk(readBundle(first.path));
      expect(verifyBundle(published, key)).toMatchObject({ valid: true, claims: { sequence: first.sequence } });
      expect(readdirSync(folder).sort()).toEqual([basename(inProgress), 'first.zip', 'second.zip']);
    } finally {
      store.close();
    }
  }, 60_000);
});
