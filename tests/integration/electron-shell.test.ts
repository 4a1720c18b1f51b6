/**
 * The Electron shell as built (out/main/index.js from `electron-vite build`), started under Node with a
 * stand-in for Electron's API (tests/helpers/electron-stand-in.ts), since Electron's binary cannot run
 * everywhere the tests do. A built main process that throws at start (a bundle that does not load, a
 * call Electron does not have) fails here, before a county chair's first start does.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../electron/core/api';
import { type BuiltElectronApp, buildElectronApp } from '../helpers/built-electron-app';
import {
  APP_DATA_VARIABLE,
  STAND_IN_PATH_VARIABLE,
  type StandInReport,
  type StandInRequest,
} from '../helpers/electron-stand-in-protocol';
import { expectOk, SMALL_COUNTY, tempCounty } from '../helpers/temp-county';
import { testProgram } from '../helpers/test-programs';

type WindowLoaded = Extract<StandInReport, { kind: 'window-loaded' }>;
type Dialog = Extract<StandInReport, { kind: 'dialog' }>;
type RequestWithoutId = StandInRequest extends infer R ? (R extends StandInRequest ? Omit<R, 'id'> : never) : never;

/** The built main process running in a child Node process, and what its stand-in reported. */
interface RunningShell {
  readonly windowLoaded: Promise<WindowLoaded>;
  readonly exited: Promise<number | null>;
  readonly dialogs: Dialog[];
  ask(request: RequestWithoutId): Promise<unknown>;
  stop(): void;
}

function startShell(built: BuiltElectronApp, appDataDir: string): RunningShell {
  const standIn = testProgram('electron-stand-in');
  const env: NodeJS.ProcessEnv = { ...process.env, [STAND_IN_PATH_VARIABLE]: standIn, [APP_DATA_VARIABLE]: appDataDir };
  // The app's own data folder (appData/Tallyroom), its county and its renderer file: no test override,
  // demo database or dev server.
  delete env.TALLYROOM_USER_DATA;
  delete env.TALLYROOM_DEMO;
  delete env.ELECTRON_RENDERER_URL;
  const child: ChildProcess = fork(built.mainPath, [], {
    execArgv: ['--import', pathToFileURL(standIn).href],
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const dialogs: Dialog[] = [];
  const replies = new Map<number, (value: unknown) => void>();
  let onWindowLoaded: (report: WindowLoaded) => void = () => {};
  const windowLoaded = new Promise<WindowLoaded>((resolve) => (onWindowLoaded = resolve));
  child.on('message', (message: StandInReport) => {
    if (message.kind === 'window-loaded') onWindowLoaded(message);
    else if (message.kind === 'dialog') dialogs.push(message);
    else replies.get(message.id)?.(message.value);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const explainedExit = exited.then((code) => {
    const shown = dialogs.map((dialog) => `dialog "${dialog.title}": ${dialog.message}`).join('\n');
    throw new Error(`The built main process exited with code ${code} before its window loaded.\n${shown}\n${output}`);
  });
  const loadedOrExplained = Promise.race([windowLoaded, explainedExit]);
  // Awaited by each test; until then a failed start is not an unhandled rejection.
  loadedOrExplained.catch(() => {});
  let nextId = 0;
  return {
    windowLoaded: loadedOrExplained,
    exited,
    dialogs,
    ask(request) {
      const id = ++nextId;
      const reply = new Promise<unknown>((resolve) => replies.set(id, resolve));
      child.send({ ...request, id });
      return reply;
    },
    stop: () => child.kill(),
  };
}

describe('the built Electron main process, started under Node with a stand-in for Electron', () => {
  let built: BuiltElectronApp;
  let appDataDir: string;
  let shell: RunningShell;

  beforeAll(async () => {
    built = await buildElectronApp();
    // A county already set up in the app's data folder, as on the chair's laptop the morning after.
    appDataDir = mkdtempSync(join(tmpdir(), 'tallyroom-electron-shell-'));
    const userDataDir = join(appDataDir, 'Tallyroom');
    mkdirSync(userDataDir);
    const county = tempCounty(userDataDir);
    expectOk(await county.api.createCounty({ operator: 'Pat Chair', setup: SMALL_COUNTY }));
    county.store.close();
    // Each test waits for the start, so a main process that fails to start fails each of them, saying why.
    shell = startShell(built, appDataDir);
  }, 240_000);

  afterAll(() => {
    shell?.stop();
    if (appDataDir) rmSync(appDataDir, { recursive: true, force: true });
  });

  it('starts, loads the built renderer in its window with the built preload, and shows no dialog on the way', async () => {
    const window = await shell.windowLoaded;
    expect(window).toMatchObject({ how: 'file', target: built.rendererIndexPath, preload: built.preloadPath });
    expect(existsSync(built.rendererIndexPath)).toBe(true);
    expect(existsSync(built.preloadPath)).toBe(true);
    expect(shell.dialogs).toEqual([]);
  });

  it('registers one IPC channel per API method, and no other', async () => {
    await shell.windowLoaded;
    const channels = (await shell.ask({ kind: 'channels' })) as string[];
    expect([...channels].sort()).toEqual(API_METHODS.map((method) => `tallyroom:${method}`).sort());
  });

  it('answers a call from its own window with the county on this laptop', async () => {
    await shell.windowLoaded;
    const result = await shell.ask({
      kind: 'invoke',
      channel: 'tallyroom:getElection',
      senderUrl: pathToFileURL(built.rendererIndexPath).href,
      input: {},
    });
    expect(result).toMatchObject({ ok: true, value: { county: SMALL_COUNTY.county, name: SMALL_COUNTY.name } });
  });

  it('refuses the same call from any other page', async () => {
    await shell.windowLoaded;
    for (const senderUrl of ['https://example.com/', pathToFileURL(join(appDataDir, 'index.html')).href]) {
      const result = await shell.ask({ kind: 'invoke', channel: 'tallyroom:getElection', senderUrl, input: {} });
      expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    }
  });

  it('quits cleanly when asked, closing what it started', async () => {
    await shell.windowLoaded;
    await shell.ask({ kind: 'quit' });
    expect(await shell.exited).toBe(0);
  });
});
