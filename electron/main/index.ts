/**
 * The Electron shell: lifecycle, the one window, hardening, and the API on IPC.
 * Decisions live in small pure modules beside this file (tested without Electron);
 * this file only connects them to Electron's objects.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  type Session,
  safeStorage,
  session,
  type WebContents,
} from 'electron';
import { API_METHODS, type Api, ipcChannelOf } from '../core/api';
import { anchorChainHead } from '../core/integrity/anchor-chain';
import { checkDatabaseHealth } from '../core/integrity/database-health';
import { type CountyStore, openCountyStore } from '../core/store';
import { makeOwnerOnlyFolder } from '../core/store/owner-only';
import { teamHubSetting } from '../core/team/team-hub-setting';
import { createApiInvokeHandler } from './api-ipc';
import { type AppLayout, appLayout } from './app-layout';
import { parseLaunchOptions } from './launch-options';
import { createFileLogger, type Logger } from './logger';
import { applicationMenuTemplate } from './menu-template';
import { electronNativeBindingPath } from './native-binding';
import { safeStorageSecretStore } from './safe-storage-secrets';
import {
  contentSecurityPolicy,
  isAllowedRequestUrl,
  isTrustedRendererUrl,
  rendererEntryUrl,
  secureWebPreferences,
  withContentSecurityPolicy,
} from './security';
import { describeStartupFailure } from './startup-failure';
import { startCountyApi, startStationApi } from './team-api';
import { type AppMode, decideAppMode, FIRST_RUN_QUESTION, hubPlan, modeOfFirstRunAnswer } from './team-mode';

const launch = parseLaunchOptions(process.argv, process.env);

app.setName('Tallyroom');
// The same data folder whether started packaged, from source or by a test; a test or a
// portable install points it elsewhere. Must happen before the single-instance lock, which lives there.
if (launch.userDataDir) {
  app.setPath('userData', launch.userDataDir);
} else if (!app.commandLine.hasSwitch('user-data-dir')) {
  app.setPath('userData', join(app.getPath('appData'), 'Tallyroom'));
}
// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();

if (app.requestSingleInstanceLock()) {
  main();
} else {
  // A second copy would open the same database: hand over to the running one (it focuses itself).
  app.quit();
}

function main(): void {
  const logPath = join(app.getPath('userData'), 'logs', 'main.log');
  const logger = createFileLogger(logPath);
  const layout = appLayout({
    mainDir: dirname(fileURLToPath(import.meta.url)),
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
  });
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const appUrl = rendererEntryUrl({ devServerUrl, indexFileUrl: pathToFileURL(layout.rendererIndexPath).href });

  process.on('uncaughtException', (error) => logger.error('Uncaught exception in the main process', error));
  process.on('unhandledRejection', (reason) => logger.error('Unhandled promise rejection in the main process', reason));

  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, appUrl, logger));
  app.on('second-instance', () => focusMainWindow());
  // One window, one database, no background work: closing the window ends the app on every OS.
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(() => start({ layout, appUrl, devServerUrl, logger }))
    .catch((error: unknown) => {
      logger.error('Tallyroom failed to start', error);
      dialog.showErrorBox('Tallyroom cannot start', `Tallyroom failed to start. The details are in ${logPath}.`);
      app.exit(1);
    });
}

async function start(context: {
  layout: AppLayout;
  appUrl: string;
  devServerUrl: string | undefined;
  logger: Logger;
}): Promise<void> {
  const { layout, appUrl, devServerUrl, logger } = context;
  hardenSession(session.defaultSession, { appUrl, devServerUrl, logger });

  if (launch.problem) return exitExplaining(launch.problem, logger);
  // Team mode (docs/TEAM.md): the county here (alone or as the hub) or a station of another laptop's hub.
  const mode = appModeOrAsk();
  if (!mode) return app.quit();
  const started =
    mode.kind === 'station' ? startStation(mode.dataDir, logger) : await startCounty(mode.databasePath, layout, logger);
  if (!started) return;
  registerApiOnIpc(started.api, appUrl, logger);
  closeOnQuit(started.close, logger);
  if (launch.demo && mode.kind === 'county') await loadDemoCountyIfEmpty(started.api, logger);

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate({
        platform: process.platform,
        isDevelopment: !app.isPackaged,
        onAbout: () => showAbout(),
      }),
    ),
  );
  createMainWindow(layout, devServerUrl, logger);
  logger.info(`Tallyroom ${app.getVersion()} started: ${started.description}${launch.demo ? ' (demo)' : ''}`);
}

interface StartedApi {
  readonly api: Api;
  readonly description: string;
  close(): Promise<void>;
}

/** What is on this laptop decides; on the very first start the person says (team-mode.ts). */
function appModeOrAsk(): Exclude<AppMode, { kind: 'choose' }> | null {
  const userDataDir = app.getPath('userData');
  const mode = decideAppMode({ launch, userDataDir, exists: existsSync });
  if (mode.kind !== 'choose') return mode;
  const answer = dialog.showMessageBoxSync({
    type: 'question',
    title: FIRST_RUN_QUESTION.title,
    message: FIRST_RUN_QUESTION.message,
    detail: FIRST_RUN_QUESTION.detail,
    buttons: [...FIRST_RUN_QUESTION.buttons],
    defaultId: 0,
    cancelId: FIRST_RUN_QUESTION.buttons.length - 1,
    noLink: true,
  });
  return modeOfFirstRunAnswer(answer, { userDataDir, demo: launch.demo });
}

