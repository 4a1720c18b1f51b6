import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpHandler } from '../../scripts/serve/http-transport';
import { expectOk, SMALL_COUNTY, type TempCounty, tempCounty } from '../helpers/temp-county';

let county: TempCounty;
let server: Server;
let base: string;
const token = 'test-token-of-this-run';

beforeAll(async () => {
  county = tempCounty();
  expectOk(await county.api.createCounty({ operator: 'Pat', setup: SMALL_COUNTY }));
  const staticDir = join(county.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Tallyroom</title>');
  writeFileSync(join(county.dir, 'secret.txt'), 'not for the browser');
  server = createServer(createHttpHandler({ api: county.api, token, staticDir }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  county.cleanup();
});

const call = (method: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
  fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('the serve harness transport', () => {
  it('serves the real API to a caller with the token of this run', async () => {
    const response = await call('getElection', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { county: 'Polk County', precinctCount: 3 } });
  });

  it('refuses calls without the token, or with another', async () => {
    expect((await call('getElection', {}, {})).status).toBe(401);
    expect((await call('getElection', {}, { authorization: 'Bearer guess' })).status).toBe(401);
  });

  it('validates input through the API like every transport', async () => {
    const body = await (await call('getPrecinct', { precinct: 42 })).json();
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await call('dropDatabase', {})).status).toBe(404);
  });

  it('answers a malformed % in an address with a plain 400, not an internal error', async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const response = await fetch(`${base}/assets/%E0%A4%A.js`);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/address/i);
    } finally {
      console.error = original;
    }
    expect(logged).toEqual([]);
  });

  it('serves the built renderer with a strict CSP and nothing outside it', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect((await fetch(`${base}/..%2Fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/../secret.txt`)).status).toBe(404);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(
        `${base}/api/getElection`,
        { method: 'POST', headers: { host: 'evil.example', authorization: `Bearer ${token}` } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.end('{}');
    });
    expect(status).toBe(403);
  });
});
