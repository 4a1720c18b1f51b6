/**
 * The Electron shell end to end: the real window, preload, IPC and hardening on the built app.
 * Runs where an Electron binary exists (Linux CI: under xvfb-run); skipped elsewhere.
 * See playwright.electron.config.ts for the commands.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, expect, type Page, test } from '@playwright/test';
import { API_METHODS } from '../../electron/core/api/methods';
import { findElectronBinary } from './electron-binary';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronBinary = findElectronBinary(projectRoot);

test.skip(
  !electronBinary,
  'Electron binary not installed on this machine (no download possible); the shell is covered where a binary exists',
);
test.describe.configure({ mode: 'serial' });

let electronApp: ElectronApplication;
let page: Page;
let userDataDir: string;

/** The page's view of globals the sandbox must hide; typed loosely because the DOM types lack them. */
type LooseGlobal = Record<string, unknown>;

test.beforeAll(async () => {
  const mainBundle = join(projectRoot, 'out', 'main', 'index.js');
  if (!existsSync(mainBundle)) throw new Error('The app is not built: run `npx electron-vite build` first.');
  if (!existsSync(join(projectRoot, 'native', 'electron', 'better_sqlite3.node'))) {
    throw new Error('better-sqlite3 is not built for Electron: run `node scripts/rebuild-electron-native.mjs` first.');
  }
  userDataDir = mkdtempSync(join(tmpdir(), 'tallyroom-electron-test-'));
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    // The built page, not a dev server; Electron as Electron, not as Node.
    if (value !== undefined && name !== 'ELECTRON_RENDERER_URL' && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value;
  }
  electronApp = await _electron.launch({
    executablePath: electronBinary,
    args: [mainBundle, '--demo'],
    cwd: projectRoot,
    env: { ...env, TALLYROOM_USER_DATA: userDataDir },
  });
  page = await electronApp.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await electronApp?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

test('opens one window titled Tallyroom on the built page', async () => {
  const windows = await electronApp.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((window) => ({ title: window.getTitle() })),
  );
  expect(windows).toHaveLength(1);
  expect(windows[0]?.title).toMatch(/Tallyroom/);
  expect(page.url()).toMatch(/^file:\/\/.*\/out\/renderer\/index\.html/);
});

test('exposes window.tallyroom with exactly the API methods', async () => {
  const bridge = await page.evaluate(() => {
    const tallyroom = (window as unknown as LooseGlobal).tallyroom as Record<string, unknown>;
    return Object.entries(tallyroom).map(([name, value]) => [name, typeof value]);
  });
  expect(bridge.map(([name]) => name).sort()).toEqual([...API_METHODS].sort());
  expect(new Set(bridge.map(([, type]) => type))).toEqual(new Set(['function']));
});

test('the API answers over IPC and the demo county is loaded', async () => {
  const election = await page.evaluate(() =>
    ((window as unknown as LooseGlobal).tallyroom as { getElection(input: object): Promise<unknown> }).getElection({}),
  );
  expect(election).toMatchObject({ ok: true });
  expect((election as { value: unknown }).value).not.toBeNull();
});

test('gives the page no Node: require, process and module are undefined', async () => {
  const types = await page.evaluate(() => {
    const globals = globalThis as unknown as LooseGlobal;
    return { require: typeof globals.require, process: typeof globals.process, module: typeof globals.module };
  });
  expect(types).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined' });
});

test('refuses new windows', async () => {
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  const windowCount = await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
  expect(windowCount).toBe(1);
});

test('blocks navigation away from the app, to the web or to other files', async () => {
  const appUrl = page.url();
  for (const target of ['https://example.com/', 'file:///etc/hostname']) {
    await page.evaluate((url) => {
      window.location.href = url;
    }, target);
    await page.waitForTimeout(500);
    expect(page.url()).toBe(appUrl);
  }
});

test('renders the dashboard', async () => {
  await expect(page.getByText('Precincts').first()).toBeVisible();
});

test('enforces the content security policy: no inline scripts, no remote requests', async () => {
  const outcome = await page.evaluate(async () => {
    const violations: { directive: string; policy: string }[] = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push({ directive: event.effectiveDirective, policy: event.originalPolicy }),
    );
    const script = document.createElement('script');
    script.textContent = 'window.__tallyroomInlineScriptRan = true;';
    document.head.append(script);
    let remoteFetch = 'succeeded';
    try {
      await fetch('https://example.com/');
    } catch {
      remoteFetch = 'failed';
    }
    await new Promise((settle) => setTimeout(settle, 100));
    return {
      inlineRan: (window as unknown as LooseGlobal).__tallyroomInlineScriptRan === true,
      remoteFetch,
      violations,
    };
  });
  expect(outcome.inlineRan).toBe(false);
  expect(outcome.remoteFetch).toBe('failed');
  // The main process sends the policy as a header; index.html carries it as a meta tag too, because
  // file:// responses may have no headers to rewrite. Either way, the strict policy must be in force.
  const policies = outcome.violations.map((violation) => violation.policy);
  const strictPolicy = policies.find((policy) => policy.includes("object-src 'none'"));
  expect(strictPolicy, `policies in force: ${JSON.stringify(policies)}`).toBeDefined();
  expect(strictPolicy).toContain("script-src 'self'");
  expect(strictPolicy).toContain("base-uri 'none'");
  expect(policies.join(' ')).not.toContain('unsafe-eval');
});
