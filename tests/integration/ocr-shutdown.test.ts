/**
 * The OCR engine's tesseract workers are threads that keep a Node process alive: they must end
 * with the API. The serve harness, told to stop after reading a scan with the real engine, ends by
 * itself with exit code 0 (it exits 1 naming what is still open when something is left running);
 * a closed API reads nothing more and says why.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApi, createApi } from '../../electron/core/api';
import { openCountyStore } from '../../electron/core/store';
import { expectOk, RESOURCES_DIR } from '../helpers/temp-county';

const repoRoot = resolve(import.meta.dirname, '../..');
const SCAN = join(repoRoot, 'tests/fixtures/scans/printed-straight.png');
const SERVING = /Tallyroom serving at (http:\/\/127\.0\.0\.1:\d+\/#\S+)/;
const DEMO_CHAIR = { name: 'Demo Chair', pin: '2468' };

let dir: string;
let renderer: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tallyroom-ocr-shutdown-'));
  // The harness only needs an index.html to serve; the API is what is under test.
  renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Tallyroom</title>');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(pageUrl: string, method: string, input: unknown): Promise<T> {
  const url = new URL(pageUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  const response = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value as T;
}

/** Resolves with the exit code once the process has ended, however long it takes; a hang fails the test's timeout. */
function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
}

describe('closing the OCR engine', () => {
  it('the serve harness ends by itself after reading a scan and being told to stop', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/serve/main.ts', '--renderer', renderer, '--db', join(dir, 'county.db'), '--demo'],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const end = exited(child);
    try {
      const pageUrl = await new Promise<string>((resolveUrl, reject) => {
        child.stdout?.on('data', () => {
          const found = SERVING.exec(stdout);
          if (found) resolveUrl(found[1] as string);
        });
        void end.then(({ code }) => reject(new Error(`harness exited (${code}) before serving: ${stderr}`)));
      });
      const { session } = await call<{ session: string }>(pageUrl, 'signIn', DEMO_CHAIR);
      await call(pageUrl, 'importFiles', {
        session,
        source: 'scan',
        files: [{ fileName: 'printed-straight.png', contentBase64: readFileSync(SCAN).toString('base64') }],
      });
      const queue = await call<{ importFileId: number; fileName: string }[]>(pageUrl, 'listScanQueue', {});
      const scanId = queue.find((entry) => entry.fileName === 'printed-straight.png')?.importFileId;
      const read = await call<{ pages: { fields: unknown[] }[] }>(pageUrl, 'readScan', { session, scanId });
      // The engine really ran: its worker threads are up.
      expect(read.pages[0]?.fields.length).toBeGreaterThan(0);

      child.kill('SIGTERM');
      const { code, signal } = await end;
      expect(stderr).not.toContain('did not stop by itself');
      expect({ code, signal }).toEqual({ code: 0, signal: null });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 180_000);

  it('a closed API reads no more scans, and says why in a sentence', async () => {
    const store = openCountyStore(join(dir, 'closed.db'));
    try {
      const api = createApi({ store, resourcesDir: RESOURCES_DIR });
      expectOk(await api.loadDemoCounty({ operator: 'Demo' }));
      const { session } = expectOk(await api.signIn(DEMO_CHAIR));
      expectOk(
        await api.importFiles({
          session,
          source: 'scan',
          files: [{ fileName: 'printed-straight.png', contentBase64: readFileSync(SCAN).toString('base64') }],
        }),
      );
      const scanId = expectOk(await api.listScanQueue({}))[0]?.importFileId as number;
      await closeApi(api);
      await closeApi(api);
      const refused = await api.readScan({ session, scanId });
      expect(refused.ok || refused.error.code).toBe('APP_CLOSING');
      expect(refused.ok || refused.error.message).toContain('printed-straight.png');
      expect(expectOk(await api.getScanReading({ scanId })).pages).toEqual([]);
    } finally {
      store.close();
    }
  });
});
