/**
 * A small stand-in for Electron's main-process API, so the BUILT main process (out/main/index.js)
 * can start under plain Node, where Electron's binary cannot run (tests/integration/electron-shell.test.ts).
 *
 * How it is used: the test forks `node --import <this file, built> out/main/index.js`. Loaded first,
 * this module registers a resolve hook that answers every `import ... from 'electron'` with this same
 * module, so the main process gets the objects below instead of Electron's. It plays only the parts
 * electron/main/index.ts uses (`app`, `BrowserWindow`, `ipcMain`, `safeStorage`, `dialog`, `Menu`,
 * `session`); a new call the main process makes fails the test until it is added here.
 *
 * What it tells the test, over the fork's IPC channel: the window's loadFile/loadURL, every dialog
 * shown, and, on request, the registered IPC channels and an IPC call made with a chosen sender URL.
 *
 * better-sqlite3: the app points it at an Electron-ABI build when native/electron/better_sqlite3.node
 * exists (electron/main/native-binding.ts), which Node cannot load; such a request is answered with
 * Node's own build from node_modules.
 */
import { EventEmitter } from 'node:events';
import Module, { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
import {
  APP_DATA_VARIABLE,
  STAND_IN_PATH_VARIABLE,
  type StandInReport,
  type StandInRequest,
} from './electron-stand-in-protocol';

const standInPath = process.env[STAND_IN_PATH_VARIABLE];
const appDataDir = process.env[APP_DATA_VARIABLE];
const send = process.send?.bind(process);
if (!standInPath || !appDataDir || !send) {
  throw new Error(
    `The Electron stand-in runs in a forked process with ${STAND_IN_PATH_VARIABLE} and ${APP_DATA_VARIABLE} set.`,
  );
}
const report = (message: StandInReport) => send(message);

// ESM: 'electron' resolves to this module (the hook runs on Node's loader thread, hence the data: URL).
// Resolved as Node resolves `--import` (symlinks followed), so both give the one module instance.
const resolveElectronHere = `export async function resolve(specifier, context, next) {
  return next(specifier === 'electron' ? ${JSON.stringify(pathToFileURL(standInPath).href)} : specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(resolveElectronHere)}`);

// CJS (better-sqlite3 requires its binding): the Electron-ABI build becomes Node's build.
const nodeBuildOfSqlite = createRequire(import.meta.filename).resolve(
  'better-sqlite3/build/Release/better_sqlite3.node',
);
const moduleInternals = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolveFilename = moduleInternals._resolveFilename;
moduleInternals._resolveFilename = (request, ...rest) =>
  /native[\\/]+(electron[\\/]+)?better_sqlite3\.node$/.test(request)
    ? nodeBuildOfSqlite
    : resolveFilename.call(Module, request, ...rest);

const paths = new Map<string, string>([['appData', appDataDir]]);
const ready = new Promise<void>((resolve) => setImmediate(resolve));

class StandInApp extends EventEmitter {
  readonly isPackaged = false;
  readonly commandLine = { hasSwitch: (_name: string) => false };
  setName(_name: string): void {}
  getVersion(): string {
    return '0.0.0-stand-in';
  }
  setPath(name: string, path: string): void {
    paths.set(name, path);
  }
  getPath(name: string): string {
    const path = paths.get(name);
    if (!path) throw new Error(`The Electron stand-in has no path for '${name}'.`);
    return path;
  }
  enableSandbox(): void {}
  requestSingleInstanceLock(): boolean {
    return true;
  }
  whenReady(): Promise<void> {
    return ready;
  }
  /** As Electron: 'will-quit' may be prevented (the app closes its API first, then quits again). */
  quit(): void {
    let prevented = false;
    this.emit('will-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) process.exit(0);
  }
  exit(code = 0): void {
    process.exit(code);
  }
}
export const app = new StandInApp();

const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
export const ipcMain = {
  handle(channel: string, handler: (event: unknown, input: unknown) => unknown): void {
    // Electron refuses a second handler for a channel; so does the stand-in.
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, handler);
  },
};

const windows: BrowserWindow[] = [];
class StandInWebContents extends EventEmitter {
  setWindowOpenHandler(_handler: unknown): void {}
}
export class BrowserWindow extends EventEmitter {
  readonly webContents = new StandInWebContents();
  constructor(private readonly options: { webPreferences?: { preload?: string } } = {}) {
    super();
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows(): BrowserWindow[] {
    return [...windows];
  }
  loadFile(path: string): Promise<void> {
    report({ kind: 'window-loaded', how: 'file', target: path, preload: this.options.webPreferences?.preload });
    return Promise.resolve();
  }
  loadURL(url: string): Promise<void> {
    report({ kind: 'window-loaded', how: 'url', target: url, preload: this.options.webPreferences?.preload });
    return Promise.resolve();
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
}

/** Every dialog is reported; the first-run question is answered "Quit", so it shows up as a failed start. */
export const dialog = {
  showErrorBox(title: string, message: string): void {
    report({ kind: 'dialog', title, message });
  },
  showMessageBoxSync(options: { title?: string; message: string; cancelId?: number }): number {
    report({ kind: 'dialog', title: options.title ?? '', message: options.message });
    return options.cancelId ?? 0;
  },
  async showMessageBox(...args: unknown[]): Promise<{ response: number }> {
    const options = args.at(-1) as { title?: string; message: string };
    report({ kind: 'dialog', title: options.title ?? '', message: options.message });
    return { response: 0 };
  },
};

export const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu(_menu: unknown): void {},
};

/** No OS keyring here: the app keeps remembered secrets in memory only (safe-storage-secrets.ts). */
export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString: (_text: string): Buffer => {
    throw new Error('The Electron stand-in has no encryption.');
  },
  decryptString: (_bytes: Buffer): string => {
    throw new Error('The Electron stand-in has no encryption.');
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(_handler: unknown): void {},
    setPermissionCheckHandler(_handler: unknown): void {},
    setDevicePermissionHandler(_handler: unknown): void {},
    webRequest: { onBeforeRequest(_handler: unknown): void {}, onHeadersReceived(_handler: unknown): void {} },
  },
};

process.on('message', (message: StandInRequest) => {
  void answer(message).then((value) => report({ kind: 'reply', id: message.id, value }));
});
// The test ended or died: so does the app.
process.on('disconnect', () => process.exit(0));

async function answer(request: StandInRequest): Promise<unknown> {
  switch (request.kind) {
    case 'channels':
      return [...handlers.keys()];
    case 'invoke': {
      const handler = handlers.get(request.channel);
      if (!handler) return { noHandler: request.channel };
      // The shape of Electron's IpcMainInvokeEvent the app reads: the top frame that sent it.
      return handler({ senderFrame: { url: request.senderUrl, parent: null } }, request.input);
    }
    case 'quit':
      // Replied to before quitting; the test then waits for the process to exit.
      setImmediate(() => app.quit());
      return null;
  }
}
