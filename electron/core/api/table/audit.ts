/**
 * The risk-limiting audit of the county's certified results (docs/RLA.md, "The audit in the app";
 * the workflow is electron/core/rla/county-audit). Only a chair or a recount verifier runs it. The
 * flow: auditPlan (what the risk limit asks for), auditStart (the public seed, fixed before any draw),
 * auditDraw (round 1), auditEnterHandTally (blind: the reported numbers come back only with the
 * tally), auditMeasure, auditNextRound (escalate; a full hand count when it reaches every precinct),
 * auditReport. Every change is one transaction with its audit-log entry.
 */
import { z } from 'zod';
import { auditReportFile } from '../../rla/county-audit/audit-report-file';
import { currentAuditView } from '../../rla/county-audit/current-audit';
import { drawFirstRound, escalateAudit } from '../../rla/county-audit/draw-round';
import { enterHandTally } from '../../rla/county-audit/hand-tally';
import { measureAuditRisk } from '../../rla/county-audit/measure-risk';
import { planCountyAudit } from '../../rla/county-audit/plan-county-audit';
import { startAudit } from '../../rla/county-audit/start-audit';
import { needs, open } from '../access';
import { defineMethod } from '../define-method';
import { candidateName, precinctCode, sessionToken } from '../schema-parts';

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
const runAudit = needs('run-audit');

export const auditMethods = {
  /** What a risk limit asks for on the county's results now: read only, nothing drawn. */
  auditPlan: defineMethod({
    input: z.object({ riskLimit, seed: seed.optional() }),
    access: open,
    station: 'forward',
    handle: (input, { store }) => planCountyAudit(store, input.riskLimit, input.seed ?? null),
  }),

  auditStart: defineMethod({
    input: z.object({
      session: sessionToken,
      riskLimit,
      seed,
      /** Where and how the seed was rolled, e.g. "10 dice at the county central committee, 7 pm". */
      seedNote: z.string().trim().max(500).optional(),
    }),
    access: runAudit,
    station: 'forward-change',
    handle: (input, { store, actor, clock }) => startAudit(store, actor.name, input, clock().toISOString()),
  }),

  auditDraw: defineMethod({
    input: z.object({ session: sessionToken, auditId }),
    access: runAudit,
    station: 'forward-change',
    handle: (input, { store, actor, clock }) => drawFirstRound(store, actor.name, input.auditId, clock().toISOString()),
  }),

  auditEnterHandTally: defineMethod({
    input: z.object({
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
    access: runAudit,
    station: 'forward-change',
    handle: (input, { store, actor, clock }) => enterHandTally(store, actor.name, input, clock().toISOString()),
  }),

  auditMeasure: defineMethod({
    input: z.object({ session: sessionToken, auditId }),
    access: runAudit,
    station: 'forward-change',
    handle: (input, { store, actor, clock }) =>
      measureAuditRisk(store, actor.name, input.auditId, clock().toISOString()),
  }),

  auditNextRound: defineMethod({
    input: z.object({ session: sessionToken, auditId }),
    access: runAudit,
    station: 'forward-change',
    handle: (input, { store, actor, clock }) => escalateAudit(store, actor.name, input.auditId, clock().toISOString()),
  }),

  auditReport: defineMethod({
    input: z.object({ session: sessionToken, auditId, format: z.enum(['csv', 'pdf']) }),
    access: runAudit,
    station: 'forward',
    handle: (input, { store, actor, clock }) => auditReportFile(store, actor.name, input, clock),
  }),

  getAudit: defineMethod({
    input: z.object({ auditId }),
    access: open,
    station: 'forward',
    handle: (input, { store }) => currentAuditView(store, input.auditId),
  }),
};
