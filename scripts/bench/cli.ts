/**
 * The `tallyroom` command as a person runs it (node scripts/bin/tallyroom.mjs, the build in out/cli,
 * rebuilt here first so the figures are of the current source):
 * - `tallyroom --version` against `node -e ''` (Node's own start-up);
 * - `tallyroom status --db <demo county> --json` against `node -e ''`;
 * - a hub restart: `tallyroom hub` on the demo county (its certificate made by an untimed first
 *   start) from spawn to the first answered HTTPS request (POST /team/v1/pair/challenge, what a
 *   station sends first), against a node process serving HTTPS with the same certificate, from
 *   spawn to its first answered request.
 * Each pair runs interleaved, process start included, as a shell would start them.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildCli } from '../cli/build-cli.mjs';
import { emit, figure, REPO_ROOT, round, scratchRoot } from './lib';

const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 15);
const HUB_RUNS = Number(process.env.BENCH_HUB_RUNS ?? 5);
const BIN = join(REPO_ROOT, 'scripts/bin/tallyroom.mjs');

/** What the bin says on stderr when it runs the source instead of the build. */
const FROM_SOURCE = /running from source/;

/**
 * A source file changed since the build (another process editing the tree while this runs): the
 * bin ran the source through tsx, which is not what is measured here. Rebuild and run again.
 */
async function withCurrentBuild(measure: () => Promise<{ ms: number; stderr: string }>): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const { ms, stderr } = await measure();
    if (!FROM_SOURCE.test(stderr)) return ms;
    if (attempt === 3) throw new Error(`the sources keep changing under the build: ${stderr}`);
    await buildCli();
  }
}

function timedRun(args: readonly string[]): Promise<number> {
  return withCurrentBuild(async () => {
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    const ms = performance.now() - started;
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed (exit ${run.status}): ${run.stderr}`);
    return { ms, stderr: run.stderr };
  });
}

/** RUNS interleaved pairs of process runs (one untimed warm-up of each first). */
async function versus(subject: readonly string[], baseline: readonly string[]) {
  await timedRun(subject);
  await timedRun(baseline);
  const subjectMs: number[] = [];
  const baselineMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    subjectMs.push(await timedRun(subject));
    baselineMs.push(await timedRun(baseline));
  }
  return { subjectMs, baselineMs };
}

/** Spawns `args`, reads the port from its first stdout line, and times spawn -> first answered request. */
function untilAnswered(args: readonly string[], portOf: (line: string) => number): Promise<number> {
  return withCurrentBuild(() => startAndAsk(args, portOf));
}

async function startAndAsk(
  args: readonly string[],
  portOf: (line: string) => number,
): Promise<{ ms: number; stderr: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    const line = await new Promise<string>((resolveLine, reject) => {
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolveLine);
      child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}): ${stderr}`)));
    });
    const status = await post(portOf(line));
    if (status !== 200) throw new Error(`${args.join(' ')} answered ${status}`);
    return { ms: performance.now() - started, stderr };
  } finally {
    await stop(child);
  }
}

function post(port: number): Promise<number> {
  return new Promise((resolveStatus, reject) => {
    const sent = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/team/v1/pair/challenge',
        headers: { 'content-type': 'application/json' },
        // A bench, not a station: the certificate is the one the hub made, not pinned here.
        rejectUnauthorized: false,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolveStatus(response.statusCode ?? 0));
      },
    );
    sent.on('error', reject);
    sent.end('{}');
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  await exited;
}

/** The baseline server: HTTPS with the hub's certificate, answering every request with 200. */
const HTTPS_BASELINE = `
const { createServer } = require('node:https');
const { readFileSync } = require('node:fs');
const dir = process.argv[1];
const server = createServer(
  { cert: readFileSync(dir + '/hub-cert.pem'), key: readFileSync(dir + '/hub-key.pem') },
  (request, response) => { request.resume(); request.on('end', () => response.end('{"ok":true}')); },
);
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
process.once('SIGTERM', () => server.close());
`;

async function main(): Promise<void> {
  const built = await buildCli();
  const work = join(scratchRoot(), `tallyroom-bench-cli-${process.pid}`);
  try {
    const demo = spawnSync(process.execPath, [BIN, 'demo', '--dir', work], { encoding: 'utf8' });
    if (demo.status !== 0) throw new Error(`tallyroom demo failed: ${demo.stderr}`);
    const db = join(work, 'county.db');
    const empty = ['-e', ''];
    const figures = [];

    const version = await versus([BIN, '--version'], empty);
    const versionFigure = figure(
      {
        id: 'cli-version',
        title: 'tallyroom --version (built CLI)',
        subject: 'node scripts/bin/tallyroom.mjs --version',
        baseline: "node -e ''",
        peakRssMiB: null,
        notes: [`out/cli rebuilt before timing (${built.sources} sources, ${built.ms} ms)`],
      },
      version.subjectMs,
      version.baselineMs,
    );
    figures.push({
      ...versionFigure,
      target: { text: 'within 1.5x', met: versionFigure.ratio <= 1.5 },
    });

    const status = await versus([BIN, 'status', '--db', db, '--json'], empty);
    const statusFigure = figure(
      {
        id: 'cli-status',
        title: 'tallyroom status --json, demo county (built CLI)',
        subject: 'node scripts/bin/tallyroom.mjs status --db <demo>/county.db --json',
        baseline: "node -e ''",
        peakRssMiB: null,
        size: { precincts: 24 },
      },
      status.subjectMs,
      status.baselineMs,
    );
    figures.push({ ...statusFigure, target: { text: 'within 2.5x', met: statusFigure.ratio <= 2.5 } });

    // The first start makes the hub's certificate (kept in its folder); every start after is a restart.
    const hubArgs = [BIN, 'hub', '--db', db, '--port', '0', '--host', '127.0.0.1', '--json'];
    const hubPort = (line: string) => (JSON.parse(line) as { port: number }).port;
    await untilAnswered(hubArgs, hubPort);
    const baselineArgs = ['-e', HTTPS_BASELINE, join(work, 'team-hub')];
    const hubMs: number[] = [];
    const baseMs: number[] = [];
    for (let run = 0; run < HUB_RUNS; run++) {
      hubMs.push(await untilAnswered(hubArgs, hubPort));
      baseMs.push(await untilAnswered(baselineArgs, hubPort));
    }
    const hubFigure = figure(
      {
        id: 'hub-restart',
        title: 'Hub restart to first answered request (tallyroom hub, demo county)',
        subject:
          'spawn tallyroom hub (certificate kept from an earlier start) -> POST /team/v1/pair/challenge answered',
        baseline: 'spawn node serving HTTPS with the same certificate -> the same request answered',
        peakRssMiB: null,
        notes: [
          'target is absolute: a station waits this long after a hub crash',
          `node -e '' took ${Math.round(versionFigure.baselineMs)} ms in this run (the cli-version baseline): a loaded machine stretches both`,
        ],
      },
      hubMs,
      baseMs,
    );
    figures.push({
      ...hubFigure,
      target: { text: 'under 2 s', met: hubFigure.subjectMs < 2000 },
      size: { subjectSeconds: round(hubFigure.subjectMs / 1000, 2) },
    });
    emit(figures);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
