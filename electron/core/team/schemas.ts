/**
 * Input schemas of the team-mode API methods (docs/TEAM.md), spread into the API's inputSchemas so
 * every transport validates them like any other method.
 */
import { z } from 'zod';

const sessionToken = z.string().min(16, 'Sign in first.').max(200);
const precinctCode = z.string().trim().min(1).max(40);
const stationId = z
  .string()
  .trim()
  .regex(/^st-[0-9a-f]{8}$/, 'That is not a station id (they look like st-3f9a2c71).');

export const teamInputSchemas = {
  getTeamStatus: z.object({}).strict(),
  createPairingCode: z.object({ session: sessionToken }),
  listStations: z.object({}).strict(),
  revokeStation: z.object({
    session: sessionToken,
    stationId,
    reason: z.string().trim().min(3, 'Say why in a few words: the reason is recorded.').max(2000),
  }),
  openPrecinct: z.object({
    session: sessionToken,
    precinct: precinctCode,
    purpose: z.enum(['entry', 'second-entry']).default('entry'),
  }),
  closePrecinct: z.object({ session: sessionToken, precinct: precinctCode }),
  listPrecinctLeases: z.object({}).strict(),
  pairWithHub: z.object({
    /** "https://192.168.1.20:7443", "192.168.1.20:7443", or the text of the hub's QR. */
    hubUrl: z.string().trim().min(1, 'Type the hub address shown on the chair’s screen.').max(2000),
    code: z.string().trim().min(1, 'Type the pairing code shown on the chair’s screen.').max(40),
    stationName: z.string().trim().min(1, 'Give this laptop a name the chair will recognise.').max(80),
  }),
  exportStationBatch: z.object({ session: sessionToken.optional() }),
} as const;
