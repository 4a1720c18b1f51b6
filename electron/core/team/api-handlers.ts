/**
 * The team-mode API methods on the hub (and on a laptop that is not in team mode). A station
 * answers the same methods itself (station-api.ts); the hub's answers come from its TeamHub.
 */
import type { ApiParsedInput } from '../api/schemas';
import type { ApiOutputs } from '../api/types';
import { currentOperator } from '../operators/sessions';
import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import type { TeamHub } from './contract';
import { isHubState } from './hub-state';

type TeamMethod =
  | 'getTeamStatus'
  | 'createPairingCode'
  | 'listStations'
  | 'revokeStation'
  | 'openPrecinct'
  | 'closePrecinct'
  | 'listPrecinctLeases'
  | 'pairWithHub'
  | 'exportStationBatch';

type TeamHandlers = {
  [M in TeamMethod]: (
    input: ApiParsedInput<M>,
  ) => Result<ApiOutputs[M], AppError> | Promise<Result<ApiOutputs[M], AppError>>;
};

const NOT_A_STATION = 'This laptop is not a station. Pairing and batch files are done on a station laptop.';

export function teamHandlers(store: CountyStore, team: TeamHub | undefined, clock: () => Date): TeamHandlers {
  const hub = team && isHubState(team) ? team : undefined;
  const notRunning = () =>
    appError('HUB_NOT_RUNNING', 'Team mode is not on: start Tallyroom as the hub to pair stations.');
  return {
    getTeamStatus: () => ok(hub ? hub.status(clock()) : { mode: 'standalone' }),
    createPairingCode: (input) => (hub ? hub.createPairingCode(input.session, clock()) : notRunning()),
    listStations: () => ok(hub ? hub.listStations(clock()) : []),
    revokeStation: (input) => (hub ? hub.revokeStation(input, clock()) : notRunning()),
    openPrecinct: (input) =>
      hub ? hub.openPrecinct({ ...input, stationId: null }, clock()) : openWithoutTeam(store, input, clock()),
    closePrecinct: (input) => (hub ? hub.closePrecinct({ ...input, stationId: null }, clock()) : ok(null)),
    listPrecinctLeases: () => ok(hub ? hub.listLeases(clock()) : []),
    pairWithHub: () => appError('NOT_A_STATION', NOT_A_STATION),
    exportStationBatch: () => appError('NOT_A_STATION', NOT_A_STATION),
  };
}

/** A laptop alone has nobody to collide with: the lease is only an answer, nothing is kept. */
function openWithoutTeam(
  store: CountyStore,
  input: ApiParsedInput<'openPrecinct'>,
  now: Date,
): Result<ApiOutputs['openPrecinct'], AppError> {
  const who = currentOperator(store, input.session, now);
  if (!who.ok) return who;
  const precinct = store.findPrecinct(input.precinct);
  if (!precinct) return appError('UNKNOWN_PRECINCT', `There is no precinct "${input.precinct}".`);
  const at = now.toISOString();
  return ok({
    lease: {
      precinct: precinct.code,
      stationId: null,
      stationName: 'Hub',
      operator: who.value.name,
      purpose: input.purpose,
      openedAt: at,
      expiresAt: at,
    },
    alsoOpen: [],
  });
}
