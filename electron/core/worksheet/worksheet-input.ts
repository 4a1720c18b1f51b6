/**
 * A keyed worksheet as an input: what the API validates, and what a station's outbox and batch
 * files carry to the hub (team/station-batch.ts checks it again there).
 */
import { z } from 'zod';
import { REPORT_SOURCES } from '../model/report';
import { operatorName, sessionToken } from '../operators/actor-input';

export const precinctCode = z.string().trim().min(1).max(40);
export const candidateName = z.string().trim().min(1).max(120);
/** Counts arrive as typed: null when the box is empty; the rules checker judges the number. */
const count = z.number().finite().nullable();

export const coinTossSchema = z.object({
  tied: z.array(candidateName).min(2).max(50),
  winners: z.array(candidateName).min(1).max(50),
});

export const worksheetLineSchema = z.object({
  candidate: candidateName,
  firstAlignment: count,
  finalAlignment: count,
  delegatesAwarded: count,
});

export const worksheetSchema = z.object({
  precinct: precinctCode,
  lines: z.array(worksheetLineSchema).max(200),
  coinTosses: z.array(coinTossSchema).max(20).default([]),
});

/** A keyed worksheet: also what a station's outbox and batch files carry. */
export const submitWorksheetInput = worksheetSchema.extend({
  /** The signed-in person (signIn); `operator` only for a county without a team yet. */
  session: sessionToken.optional(),
  operator: operatorName.optional(),
  source: z.enum(REPORT_SOURCES).default('manual'),
});
