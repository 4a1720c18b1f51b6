/**
 * The serve harness: the built renderer and the real API over HTTP on 127.0.0.1, with a token
 * made for this run, so the real UI runs against the real backend in any browser.
 *   npx tsx scripts/serve/main.ts --db county.db [--port 0] [--demo]
 * Prints one line when ready: "Tallyroom serving at http://127.0.0.1:PORT/#token=TOKEN".
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createApi } from '../../electron/core/api';
import { checkDatabaseHealth } from '../../electron/core/backup/database-health';
import { openCountyStore } from '../../electron/core/store';
import { createHttpHandler } from './http-transport';

const repoRoot = resolve(import.meta.dirname, '../..');

function main(): void {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '0' },
      demo: { type: 'boolean', default: false },
      renderer: { type: 'string', default: join(repoRoot, 'out/renderer') },
      resources: { type: 'string', default: join(repoRoot, 'resources') },
    },
  });
  if (!values.db) fail('Give the county database file with --db FILE.');
  const staticDir = resolve(values.renderer);
  if (!existsSync(join(staticDir, 'index.html'))) {
    fail(`The app is not built (${staticDir}/index.html is missing). Run "npx electron-vite build" first.`);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${values.port} is not a port number.`);

  mkdirSync(dirname(resolve(values.db)), { recursive: true });
  const store = openCountyStore(resolve(values.db));
  const health = checkDatabaseHealth(store);
  if (!health.ok) console.error(`Warning: ${health.problem}`);
  const api = createApi({ store, resourcesDir: resolve(values.resources) });
  if (values.demo && store.getElection() === null) {
    void api.loadDemoCounty({ operator: 'Demo' }).then((loaded) => {
      if (!loaded.ok) fail(loaded.error.message);
      start();
    });
  } else {
    start();
  }

  function start(): void {
    const token = randomBytes(24).toString('base64url');
    const server = createServer(createHttpHandler({ api, token, staticDir }));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      console.log(`Tallyroom serving at http://127.0.0.1:${actualPort}/#token=${token}`);
    });
    const stop = () => {
      server.close();
      store.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

main();
