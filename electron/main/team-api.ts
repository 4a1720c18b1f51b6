/**
 * Builds the one Api the window talks to for the mode team-mode.ts chose (docs/TEAM.md): the county's
 * API, with the team hub listening when the plan says so, or a station's API (createStationApi:
 * signs in at the hub, queues changes in its own folder). Plain Node with the real core, so it is
 * tested on loopback without Electron; `close` is what the shell runs on quit.
 */
import { mkdirSync } from 'node:fs';
import { type Api, type ApiDeps, closeApi, createApi } from '../core/api';
import type { AppError, Result } from '../core/result';
import { createStationApi, createTeamHub, type RunningHub, startHub } from '../core/team-transport';
import type { HubPlan } from './team-mode';

export interface AppApi {
  readonly api: Api;
  /** The hub as it listens (null: not the hub, or its server could not start; see `problem`). */
  readonly hub: RunningHub | null;
  /** A sentence for the chair when the hub was asked for but is not listening. */
  readonly problem: string | null;
  /**
   * Stops the hub's server or the station's retries and closes the station database, and closes the
   * county API (its OCR engine's worker threads, its background services). Idempotent.
   */
  close(): Promise<void>;
}

/**
 * The county's API. With a plan, the API is made with the team hub and the hub's HTTPS server is
 * started; a server that cannot start (the port is taken) leaves the county usable on this laptop
 * and says why, rather than keeping the chair out of the county on caucus night.
 */
export async function startCountyApi(deps: ApiDeps, plan: HubPlan | null): Promise<AppApi> {
  if (!plan) {
    const api = createApi(deps);
    return { api, hub: null, problem: null, close: once(() => closeApi(api)) };
  }
  mkdirSync(plan.dataDir, { recursive: true });
  const team = createTeamHub({ store: deps.store, dataDir: plan.dataDir });
  const api = createApi({ ...deps, team });
  const running = await startHub({ hub: team, api, host: plan.host, port: plan.port });
  if (!running.ok) {
    return {
      api,
      hub: null,
      problem: `The team hub could not start on port ${plan.port}: ${running.error.message}`,
      close: once(() => closeApi(api)),
    };
  }
  // The hub stops taking station requests before the API (and its OCR engine) closes.
  return {
    api,
    hub: running.value,
    problem: null,
    close: once(() => running.value.close().finally(() => closeApi(api))),
  };
}

/** A station's API over its own folder; the folder is made on first start. */
export function startStationApi(dataDir: string): Result<AppApi, AppError> {
  mkdirSync(dataDir, { recursive: true });
  const station = createStationApi({ dataDir });
  if (!station.ok) return station;
  return {
    ok: true,
    value: { api: station.value.api, hub: null, problem: null, close: once(() => station.value.close()) },
  };
}

/** Quit may be asked more than once (will-quit after a failed start); close only once. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= close();
    return closing;
  };
}
