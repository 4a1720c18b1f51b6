/**
 * Team-mode processes for the team tests: a hub (`tallyroom hub`) and stations
 * (`tallyroom station`) as separate Node processes on loopback, each driven through its
 * loopback control API exactly as its window would drive it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ApiInput, ApiMethodName, ApiOutputs } from '../../electron/core/api';
import type { Result } from '../../electron/core/result';
import type { StationStatus } from '../../electron/core/team-transport';
import { testProgram } from '../helpers/test-programs';

const CLI = testProgram('tallyroom');

export interface TeamProcess {
  readonly child: ChildProcess;
  readonly ready: Record<string, unknown>;
  call<M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<Result<ApiOutputs[M]>>;
  /** Ends the process (SIGTERM: a clean stop; SIGKILL: a crash) and waits until it has gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Everything it wrote on stderr (for failure messages). */
  stderr(): string;
}

export interface HubProcess extends TeamProcess {
  readonly url: string;
  readonly port: number;
  readonly fingerprint: string;
}

function launch(args: string[]): Promise<TeamProcess> {
  const child = spawn(process.execPath, [CLI, ...args, '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolveReady, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    child.once('exit', (code) =>
      reject(new Error(`tallyroom ${args[0]} exited (${code}) before it was ready: ${errors}`)),
    );
    lines.once('line', (line) => {
      const ready = JSON.parse(line) as Record<string, unknown>;
      const control = String(ready.control);
      const token = String(ready.controlToken);
      resolveReady({
        child,
        ready,
        async call(method, input) {
          const response = await fetch(`${control}/api/${method}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify(input),
          });
          return (await response.json()) as Result<never>;
        },
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
        stderr: () => errors,
      });
    });
  });
}

export async function startHubProcess(options: {
  dbPath: string;
  dataDir: string;
  port?: number;
}): Promise<HubProcess> {
  const hub = await launch([
    'hub',
    '--db',
    options.dbPath,
    '--data',
    options.dataDir,
    '--host',
    '127.0.0.1',
    '--port',
    String(options.port ?? 0),
    '--control-port',
    '0',
  ]);
  const urls = hub.ready.urls as string[];
  return {
    ...hub,
    url: urls[0] as string,
    port: hub.ready.port as number,
    fingerprint: hub.ready.fingerprint as string,
  };
}

export function startStationProcess(options: { dataDir: string; retryMs?: number }): Promise<TeamProcess> {
  return launch([
    'station',
    '--data',
    options.dataDir,
    '--retry-ms',
    String(options.retryMs ?? 200),
    '--control-port',
    '0',
  ]);
}

export async function stationStatus(station: TeamProcess): Promise<StationStatus> {
  const status = await station.call('getTeamStatus', {});
  if (!status.ok || status.value.mode !== 'station') throw new Error('not a station');
  return status.value.station;
}

/**
 * Waits until the station's outbox is empty (it retries on its own). Not a timing assertion:
 * the test's own timeout is the only limit.
 */
export async function untilDelivered(station: TeamProcess): Promise<StationStatus> {
  for (;;) {
    const status = await stationStatus(station);
    if (status.queued === 0 && status.connected) return status;
    await new Promise((done) => setTimeout(done, 100));
  }
}
