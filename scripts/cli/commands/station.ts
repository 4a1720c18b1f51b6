/**
 * tallyroom station --data DIR [--control-port N] [--retry-ms N] [--json]
 * Runs a team-mode station (docs/TEAM.md) on its own data folder: the outbox keeps delivering to the
 * paired hub until stopped. With --control-port, the station's API answers on 127.0.0.1 (for
 * scripts and the team process tests; the app's window uses it through IPC or the serve harness).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createStationApi } from '../../../electron/core/team-transport';
import { startControlServer, untilStopped } from '../../team/control-server';
import { type CliIo, EXIT, type ExitCode, UsageError } from '../io';

export async function stationCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      'control-port': { type: 'string' },
      'retry-ms': { type: 'string', default: '2000' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.data) throw new UsageError('Give the station’s data folder with --data DIR.');
  const retryIntervalMs = Number(values['retry-ms']);
  if (!Number.isInteger(retryIntervalMs) || retryIntervalMs < 50) {
    throw new UsageError(`--retry-ms ${values['retry-ms']} is not a number of milliseconds (50 or more).`);
  }
  const controlPort = values['control-port'] === undefined ? null : Number(values['control-port']);
  if (controlPort !== null && (!Number.isInteger(controlPort) || controlPort < 0 || controlPort > 65535)) {
    throw new UsageError(`--control-port ${values['control-port']} is not a port number.`);
  }
  const station = createStationApi({ dataDir: resolve(io.cwd, values.data), retryIntervalMs });
  if (!station.ok) {
    io.err(station.error.message);
    return EXIT.badInput;
  }
  const control = controlPort === null ? null : await startControlServer(station.value.api, controlPort);
  const status = station.value.status();
  if (values.json) {
    io.out(
      JSON.stringify({ station: status, ...(control ? { control: control.url, controlToken: control.token } : {}) }),
    );
  } else {
    io.out(
      status.paired
        ? `Tallyroom station ${status.stationName} (${status.stationId}), paired with the hub at ${status.hubUrl}; ${status.queued} entries queued.`
        : 'Tallyroom station, not paired yet.',
    );
    if (control) io.out(`Control API: ${control.url} (token ${control.token})`);
  }
  await untilStopped();
  control?.server.close();
  await station.value.close();
  return EXIT.ok;
}
