import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit-log/chain';
import { writePrecinctResultsCsv } from '../../electron/core/results-file/write-results';
import { openCountyStore } from '../../electron/core/store';
import { rawDatabase } from '../helpers/raw-database';
import { expectOk, type TempCounty, tempCounty } from '../helpers/temp-county';
import { testProgram } from '../helpers/test-programs';

const WORKER = testProgram('crash-worker');
const KILLS = 8;
const PRECINCTS = 80;
let county: TempCounty;
let filesDir: string;

beforeAll(async () => {
  county = tempCounty();
  const candidates = ['Adams', 'Baker', 'Castillo', 'Dunn'];
  const precincts = Array.from({ length: PRECINCTS }, (_, index) => ({
    code: `P${String(index + 1).padStart(3, '0')}`,
    name: `Precinct ${index + 1}`,
    delegates: 2 + (index % 7),
  }));
  expectOk(
    await county.api.createCounty({
      operator: 'Pat Chair',
      setup: {
        county: 'Crash County',
        name: 'Crash test caucus',
        date: '2026-02-02',
        rulesProfile: 'iowa-dem-2020',
        sdePerDelegate: 0.1,
        precincts,
        candidates,
      },
    }),
  );
  filesDir = join(county.dir, 'stick');
  mkdirSync(filesDir);
  for (const precinct of precincts) {
    const csv = writePrecinctResultsCsv(
      [
        {
          county: 'Crash County',
          precinct: precinct.code,
          precinctDelegates: precinct.delegates,
          sdePerDelegate: 0.1,
          lines: candidates.map((candidate, index) => ({
            candidate,
            firstAlignment: 40 - index * 7,
            finalAlignment: 40 - index * 7,
            delegatesAwarded: null,
            sde: null,
          })),
        },
      ],
      'Crash County',
    );
    writeFileSync(join(filesDir, `${precinct.code}.csv`), csv);
  }
  county.store.close();
});
afterAll(() => county.cleanup());

/**
 * Starts the worker and kills it with SIGKILL a random moment (0-3 ms) after its `afterWrites`-th
 * committed write: the kill lands anywhere in the next write or two (each an fsync'd commit). A
 * longer wait let a fast run import every file left before the kill came (20 ms: a round finished).
 */
function runAndKill(args: string[], afterWrites: number | null): Promise<'killed' | 'finished'> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [WORKER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let writes = 0;
    let armed = false;
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout.on('data', (chunk: Buffer) => {
      writes += chunk.toString().split('imported').length - 1;
      if (afterWrites !== null && !armed && writes >= afterWrites) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 4));
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolvePromise('killed');
      else if (code === 0) resolvePromise('finished');
      else reject(new Error(`worker failed (${code}): ${stderr}`));
    });
  });
}

/** What must hold after any crash: an intact file, an intact chain, and nothing half written. */
function expectConsistent(dbPath: string) {
  const store = openCountyStore(dbPath);
  try {
    const db = rawDatabase(store);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAuditChain(store.iterateAudit())).toMatchObject({ valid: true });
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const reports = count('SELECT count(*) AS n FROM report');
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'report.received'")).toBe(reports);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'import.file-stored'")).toBe(
      count('SELECT count(*) AS n FROM import_file'),
    );
    // A stored file always has its report, and a report always has all its candidate lines.
    expect(
      count(
        'SELECT count(*) AS n FROM import_file f WHERE NOT EXISTS (SELECT 1 FROM report r WHERE r.import_file_id = f.id)',
      ),
    ).toBe(0);
    expect(
      count(
        'SELECT count(*) AS n FROM report r WHERE (SELECT count(*) FROM report_count c WHERE c.report_id = r.id) <> 4',
      ),
    ).toBe(0);
    return { reports, files: count('SELECT count(*) AS n FROM import_file') };
  } finally {
    store.close();
  }
}

describe('crash safety: the process killed at random points', () => {
  it('during imports: nothing half-written, the chain intact, and repeating the import completes it', async () => {
    let killed = 0;
    for (let round = 0; round < KILLS; round++) {
      const outcome = await runAndKill(['import', county.dbPath, filesDir], 1 + Math.floor(Math.random() * 4));
      if (outcome === 'killed') killed++;
      expectConsistent(county.dbPath);
    }
    // At most 4 new files a round out of 80: every round is killed among real imports.
    expect(killed).toBe(KILLS);
    expect(await runAndKill(['import', county.dbPath, filesDir], null)).toBe('finished');
    const final = expectConsistent(county.dbPath);
    // Every file exactly once, however many times the import was interrupted and repeated.
    expect(final).toEqual({ reports: PRECINCTS, files: PRECINCTS });
  }, 120_000);

  it('during worksheet entry: every committed worksheet is there whole', async () => {
    const before = expectConsistent(county.dbPath).reports;
    for (let round = 0; round < KILLS / 2; round++) {
      await runAndKill(['worksheets', county.dbPath, '400'], 1 + Math.floor(Math.random() * 20));
      expectConsistent(county.dbPath);
    }
    const after = expectConsistent(county.dbPath).reports;
    expect(after).toBeGreaterThanOrEqual(before);
    expect(readFileSync(county.dbPath).subarray(0, 15).toString()).toBe('SQLite format 3');
  }, 120_000);
});
