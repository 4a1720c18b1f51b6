/** Input schemas of the risk-limiting audit's methods (docs/RLA.md), spread into inputSchemas. */
import { z } from 'zod';

const sessionToken = z.string().min(16, 'Sign in first.').max(200);
/** The newest audit when left out. */
const auditId = z.number().int().positive().optional();
const riskLimit = z
  .number()
  .finite()
  .gt(0, 'The risk limit must be more than 0%.')
  .lt(100, 'The risk limit must be less than 100%.');
/** Digits rolled with ten-sided dice at a public meeting (20 rolls is a good seed). */
const seed = z
  .string()
  .trim()
  .regex(/^[0-9]*$/, 'The seed is the digits rolled in public: type only 0-9, no spaces or other signs.')
  .min(6, 'Roll at least 6 dice for the seed (20 rolls is a good seed).')
  .max(200);
const precinctCode = z.string().trim().min(1).max(40);
const candidateName = z.string().trim().min(1).max(120);

export const auditInputSchemas = {
  auditPlan: z.object({ riskLimit, seed: seed.optional() }),
  auditStart: z.object({
    session: sessionToken,
    riskLimit,
    seed,
    /** Where and how the seed was rolled, e.g. "10 dice at the county central committee, 7 pm". */
    seedNote: z.string().trim().max(500).optional(),
  }),
  auditDraw: z.object({ session: sessionToken, auditId }),
  auditEnterHandTally: z.object({
    session: sessionToken,
    auditId,
    precinct: precinctCode,
    /** The hand count of every candidate (caucus: final alignment supporters; plurality: votes). */
    counts: z
      .array(
        z.object({
          candidate: candidateName,
          count: z.number().int('Counts are whole numbers.').min(0).max(10_000_000),
        }),
      )
      .min(1)
      .max(200),
    ballots: z.number().int().min(0).max(10_000_000).nullable().optional(),
    /** A correction: the tally it replaces (the precinct's standing one), and why. */
    replaces: z.number().int().positive().optional(),
    reason: z
      .string()
      .trim()
      .min(3, 'Say why the hand tally is corrected: the reason is recorded with it.')
      .max(2000)
      .optional(),
  }),
  auditMeasure: z.object({ session: sessionToken, auditId }),
  auditNextRound: z.object({ session: sessionToken, auditId }),
  auditReport: z.object({ session: sessionToken, auditId, format: z.enum(['csv', 'pdf']) }),
  getAudit: z.object({ auditId }),
};
