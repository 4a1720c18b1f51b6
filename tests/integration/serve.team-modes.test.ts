/**
 * The serve harness in team mode (docs/TEAM.md), as real processes on loopback: --hub also starts the
 * team hub (HTTPS, 127.0.0.1 only) and says where; --station-of serves the station-side API to the
 * browser with the hub's address offered to the connect screen; bad combinations are refused.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProgram } from '../helpers/test-programs';

const repoRoot = resolve(import.meta.dirname, '../..');
const SERVING = /Tallyroom serving at (http:\/\/127\.0\.0\.1:\d+\/#\S+)/;
const HUB = /Tallyroom hub listening at (https:\/\/127\.0\.0\.1:(\d+)) \(certificate fingerprint ([0-9A-F:]{95})\)/;

let dir: string;
let renderer: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tallyroom-serve-team-'));
  // The harness only needs an index.html to serve; the API is what is under test.
  renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Tallyroom</title>');
});

afterAll(async () => {
  await Promise.all(children.map(stop));
  rmSync(dir, { recursive: true, force: true });
});

function harness(args: readonly string[]): { child: ChildProcess; output: Promise<string> } {
  const child = spawn(process.execPath, [testProgram('serve'), '--renderer', renderer, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const output = new Promise<string>((resolvePromise, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (SERVING.test(stdout)) resolvePromise(stdout);
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('exit', (code) => reject(new Error(`harness exited (${code}) before serving: ${stderr}`)));
  });
  return { child, output };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
  });
}

async function call(pageUrl: string, method: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> {
  const url = new URL(pageUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  const response = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  return (await response.json()) as { ok: boolean; value?: unknown };
}

describe('the serve harness in team mode', () => {
  let hubPage: string;
  let hubUrl: string;
  let fingerprint: string;

  it('--hub serves the county and starts the team hub on loopback, printing its address and fingerprint', async () => {
    const hub = harness(['--db', join(dir, 'county.db'), '--hub', '--data', join(dir, 'hub')]);
    const output = await hub.output;
    const printed = HUB.exec(output);
    expect(printed).not.toBeNull();
    hubUrl = printed?.[1] as string;
    fingerprint = printed?.[3] as string;
    hubPage = SERVING.exec(output)?.[1] as string;
    // The hub line comes first, so whoever waits for "serving at" has both.
    expect(output.indexOf('hub listening')).toBeLessThan(output.indexOf('serving at'));
    const status = await call(hubPage, 'getTeamStatus', {});
    expect(status).toMatchObject({ ok: true, value: { mode: 'hub', hub: { urls: [hubUrl], fingerprint } } });
  });

  it('--station-of serves a station: unpaired, no county of its own, the hub address in the page address', async () => {
    const station = harness(['--station-of', hubUrl, '--data', join(dir, 'station')]);
    const pageUrl = SERVING.exec(await station.output)?.[1] as string;
    const fragment = new URLSearchParams(new URL(pageUrl).hash.slice(1));
    expect(fragment.get('token')).toMatch(/^[\w-]{20,}$/);
    expect(fragment.get('hub')).toBe(hubUrl);
    const status = await call(pageUrl, 'getTeamStatus', {});
    expect(status).toMatchObject({ ok: true, value: { mode: 'station', station: { paired: false } } });
  });

  it('refuses a laptop that is both, and a station without its data folder', () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, [testProgram('serve'), '--renderer', renderer, ...args], {
        cwd: repoRoot,
        encoding: 'utf8',
      });
    const both = run(['--db', join(dir, 'other.db'), '--hub', '--station-of', 'https://127.0.0.1:7443']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('the hub or a station, not both');
    const noData = run(['--station-of', 'https://127.0.0.1:7443']);
    expect(noData.status).toBe(2);
    expect(noData.stderr).toContain('--data DIR');
  });
});
