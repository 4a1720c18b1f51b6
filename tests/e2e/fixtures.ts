/**
 * Fixtures for the end-to-end tests: the real serve harness (scripts/serve/main.ts, built once per
 * run by tests/helpers/playwright-global-setup.ts) on a fresh temporary database for each test,
 * and a page signed in as an operator.
 *
 *   test.use({ demo: true })   // start with the built-in demo county loaded, signed in as its chair
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { testProgram } from '../helpers/test-programs';

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
  pin: ['123456', { option: true }],

  server: async ({ demo }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'tallyroom-e2e-'));
    const dbPath = join(dir, 'county.db');
    const args = [testProgram('serve'), '--db', dbPath, '--port', '0', ...(demo ? ['--demo'] : [])];
    const child = spawn(process.execPath, args, {
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
export const TEST_CHAIR = { name: 'Pat Quinn', pin: '123456' } as const;

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

// ---- Team mode (docs/TEAM.md): a hub harness and station harnesses, each its own process ----

const HUB_READY = /Tallyroom hub listening at (https:\/\/127\.0\.0\.1:\d+) \(certificate fingerprint ([0-9A-F:]+)\)/;

export interface HubServer extends Server {
  /** The hub's HTTPS address for stations (loopback). */
  readonly hubUrl: string;
  /** SHA-256 fingerprint of the hub certificate, as the harness printed it. */
  readonly fingerprint: string;
  /** Kills the hub process outright (SIGKILL), as a crash or a pulled plug would. */
  crash(): Promise<void>;
  /** Starts the hub again on the same database, data folder and hub port; resolves with the new page address. */
  restart(): Promise<string>;
}

export interface StationServer {
  /** The station harness's page address, token and suggested hub included. */
  readonly url: string;
  /** The station's own data folder. */
  readonly dir: string;
}

interface TeamFixtures {
  /** Start the hub with the built-in demo county (`teamTest.use({ hubDemo: true })`). */
  hubDemo: boolean;
  /** The serve harness started with --hub on a fresh database (set up the county through callApi). */
  hub: HubServer;
  /** Starts one more station harness (--station-of the hub, its own data folder); all stop after the test. */
  startStation: () => Promise<StationServer>;
}

/** Tests with a hub and stations: `teamTest('...', async ({ hub, startStation, page, browser }) => ...)`. */
export const teamTest = base.extend<TeamFixtures>({
  hubDemo: [false, { option: true }],

  hub: async ({ hubDemo }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'tallyroom-e2e-hub-'));
    const dbPath = join(dir, 'county.db');
    const args = (hubPort: string) => [
      '--db',
      dbPath,
      '--port',
      '0',
      '--hub',
      '--hub-port',
      hubPort,
      '--data',
      join(dir, 'hub'),
      ...(hubDemo ? ['--demo'] : []),
    ];
    let harness = spawnHarness(args('0'));
    try {
      const stdout = await harness.ready;
      const match = HUB_READY.exec(stdout);
      if (!match?.[1] || !match[2]) throw new Error(`The hub harness did not print its address.\nstdout: ${stdout}`);
      const url = READY.exec(stdout)?.[1] as string;
      const hubUrl = match[1];
      await use({
        url,
        dbPath,
        dir,
        hubUrl,
        fingerprint: match[2],
        crash: () => kill(harness.child),
        restart: async () => {
          // Same hub port: the stations paired with this address (and pinned this certificate).
          harness = spawnHarness(args(new URL(hubUrl).port));
          return READY.exec(await harness.ready)?.[1] as string;
        },
      });
    } finally {
      await stop(harness.child);
      rmSync(dir, { recursive: true, force: true });
    }
  },

  startStation: async ({ hub }, use) => {
    const started: { child: ChildProcess; dir: string }[] = [];
    try {
      await use(async () => {
        const dir = mkdtempSync(join(tmpdir(), 'tallyroom-e2e-station-'));
        const harness = spawnHarness(['--port', '0', '--station-of', hub.hubUrl, '--data', dir]);
        started.push({ child: harness.child, dir });
        const stdout = await harness.ready;
        return { url: READY.exec(stdout)?.[1] as string, dir };
      });
    } finally {
      for (const station of started) {
        await stop(station.child);
        rmSync(station.dir, { recursive: true, force: true });
      }
    }
  },
});

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGKILL');
  });
}

/** Starts the serve harness with these arguments; `ready` resolves with its output once it serves. */
function spawnHarness(args: readonly string[]): { child: ChildProcess; ready: Promise<string> } {
  // One process (plain node on the built harness, no wrapper): a SIGKILL stops the harness itself.
  const child = spawn(process.execPath, [testProgram('serve'), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  // waitForReady resolves on the "serving at" line, printed last: everything before it is in `stdout` by then.
  const ready = waitForReady(child, 45_000).then(() => stdout);
  return { child, ready };
}

/** Signs in at the hub through the API and adds people to the county team (test setup only). */
export async function addTeamMembers(
  server: Server,
  people: readonly { name: string; pin: string; role?: 'entry' | 'verifier' | 'chair' }[],
): Promise<void> {
  const chair = await callApi<{ session: string }>(server, 'signIn', TEST_CHAIR);
  for (const person of people) {
    await callApi(server, 'addOperator', {
      session: chair.session,
      name: person.name,
      pin: person.pin,
      role: person.role ?? 'entry',
    });
  }
  await callApi(server, 'signOut', { session: chair.session });
}
