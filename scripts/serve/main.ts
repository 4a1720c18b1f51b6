/**
 * The serve harness: the built renderer and the real API over HTTP on 127.0.0.1, with a token
 * made for this run, so the real UI runs against the real backend in any browser.
 *   npx tsx scripts/serve/main.ts --db county.db [--port 0] [--demo]
 * Team mode (docs/TEAM.md), still on loopback only:
 *   --db county.db --hub [--hub-port 0] [--data DIR]   also the team hub for stations (HTTPS);
 *                                                      prints "Tallyroom hub listening at https://127.0.0.1:PORT ..."
 *   --station-of https://127.0.0.1:PORT --data DIR     a station laptop: the station-side API, its
 *                                                      own data folder, no county database
 * Prints one line when ready: "Tallyroom serving at http://127.0.0.1:PORT/#token=TOKEN".
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Api, closeApi, createApi } from '../../electron/core/api';
import { anchorChainHead } from '../../electron/core/integrity/anchor-chain';
import { checkDatabaseHealth } from '../../electron/core/integrity/database-health';
import { memorySecretStore } from '../../electron/core/secrets/secret-store';
import { openCountyStore } from '../../electron/core/store';
import { createHttpHandler } from './http-transport';
import { type ServedApi, startHubMode, startStationMode } from './team-modes';

const repoRoot = resolve(import.meta.dirname, '../..');

function main(): void {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '0' },
      demo: { type: 'boolean', default: false },
      renderer: { type: 'string', default: join(repoRoot, 'out/renderer') },
      resources: { type: 'string', default: join(repoRoot, 'resources') },
      hub: { type: 'boolean', default: false },
      'hub-port': { type: 'string', default: '0' },
      'station-of': { type: 'string' },
      data: { type: 'string' },
    },
  });
  const stationOf = values['station-of'];
  if (stationOf !== undefined && values.hub)
    fail('A laptop is the hub or a station, not both: drop --hub or --station-of.');
  if (stationOf !== undefined && !values.data) fail('Give the station its own data folder with --data DIR.');
  if (stationOf === undefined && !values.db) fail('Give the county database file with --db FILE.');
  const staticDir = resolve(values.renderer);
  if (!existsSync(join(staticDir, 'index.html'))) {
    fail(`The app is not built (${staticDir}/index.html is missing). Run "npx electron-vite build" first.`);
  }
  const port = portNumber(values.port, '--port');
  const hubPort = portNumber(values['hub-port'], '--hub-port');
  const resourcesDir = resolve(values.resources);

  if (stationOf !== undefined) {
    const station = startStationMode({ dataDir: values.data as string, hubAddress: stationOf });
    if (!station.ok) fail(station.error.message);
    serve(staticDir, port, station.value);
    return;
  }

  const dbPath = resolve(values.db as string);
  mkdirSync(dirname(dbPath), { recursive: true });
  const store = openCountyStore(dbPath);
  const health = checkDatabaseHealth(store);
  if (!health.ok) console.error(`Warning: ${health.problem}`);

  void (async () => {
    // The harness keeps secrets in memory only: its head file has no MAC, and is still checked.
    const headProblem = await anchorChainHead(store, memorySecretStore());
    if (headProblem) console.error(`Warning: ${headProblem}`);
    let served: ServedApi;
    if (values.hub) {
      const hub = await startHubMode({
        store,
        resourcesDir,
        dataDir: values.data ?? join(dirname(dbPath), 'team-hub'),
        port: hubPort,
      });
      if (!hub.ok) fail(hub.error.message);
      served = hub.value;
    } else {
      served = plain(createApi({ store, resourcesDir, startBackground: true }));
    }
    if (values.demo && store.getElection() === null) {
      const loaded = await served.api.loadDemoCounty({ operator: 'Demo' });
      if (!loaded.ok) fail(loaded.error.message);
    }
    serve(staticDir, port, {
      ...served,
      close: async () => {
        await served.close();
        store.close();
      },
    });
  })();
}

function plain(api: Api): ServedApi {
  return { api, banner: [], fragment: '', close: () => closeApi(api) };
}

function serve(staticDir: string, port: number, served: ServedApi): void {
  const token = randomBytes(24).toString('base64url');
  const server = createServer(createHttpHandler({ api: served.api, token, staticDir }));
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    for (const line of served.banner) console.log(line);
    const fragment = served.fragment ? `&${served.fragment}` : '';
    console.log(`Tallyroom serving at http://127.0.0.1:${actualPort}/#token=${token}${fragment}`);
  });
  // Stopping closes what runs (the server and its connections, the API with its OCR workers and
  // background services, the database) and lets Node end by itself: a process still alive a few
  // seconds later has something left open, which is a bug, so it says what and exits non-zero.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    void served
      .close()
      .catch((error: unknown) => {
        console.error(`Could not close cleanly: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      })
      .finally(() => {
        const watchdog = setTimeout(() => {
          console.error(`Tallyroom did not stop by itself; still open: ${process.getActiveResourcesInfo().join(', ')}`);
          process.exit(1);
        }, STOP_GRACE_MS);
        watchdog.unref();
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** How long a stopped harness may take to end by itself before it is called stuck. */
const STOP_GRACE_MS = 3_000;

function portNumber(text: string, flag: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`${flag} ${text} is not a port number.`);
  return port;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

main();
