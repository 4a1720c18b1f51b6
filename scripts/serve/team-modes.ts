/**
 * Team mode in the serve harness (docs/TEAM.md). The browser side stays the same loopback HTTP
 * transport with the run's token; what changes is the API object behind it:
 * - hub: the county's own API made with the team hub, and the hub's HTTPS server for stations,
 *   also on loopback (the harness never listens on the office network);
 * - station: the station-side API from the team core (signs in at the hub, queues changes in its
 *   own data folder), with no county database of its own.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Api, closeApi, createApi } from '../../electron/core/api';
import type { AppError, Result } from '../../electron/core/result';
import type { CountyStore } from '../../electron/core/store';
import { createStationApi, createTeamHub, type RunningHub, startHub } from '../../electron/core/team-transport';

export interface ServedApi {
  readonly api: Api;
  /** Lines printed before the "serving at" line (the hub's address and fingerprint). */
  readonly banner: readonly string[];
  /** Added to the page address's fragment after the token (`hub=...` for a station). */
  readonly fragment: string;
  close(): Promise<void>;
}

export interface HubModeOptions {
  readonly store: CountyStore;
  readonly resourcesDir: string;
  /** The hub's certificate and key live here (created on first start). */
  readonly dataDir: string;
  /** The hub's HTTPS port on 127.0.0.1 (0: any free port). */
  readonly port: number;
}

/** The county API with team mode on, and the hub listening for stations on loopback. */
export async function startHubMode(options: HubModeOptions): Promise<Result<ServedApi, AppError>> {
  mkdirSync(resolve(options.dataDir), { recursive: true });
  const hub = createTeamHub({ store: options.store, dataDir: resolve(options.dataDir) });
  const api = createApi({ store: options.store, resourcesDir: options.resourcesDir, team: hub });
  const running = await startHub({ hub, api, host: '127.0.0.1', port: options.port });
  if (!running.ok) return running;
  return {
    ok: true,
    value: {
      api,
      banner: [hubLine(running.value)],
      fragment: '',
      // The hub stops taking station requests before the API (and its OCR engine) closes.
      close: () => running.value.close().finally(() => closeApi(api)),
    },
  };
}

/** Printed once the hub listens; tests read the address from it. */
export function hubLine(hub: RunningHub): string {
  return `Tallyroom hub listening at https://127.0.0.1:${hub.port} (certificate fingerprint ${hub.fingerprint})`;
}

export interface StationModeOptions {
  /** The station's own folder: its outbox, the pinned hub certificate, its batch signing key. */
  readonly dataDir: string;
  /** The hub's address, offered on the "Connect to the county hub" screen (pairing still needs the code). */
  readonly hubAddress: string;
}

export function startStationMode(options: StationModeOptions): Result<ServedApi, AppError> {
  mkdirSync(resolve(options.dataDir), { recursive: true });
  const station = createStationApi({ dataDir: resolve(options.dataDir) });
  if (!station.ok) return station;
  const status = station.value.status();
  const banner =
    status.paired && status.hubUrl && status.hubUrl !== options.hubAddress
      ? [`Note: this station is paired with ${status.hubUrl}; --station-of ${options.hubAddress} is not used.`]
      : [];
  return {
    ok: true,
    value: {
      api: station.value.api,
      banner,
      fragment: `hub=${encodeURIComponent(options.hubAddress)}`,
      close: () => station.value.close(),
    },
  };
}