async function startCounty(databasePath: string, layout: AppLayout, logger: Logger): Promise<StartedApi | undefined> {
  const store = openStoreOrExplain(databasePath, layout, logger);
  if (!store) return undefined;
  // Passphrases and passwords the chair chose to remember, and the chain head's key: ciphertext only.
  const secrets = safeStorageSecretStore(join(app.getPath('userData'), 'secrets'), safeStorage);
  warnIfDatabaseUnhealthy(store, databasePath, logger, await anchorChainHead(store, secrets));
  const plan = hubPlan({ launch, databasePath, setting: teamHubSetting(store) });
  const county = await startCountyApi(
    {
      store,
      resourcesDir: layout.resourcesDir,
      startBackground: true,
      secrets,
      bundles: { appVersion: app.getVersion(), dataDir: dirname(databasePath) },
    },
    plan,
  );
  if (county.problem) {
    logger.error(county.problem);
    void dialog.showMessageBox({ type: 'warning', title: 'The team hub is not running', message: county.problem });
  }
  const hub = county.hub ? `, team hub at ${county.hub.urls.join(' ')} (${county.hub.fingerprint})` : '';
  return {
    api: county.api,
    description: `${databasePath}${hub}`,
    // The hub stops taking station requests before its database closes.
    close: () => county.close().finally(() => store.close()),
  };
}

function startStation(dataDir: string, logger: Logger): StartedApi | undefined {
  const station = startStationApi(dataDir);
  if (!station.ok) {
    exitExplaining(station.error.message, logger);
    return undefined;
  }
  return { api: station.value.api, description: `station ${dataDir}`, close: station.value.close };
}

