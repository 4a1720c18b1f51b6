/**
 * The team's transports as their users call them (team/index.ts): the hub's server carries the API
 * object, a station's API is one. They stand on the API, so these shapes are apart from
 * contract.ts, which the domain below the API reads (docs/ARCHITECTURE.md, "Floors").
 */
import type { Api } from '../api/types';
import type { AppError, Result } from '../result';
import type { RunningHub, StationOptions, StationStatus, TeamHub } from '../team/contract';

export interface StartHubOptions {
  readonly hub: TeamHub;
  /** The API made with `team: hub`: the server carries exactly this object. */
  readonly api: Api;
  /** Default "0.0.0.0" (the office network). Tests use "127.0.0.1". */
  readonly host?: string;
  /** Default DEFAULT_HUB_PORT; 0 picks a free port. */
  readonly port?: number;
}

/** Makes the certificate on first use (data folder), then listens. */
export type StartHub = (options: StartHubOptions) => Promise<Result<RunningHub, AppError>>;

export interface StationHandle {
  /** The same API interface as the hub's, for the station's UI (serve harness, IPC). */
  readonly api: Api;
  status(): StationStatus;
  /** Delivers every queued change now (tests, the CLI); resolves when the outbox is empty or the hub is unreachable. */
  flush(): Promise<StationStatus>;
  /** Stops retrying and closes the station's database. Queued changes stay on disk. */
  close(): Promise<void>;
}

export type CreateStationApi = (options: StationOptions) => Result<StationHandle, AppError>;
