/**
 * Crash safety during discrepancy resolution: the chair's resolutions are written while
 * the process is killed (SIGKILL) at random committed points. After each kill the database is
 * intact, the audit chain verifies, every resolution is whole (its settled reports and its audit
 * entry, or nothing), and running again resolves exactly the conflicts left, each once.
 */
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit-log/chain';
import { openCountyStore } from '../../electron/core/store';
import { expectOk, type TempCounty, tempCounty } from '../helpers/temp-county';
import { testProgram } from '../helpers/test-programs';

const WORKER = testProgram('crash-worker-resolve');
const PRECINCTS = 40;
const KILLS = 5;
const CHAIR = { name: 'Pat Chair', pin: '654321' };
let county: TempCounty;
let chairSession: string;

beforeAll(async () => {
  county = tempCounty();
  const candidates = ['Adams', 'Baker', 'Castillo'];
  const precincts = Array.from({ length: PRECINCTS }, (_, index) => ({
    code: `P${String(index + 1).padStart(3, '0')}`,
    name: `Precinct ${index + 1}`,
    delegates: 3 + (index % 5),
  }));
  expectOk(
    await county.api.createCounty({
      chair: CHAIR,
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
  chairSession = expectOk(await county.api.signIn(CHAIR)).session;
  expectOk(await county.api.addOperator({ session: chairSession, name: 'Jordan Lee', role: 'entry', pin: '1111' }));
  expectOk(await county.api.addOperator({ session: chairSession, name: 'Sam Ortiz', role: 'entry', pin: '2222' }));
  const jordan = expectOk(await county.api.signIn({ name: 'Jordan Lee', pin: '1111' })).session;
  const sam = expectOk(await county.api.signIn({ name: 'Sam Ortiz', pin: '2222' })).session;
  // Two people key every precinct and disagree on one number: a conflict everywhere.
  for (const precinct of precincts) {
    for (const [session, baker] of [
      [jordan, 20],
      [sam, 21],
    ] as const) {
      expectOk(
        await county.api.submitWorksheet({
          session,
          precinct: precinct.code,
          lines: candidates.map((candidate, index) => ({
            candidate,
            firstAlignment: index === 1 ? baker : 30 - index * 5,
            finalAlignment: index === 1 ? baker : 30 - index * 5,
            delegatesAwarded: null,
          })),
          coinTosses: [],
          source: 'manual',
        }),
      );
    }
  }
  expect(expectOk(await county.api.getDiscrepancies({}))).toHaveLength(PRECINCTS);
  county.store.close();
}, 180_000);
afterAll(() => county.cleanup());

function runAndKill(afterWrites: number | null): Promise<'killed' | 'finished'> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [WORKER, county.dbPath, chairSession], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 20));
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolvePromise('killed');
      else if (code === 0) resolvePromise('finished');
      else reject(new Error(`worker failed (${code}): ${stderr}`));
    });
  });
}

/** After any crash: an intact file and chain, and every resolution whole. Returns how many there are. */
function expectConsistent(): number {
  const db = new Database(county.dbPath);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const resolutions = count('SELECT count(*) AS n FROM resolution');
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'discrepancy.resolved'")).toBe(resolutions);
    // Each resolution settles both reports of its precinct: never a resolution without what it settles.
    expect(count('SELECT count(*) AS n FROM resolution_settles')).toBe(resolutions * 2);
    expect(count('SELECT count(DISTINCT precinct_id) AS n FROM resolution')).toBe(resolutions);
  } finally {
    db.close();
  }
  const store = openCountyStore(county.dbPath);
  try {
    expect(verifyAuditChain(store.iterateAudit())).toMatchObject({ valid: true });
  } finally {
    store.close();
  }
  const db2 = new Database(county.dbPath, { readonly: true });
  try {
    return (db2.prepare('SELECT count(*) AS n FROM resolution').get() as { n: number }).n;
  } finally {
    db2.close();
  }
}

describe('SIGKILL during discrepancy resolution', () => {
  it('leaves every resolution whole or absent; running again resolves each remaining conflict once', async () => {
    let killed = 0;
    let resolved = 0;
    for (let round = 0; round < KILLS; round++) {
      const outcome = await runAndKill(1 + Math.floor(Math.random() * 4));
      if (outcome === 'killed') killed++;
      const now = expectConsistent();
      expect(now).toBeGreaterThanOrEqual(resolved);
      resolved = now;
    }
    expect(killed).toBe(KILLS);
    expect(await runAndKill(null)).toBe('finished');
    expect(expectConsistent()).toBe(PRECINCTS);
    expect(await runAndKill(null)).toBe('finished');
    expect(expectConsistent()).toBe(PRECINCTS);
  }, 300_000);
});