/** Quit waits for the hub's server or the station's outbox to close, once, then goes on quitting. */
function closeOnQuit(close: () => Promise<void>, logger: Logger): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    close()
      .catch((error: unknown) => logger.error('Could not close cleanly on quit', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

function exitExplaining(problem: string, logger: Logger): void {
  logger.error(`Tallyroom cannot start: ${problem}`);
  dialog.showErrorBox('Tallyroom cannot start', problem);
  app.exit(1);
}

function openStoreOrExplain(databasePath: string, layout: AppLayout, logger: Logger): CountyStore | undefined {
  const nativeBinding = electronNativeBindingPath({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appRoot: layout.appRoot,
    exists: existsSync,
  });
  try {
    makeOwnerOnlyFolder(dirname(databasePath));
    return openCountyStore(databasePath, nativeBinding ? { nativeBinding } : undefined);
  } catch (error) {
    logger.error(`Could not open the county database at ${databasePath}`, error);
    dialog.showErrorBox(
      'Tallyroom cannot start',
      describeStartupFailure(error, { databasePath, isPackaged: app.isPackaged }),
    );
    app.exit(1);
    return undefined;
  }
}

/** Every start checks SQLite's integrity and the whole audit chain, and says so plainly if either fails. */
function warnIfDatabaseUnhealthy(
  store: CountyStore,
  databasePath: string,
  logger: Logger,
  /** What the chain head file beside the database says, when it disagrees with the database. */
  headProblem: string | null,
): void {
  const health = checkDatabaseHealth(store);
  if (health.ok && !headProblem) return;
  const problem = [health.problem, headProblem].filter(Boolean).join(' ');
  logger.error(`Database health check failed for ${databasePath}: ${problem}`);
  dialog.showMessageBoxSync({
    type: 'warning',
    title: 'Tallyroom found a problem with the county database',
    message: problem,
    detail: `Database: ${databasePath}. Nothing has been changed. Call the county chair before entering more results; restore the latest verified backup if the chair agrees.`,
  });
}

function registerApiOnIpc(api: Api, appUrl: string, logger: Logger): void {
  for (const method of API_METHODS) {
    ipcMain.handle(
      ipcChannelOf(method),
      createApiInvokeHandler(api, method, {
        isTrustedSenderUrl: (url) => isTrustedRendererUrl(url, appUrl),
        logError: (message, error) => logger.error(message, error),
      }),
    );
  }
}

async function loadDemoCountyIfEmpty(api: Api, logger: Logger): Promise<void> {
  const election = await api.getElection({});
  if (!election.ok) {
    logger.error(`Could not read the demo database: ${election.error.message}`);
    return;
  }
  if (election.value !== null) return;
  const loaded = await api.loadDemoCounty({ operator: 'Demo' });
  if (!loaded.ok) logger.error(`Could not load the demo county: ${loaded.error.message}`);
}

function hardenSession(
  target: Session,
  options: { appUrl: string; devServerUrl: string | undefined; logger: Logger },
): void {
  // No camera, microphone, notifications, geolocation, clipboard reads, USB, serial...
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);

  target.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, { appUrl: options.appUrl });
    if (!allowed) options.logger.error(`Blocked a request for ${details.url}`);
    callback({ cancel: !allowed });
  });

  // Where file:// responses carry no headers, renderer/index.html repeats this policy in a meta tag.
  const policy = contentSecurityPolicy({ devServerUrl: options.devServerUrl });
  target.webRequest.onHeadersReceived((details, callback) => {
    // DevTools pages (development only) run their own scripts: our policy would break them.
    if (details.url.startsWith('devtools:')) return callback({});
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
}

function lockDownWebContents(contents: WebContents, appUrl: string, logger: Logger): void {
  const blockUnlessOurPage = (event: { preventDefault(): void }, url: string) => {
    if (isTrustedRendererUrl(url, appUrl)) return;
    event.preventDefault();
    logger.error(`Blocked navigation to ${url}`);
  };
  contents.on('will-navigate', (event) => blockUnlessOurPage(event, event.url));
  contents.on('will-frame-navigate', (event) => blockUnlessOurPage(event, event.url));
  contents.on('will-redirect', (event) => blockUnlessOurPage(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    logger.error(`Blocked a new window for ${url}`);
    return { action: 'deny' };
  });
}

function createMainWindow(layout: AppLayout, devServerUrl: string | undefined, logger: Logger): void {
  const mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title: 'Tallyroom',
    icon: existsSync(layout.iconPath) ? layout.iconPath : undefined,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      ...secureWebPreferences(layout.preloadPath, { allowDevTools: !app.isPackaged }),
      // Restated literally so static checkers (Electronegativity in CI) can see them here.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow.show());
  mainWindow.webContents.on('render-process-gone', (_event, details) =>
    logger.error(`The Tallyroom window's renderer stopped: ${details.reason}`),
  );
  const loading = devServerUrl ? mainWindow.loadURL(devServerUrl) : mainWindow.loadFile(layout.rendererIndexPath);
  loading.catch((error: unknown) => logger.error('Could not load the Tallyroom window', error));
}

function focusMainWindow(): void {
  const [mainWindow] = BrowserWindow.getAllWindows();
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function showAbout(): void {
  const [mainWindow] = BrowserWindow.getAllWindows();
  const options = {
    type: 'info' as const,
    title: 'About Tallyroom',
    message: `Tallyroom ${app.getVersion()}`,
    detail:
      'Offline county results consolidation for caucuses and elections.\nElectron ' +
      `${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}.`,
    buttons: ['OK'],
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}
