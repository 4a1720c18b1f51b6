/**
 * Team mode (docs/TEAM.md) on the hub, and on a laptop that is not in team mode. A station answers
 * these itself or through its hub (team/station-api.ts, by each entry's `station`); the hub's
 * answers come from its TeamHub, which checks the person again for its own callers (stations' leases).
 */
import { z } from 'zod';
import { type AppError, appError, ok, type Result } from '../../result';
import type { StationBatchFile, StationStatus, TeamHub, TeamStatus } from '../../team/contract';
import { isHubState } from '../../team/hub-state';
import { standaloneLease } from '../../team/standalone-lease';
import { needs, open, signedIn } from '../access';
import { defineMethod } from '../define-method';
import { noInput, precinctCode, sessionToken } from '../schema-parts';

const stationId = z
  .string()
  .trim()
  .regex(/^st-[0-9a-f]{8}$/, 'That is not a station id (they look like st-3f9a2c71).');
const NOT_A_STATION = 'This laptop is not a station. Pairing and batch files are done on a station laptop.';

function hubOf(team: TeamHub | undefined) {
  return team && isHubState(team) ? team : undefined;
}

function hubNotRunning() {
  return appError('HUB_NOT_RUNNING', 'Team mode is not on: start Tallyroom as the hub to pair stations.');
}

export const teamMethods = {
  getTeamStatus: defineMethod({
    input: noInput,
    access: open,
    station: 'station',
    handle: (_input, { team, clock }) => {
      const hub = hubOf(team);
      // A station answers with its own status (mode 'station'): the type is the whole TeamStatus.
      return ok<TeamStatus>(hub ? hub.status(clock()) : { mode: 'standalone' });
    },
  }),

  createPairingCode: defineMethod({
    input: z.object({ session: sessionToken }),
    access: needs('manage-operators'),
    station: 'hub-only',
    handle: (input, { team, at }) => hubOf(team)?.createPairingCode(input.session, at) ?? hubNotRunning(),
  }),

  listStations: defineMethod({
    input: noInput,
    access: open,
    station: 'hub-only',
    handle: (_input, { team, clock }) => ok(hubOf(team)?.listStations(clock()) ?? []),
  }),

  revokeStation: defineMethod({
    input: z.object({
      session: sessionToken,
      stationId,
      reason: z.string().trim().min(3, 'Say why in a few words: the reason is recorded.').max(2000),
    }),
    access: needs('manage-operators'),
    station: 'hub-only',
    handle: (input, { team, at }) => hubOf(team)?.revokeStation(input, at) ?? hubNotRunning(),
  }),

  /** Who is keying which precinct, so two stations do not key the same one unknowingly. */
  openPrecinct: defineMethod({
    input: z.object({
      session: sessionToken,
      precinct: precinctCode,
      purpose: z.enum(['entry', 'second-entry']).default('entry'),
    }),
    access: signedIn,
    station: 'forward-change',
    handle: (input, { store, team, actor, at }) => {
      const hub = hubOf(team);
      return hub ? hub.openPrecinct({ ...input, stationId: null }, at) : standaloneLease(store, actor, input, at);
    },
  }),

  /** Checked by the hub's team state; a laptop alone keeps no leases, so there is nothing to close. */
  closePrecinct: defineMethod({
    input: z.object({ session: sessionToken, precinct: precinctCode }),
    access: open,
    station: 'forward-change',
    handle: (input, { team, clock }) => {
      const hub = hubOf(team);
      return hub ? hub.closePrecinct({ ...input, stationId: null }, clock()) : ok(null);
    },
  }),

  listPrecinctLeases: defineMethod({
    input: noInput,
    access: open,
    station: 'cache',
    handle: (_input, { team, clock }) => ok(hubOf(team)?.listLeases(clock()) ?? []),
  }),

  pairWithHub: defineMethod({
    input: z.object({
      /** "https://192.168.1.20:7443", "192.168.1.20:7443", or the text of the hub's QR. */
      hubUrl: z.string().trim().min(1, 'Type the hub address shown on the chair’s screen.').max(2000),
      code: z.string().trim().min(1, 'Type the pairing code shown on the chair’s screen.').max(40),
      stationName: z.string().trim().min(1, 'Give this laptop a name the chair will recognise.').max(80),
    }),
    access: open,
    station: 'station',
    handle: (): Result<StationStatus, AppError> => appError('NOT_A_STATION', NOT_A_STATION),
  }),

  exportStationBatch: defineMethod({
    input: z.object({ session: sessionToken.optional() }),
    access: open,
    station: 'station',
    handle: (): Result<StationBatchFile, AppError> => appError('NOT_A_STATION', NOT_A_STATION),
  }),
};
