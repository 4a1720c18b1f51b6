/**
 * A loopback control door for `tallyroom hub` and `tallyroom station` processes: the same API
 * object over the serve harness's HTTP transport (127.0.0.1 only, a token per run), so scripts
 * and the team process tests drive a hub or a station the way its window would.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Api } from '../../electron/core/api';
import { createHttpHandler } from '../serve/http-transport';

export interface ControlServer {
  /** "http://127.0.0.1:PORT" */
  readonly url: string;
  readonly token: string;
  readonly server: Server;
}

export function startControlServer(api: Api, port: number): Promise<ControlServer> {
  const token = randomBytes(24).toString('base64url');
  // No page is served here: an empty folder, so nothing but the API answers.
  const staticDir = mkdtempSync(join(tmpdir(), 'tallyroom-control-'));
  const server = createServer(createHttpHandler({ api, token, staticDir }));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ url: `http://127.0.0.1:${actual}`, token, server });
    });
  });
}

/** Resolves when the process is asked to stop (Ctrl-C, SIGTERM). */
export function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
