/**
 * tallyroom hub --db FILE [--port N] [--host H] [--data DIR] [--control-port N] [--json]
 * Runs this county database as the team hub (docs/TEAM.md): the API over HTTPS for paired stations
 * until stopped. Prints one line (--json: one JSON object) when listening.
 * `tallyroom hub pairing-code` is hub-pairing-code.ts (scripts/cli/command-table.ts picks it).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { closeApi, createApi } from '../../../electron/core/api';
import { createTeamHub, DEFAULT_HUB_PORT, startHub } from '../../../electron/core/team-transport';
import { startControlServer, untilStopped } from '../../team/control-server';
import { type CliIo, EXIT, type ExitCode, UsageError } from '../io';
import { openExistingStore } from '../open-existing-store';
import { hubDataDir, removeHubControlFile, writeHubControlFile } from './hub-control-file';

const RESOURCES_DIR = resolve(import.meta.dirname, '../../../resources');

export async function hubCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: String(DEFAULT_HUB_PORT) },
      host: { type: 'string', default: '0.0.0.0' },
      data: { type: 'string' },
      'control-port': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.db) throw new UsageError('Give the county database with --db FILE.');
  const port = portOf(values.port, '--port');
  const controlPort = values['control-port'] === undefined ? null : portOf(values['control-port'], '--control-port');
  const dbPath = resolve(io.cwd, values.db);
  const store = openExistingStore(dbPath);
  const dataDir = hubDataDir(io, dbPath, values.data);
  const hub = createTeamHub({ store, dataDir });
  const api = createApi({ store, resourcesDir: RESOURCES_DIR, team: hub });
  const running = await startHub({ hub, api, host: values.host, port });
  if (!running.ok) {
    store.close();
    io.err(running.error.message);
    return EXIT.badInput;
  }
  const control = controlPort === null ? null : await startControlServer(api, controlPort);
  if (control) writeHubControlFile(dataDir, { url: control.url, token: control.token, pid: process.pid });
  const ready = {
    urls: running.value.urls,
    port: running.value.port,
    fingerprint: running.value.fingerprint,
    ...(control ? { control: control.url, controlToken: control.token } : {}),
  };
  if (values.json) io.out(JSON.stringify(ready));
  else {
    io.out(`Tallyroom hub listening at ${ready.urls.join(', ')}`);
    io.out(`Certificate fingerprint (stations pin it): ${ready.fingerprint}`);
    if (control) io.out(`Control API: ${control.url} (token ${control.token})`);
  }
  await untilStopped();
  if (control) removeHubControlFile(dataDir);
  control?.server.close();
  await running.value.close();
  // Stations may have read scans through the hub: the OCR engine's workers would keep the command alive.
  await closeApi(api);
  store.close();
  return EXIT.ok;
}

function portOf(text: string, flag: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`${flag} ${text} is not a port number.`);
  return port;
}
