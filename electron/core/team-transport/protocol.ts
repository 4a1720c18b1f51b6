/**
 * The station <-> hub wire protocol (docs/TEAM.md): HTTPS POST, JSON bodies, a Result back.
 *   POST /team/v1/pair/challenge   {}                                   -> { hubNonce }
 *   POST /team/v1/pair/complete    PairCompleteBody                     -> { stationId, token, hubProof, county }
 *   POST /team/v1/heartbeat        HeartbeatBody        (station auth)  -> null
 *   POST /team/v1/api/<method>     { requestId, input } (station auth) -> the API's Result
 * Station auth: `Authorization: Station <stationId>.<token>`.
 */
import { z } from 'zod';

export const TEAM_PATH_PREFIX = '/team/v1/';

export const pairChallengeBody = z.object({}).strict();

export const pairCompleteBody = z.object({
  stationNonce: z.string().min(16).max(100),
  hubNonce: z.string().min(16).max(100),
  stationName: z.string().trim().min(1).max(80),
  publicKey: z.string().min(40).max(200),
  proof: z.string().min(40).max(100),
});

export const heartbeatBody = z.object({
  queued: z.number().int().min(0).max(10_000_000),
  operator: z.string().max(80).nullable(),
  open: z
    .array(
      z.object({
        precinct: z.string().trim().min(1).max(40),
        purpose: z.enum(['entry', 'second-entry']),
        operator: z.string().max(80),
      }),
    )
    .max(200),
});

export const apiCallBody = z.object({
  /** On every request: the hub applies each change once under its id and records the station it came from. */
  requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  input: z.unknown(),
});

export function stationAuthorization(stationId: string, token: string): string {
  return `Station ${stationId}.${token}`;
}
