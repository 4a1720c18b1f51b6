/**
 * Fixtures for the end-to-end tests: the real serve harness (scripts/serve/main.ts) on a fresh
 * temporary database for each test, and a page signed in as an operator.
 *
 *   test.use({ demo: true })   // start with the built-in demo county loaded, signed in as its chair
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
  /** Who signs in (the demo county's chair when `demo` and left as is). */
  operator: string;
  pin: string;
  server: Server;
  /** The app open in the browser, the operator prompt answered. */
  app: Page;
}

export const test = base.extend<Fixtures>({
  demo: [false, { option: true }],
  operator: ['Pat Quinn', { option: true }],
  pin: ['1234', { option: true }],

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

  app: async ({ page, server, operator, pin, demo }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(server.url);
    // A new database has nobody to sign in as (setup comes first); the demo county has its team.
    if (demo) {
      const demoChair = operator === 'Pat Quinn';
      await signIn(page, demoChair ? DEMO_CHAIR.name : operator, demoChair ? DEMO_CHAIR.pin : pin);
    } else {
      await expect(page.locator('.app[data-auth="no-county"]')).toBeVisible();
    }
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

/** The demo county's chair (README.md). */
export const DEMO_CHAIR = { name: 'Demo Chair', pin: '2468' } as const;

/** Signs in through the sign-in dialog, as a person at the laptop does. */
export async function signIn(page: Page, name: string, pin: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Sign in' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('PIN').fill(pin);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('operator-name')).toHaveText(name);
}

/** Signs out from the top bar (someone else takes over the laptop). */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('dialog', { name: 'Sign in' })).toBeVisible();
}

const SCREENS = {
  Dashboard: 1,
  'Enter worksheet': 2,
  Precincts: 3,
  Discrepancies: 4,
  Recount: 5,
  'Audit log': 6,
  'County setup': 7,
} as const;

/** Switches screens the way an operator does: Alt+1..7. */
export async function goTo(page: Page, screen: keyof typeof SCREENS): Promise<void> {
  const keys = SCREENS;
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

/** The chair of counties made by createTestCounty. */
export const TEST_CHAIR = { name: 'Pat Quinn', pin: '1234' } as const;

/**
 * A small county set up through the API, for tests whose subject is not the setup screen, with
 * TEST_CHAIR as its chair. Reload the page and sign in afterwards.
 */
export async function createTestCounty(
  server: Server,
  precincts: readonly TestPrecinct[],
  candidates: readonly string[] = ['Adams', 'Baker', 'Castillo'],
): Promise<void> {
  await callApi(server, 'createCounty', {
    chair: TEST_CHAIR,
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
