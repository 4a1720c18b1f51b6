/**
 * Fixtures for the end-to-end tests: the real serve harness (scripts/serve/main.ts) on a fresh
 * temporary database for each test, and a page signed in as an operator.
 *
 *   test.use({ demo: true })   // start with the built-in demo county loaded
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

const repoRoot = resolve(import.meta.dirname, '../..');
const screenshotDir = join(repoRoot, '.test-output/screenshots');
const READY = /Tallyroom serving at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/;

export interface Server {
  /** The address the harness printed, token included. */
  readonly url: string;
  readonly dbPath: string;
  /** A scratch folder for files the test writes (deleted afterwards). */
  readonly dir: string;
}

interface Fixtures {
  demo: boolean;
  operator: string;
  server: Server;
  /** The app open in the browser, the operator prompt answered. */
  app: Page;
}

export const test = base.extend<Fixtures>({
  demo: [false, { option: true }],
  operator: ['Pat Quinn', { option: true }],

  server: async ({ demo }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'tallyroom-e2e-'));
    const dbPath = join(dir, 'county.db');
    const args = ['scripts/serve/main.ts', '--db', dbPath, '--port', '0', ...(demo ? ['--demo'] : [])];
    const child = spawn(join(repoRoot, 'node_modules/.bin/tsx'), args, {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    try {
      const url = await waitForReady(child, 45_000);
      await use({ url, dbPath, dir });
    } finally {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    }
  },

  app: async ({ page, server, operator }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(server.url);
    const dialog = page.getByRole('dialog', { name: 'Who is at the keyboard?' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Your name').fill(operator);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('operator-name')).toHaveText(operator);
    await use(page);
    // A Content-Security-Policy violation or an uncaught error is a bug even when the test passed.
    expect(errors, 'browser console errors').toEqual([]);
  },
});

export { expect };

/** A full-page screenshot of a main screen, kept in .test-output/screenshots/<name>.png for review. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // Let bars and fonts settle, and keep the caret out of the picture.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur?.();
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** Switches screens the way an operator does: Alt+1..5. */
export async function goTo(
  page: Page,
  screen: 'Dashboard' | 'Enter worksheet' | 'Precincts' | 'Audit log' | 'County setup',
): Promise<void> {
  const keys = { Dashboard: 1, 'Enter worksheet': 2, Precincts: 3, 'Audit log': 4, 'County setup': 5 } as const;
  await page.keyboard.press(`Alt+${keys[screen]}`);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen })).toHaveAttribute(
    'aria-current',
    'page',
  );
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      reject(
        new Error(`The serve harness did not start within ${timeoutMs} ms.\nstdout: ${stdout}\nstderr: ${stderr}`),
      );
    }, timeoutMs);
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk;
      const match = READY.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The serve harness exited with code ${code} before it was ready.\nstderr: ${stderr}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}

/** Calls the API the way the renderer does (for test setup only; the behaviour under test goes through the UI). */
export async function callApi<T = unknown>(server: Server, method: string, input: unknown): Promise<T> {
  const url = new URL(server.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  const response = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.message}`);
  return result.value as T;
}

export interface TestPrecinct {
  readonly code: string;
  readonly name: string;
  readonly delegates: number;
}

/** A small county set up through the API, for tests whose subject is not the setup screen. */
export async function createTestCounty(
  server: Server,
  precincts: readonly TestPrecinct[],
  candidates: readonly string[] = ['Adams', 'Baker', 'Castillo'],
): Promise<void> {
  await callApi(server, 'createCounty', {
    operator: 'Setup Script',
    setup: {
      county: 'Polk County',
      name: 'Polk County Precinct Caucuses',
      date: '2028-02-07',
      rulesProfile: 'iowa-dem-2020',
      sdePerDelegate: 0.25,
      precincts,
      candidates,
    },
  });
}
