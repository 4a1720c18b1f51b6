import { timingSafeEqual } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { Api } from '../../electron/core/api';
import { isApiMethodName } from '../../electron/core/api/methods';

/** Largest request body accepted: a county definition XLSX as base64 fits easily. */
const MAX_BODY_BYTES = 80 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** The same policy as the Electron window's: nothing but our own files. */
export const SERVE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export interface HttpTransportOptions {
  readonly api: Api;
  /** Secret of this run; every API call must carry it as `Authorization: Bearer <token>`. */
  readonly token: string;
  /** The built renderer (out/renderer). */
  readonly staticDir: string;
}

/**
 * The API over HTTP for the serve harness: POST /api/<method> with the input as JSON, the Result
 * as JSON back. A thin transport, like IPC: validation and logic stay in the API object.
 */
export function createHttpHandler(options: HttpTransportOptions) {
  const expected = Buffer.from(`Bearer ${options.token}`);
  const staticRoot = resolve(options.staticDir);

  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (!isLoopbackHost(request.headers.host)) {
        // A page on another site resolving its name to 127.0.0.1 (DNS rebinding) is refused.
        return sendJson(response, 403, failure('FORBIDDEN_HOST', 'Requests must be addressed to 127.0.0.1.'));
      }
      if (url.pathname.startsWith('/api/')) {
        if (request.method !== 'POST') {
          return sendJson(response, 405, failure('METHOD_NOT_ALLOWED', 'API calls are POST requests.'));
        }
        const auth = Buffer.from(request.headers.authorization ?? '');
        if (auth.length !== expected.length || !timingSafeEqual(auth, expected)) {
          return sendJson(response, 401, failure('UNAUTHORIZED', 'This request does not carry the token of this run.'));
        }
        const method = url.pathname.slice('/api/'.length);
        if (!isApiMethodName(method)) {
          return sendJson(response, 404, failure('UNKNOWN_METHOD', `There is no API method "${method}".`));
        }
        const body = await readBody(request);
        if (body === null) return sendJson(response, 413, failure('TOO_LARGE', 'The request is too large.'));
        let input: unknown;
        try {
          input = body.length === 0 ? {} : JSON.parse(body);
        } catch {
          return sendJson(response, 400, failure('INVALID_JSON', 'The request body is not valid JSON.'));
        }
        const call = options.api[method] as (input: unknown) => Promise<unknown>;
        return sendJson(response, 200, await call(input));
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return sendJson(response, 405, failure('METHOD_NOT_ALLOWED', 'Only GET for files.'));
      }
      return await sendStatic(response, staticRoot, url.pathname);
    } catch (error) {
      console.error('serve: internal error', error);
      return sendJson(
        response,
        500,
        failure('INTERNAL_ERROR', 'Something went wrong inside Tallyroom. Nothing was changed; try again.'),
      );
    }
  };
}

function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, '');
  return name === '127.0.0.1' || name === 'localhost' || name === '[::1]';
}

async function sendStatic(response: ServerResponse, root: string, pathname: string): Promise<void> {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    // A stray % in an address is the caller's mistake, not ours: say so, log nothing.
    return sendText(response, 400, 'This address is not valid: a % in it is not followed by two hex digits.');
  }
  const candidate = resolve(join(root, relative));
  if (candidate !== root && !candidate.startsWith(root + sep)) return sendText(response, 404, 'Not found');
  let file: string;
  try {
    file = await realpath(candidate);
    if (!file.startsWith(root + sep) || !(await stat(file)).isFile()) return sendText(response, 404, 'Not found');
  } catch {
    return sendText(response, 404, 'Not found');
  }
  const bytes = await readFile(file);
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': SERVE_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  });
  response.end(bytes);
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolvePromise(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function failure(code: string, message: string) {
  return { ok: false, error: { code, message } };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}
