import { z } from 'zod';
import { BUNDLE_STATUSES } from '../model/bundle-status';
import { FINDING_CODES } from '../model/finding';
import { PRECINCT_STATUSES } from '../model/precinct-status';
import { RULES_PROFILES } from '../model/rules-profile';

/** The value of `schema` in data/results.json; a new incompatible layout gets a new number. */
export const RESULTS_SCHEMA_ID = 'tallyroom-results/1';

const count = z.number().finite().nullable();
const line = z.strictObject({
  candidate: z.string().min(1),
  firstAlignment: count,
  finalAlignment: count,
  delegatesAwarded: count,
  sde: count,
});
const coinToss = z.strictObject({ tied: z.array(z.string()), winners: z.array(z.string()) });
const finding = z.strictObject({
  code: z.enum(FINDING_CODES),
  candidate: z.string().optional(),
  message: z.string(),
});
const candidateTotal = z.strictObject({
  candidate: z.string().min(1),
  firstAlignment: z.number(),
  finalAlignment: z.number(),
  delegates: z.number(),
  sde: z.number(),
});

/**
 * data/results.json, version 1 (docs/BUNDLE.md documents every field). Parsed strictly: an
 * unknown field is an error, so a reader never silently ignores something a county sent.
 */
export const resultsDocumentSchema = z.strictObject({
  schema: z.literal(RESULTS_SCHEMA_ID),
  county: z.string().min(1),
  election: z.strictObject({
    name: z.string().min(1),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    rulesProfile: z.enum(RULES_PROFILES),
    sdePerDelegate: z.number().positive(),
  }),
  bundle: z.strictObject({
    sequence: z.number().int().min(1),
    status: z.enum(BUNDLE_STATUSES),
    generatedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
    appVersion: z.string().min(1),
    keyId: z.string().regex(/^[0-9A-F]{16}$/),
  }),
  candidates: z.array(z.strictObject({ name: z.string().min(1), ballotOrder: z.number().int().min(1) })),
  precincts: z.array(
    z.strictObject({
      code: z.string().min(1),
      name: z.string(),
      delegates: z.number().int().min(0),
      status: z.enum(PRECINCT_STATUSES),
      /** The standing report's numbers; null when the precinct is missing or in conflict. */
      result: z
        .strictObject({
          source: z.string(),
          reportSha256: z.string().regex(/^[0-9a-f]{64}$/),
          receivedAt: z.string(),
          lines: z.array(line),
          coinTosses: z.array(coinToss),
        })
        .nullable(),
      findings: z.array(finding),
    }),
  ),
  precinctsReporting: z.number().int().min(0),
  totals: z.array(candidateTotal),
  /**
   * Added field (docs/BUNDLE.md): the part of each candidate's delegates and SDEs in totals that comes from
   * precincts whose result has findings. Optional so bundles made before it still read.
   */
  totalsFromPrecinctsWithFindings: z
    .array(z.strictObject({ candidate: z.string(), delegates: z.number(), sde: z.number() }))
    .optional(),
  auditLog: z.strictObject({ entries: z.number().int().min(1), headHash: z.string().regex(/^[0-9a-f]{64}$/) }),
});

export type ResultsDocument = z.infer<typeof resultsDocumentSchema>;
export type ResultsPrecinct = ResultsDocument['precincts'][number];
export type CandidateTotals = ResultsDocument['totals'];
