/**
 * The discrepancy queue, certification, recounts and corrections, and the recount report
 * (docs/ARCHITECTURE.md, "Who is acting"): each change by a person whose role allows it, the
 * chair's PIN typed again where the act is final; the domain is electron/core/verify.
 */
import { z } from 'zod';
import { ok } from '../../result';
import { VERIFICATION_POLICY } from '../../status/verification-policy';
import { correctCertifiedResult, enterRecount } from '../../verify/certified-change';
import { certifyCounty, certifyPrecinct } from '../../verify/certify';
import { countyDiscrepancies, countyRecountSummary, recountReportFile } from '../../verify/county-verification-reads';
import { resolveDiscrepancy } from '../../verify/resolve-discrepancy';
import { needs, open } from '../access';
import { defineMethod } from '../define-method';
import {
  coinTossSchema,
  noInput,
  pinSchema,
  precinctCode,
  reasonSchema,
  reportId,
  sessionToken,
  worksheetLineSchema,
  worksheetSchema,
} from '../schema-parts';

export const verificationMethods = {
  getVerificationPolicy: defineMethod({
    input: noInput,
    access: open,
    station: 'cache',
    handle: () => ok({ ...VERIFICATION_POLICY }),
  }),

  getDiscrepancies: defineMethod({
    input: noInput,
    access: open,
    station: 'cache',
    handle: (_input, { store }) => countyDiscrepancies(store),
  }),

  resolveDiscrepancy: defineMethod({
    input: z.object({
      session: sessionToken,
      precinct: precinctCode,
      /** The reports the chair compared; refused if another arrived meanwhile. */
      settles: z.array(reportId).min(1).max(1000),
      chosenReportId: reportId.optional(),
      lines: z.array(worksheetLineSchema).max(200).optional(),
      coinTosses: z.array(coinTossSchema).max(20).optional(),
      reason: reasonSchema,
    }),
    access: needs('resolve'),
    station: 'forward-change',
    handle: (input, { store, actor, clock }) => resolveDiscrepancy(store, actor, input, clock().toISOString()),
  }),

  certifyPrecinct: defineMethod({
    input: z.object({ session: sessionToken, pin: pinSchema, precinct: precinctCode }),
    access: needs('certify', { pinAgain: true }),
    station: 'forward-change',
    handle: (input, { store, actor, clock }) => certifyPrecinct(store, actor, input, clock().toISOString()),
  }),

  certifyCounty: defineMethod({
    input: z.object({ session: sessionToken, pin: pinSchema }),
    access: needs('certify', { pinAgain: true }),
    station: 'forward-change',
    handle: (_input, { store, actor, clock }) => certifyCounty(store, actor, clock().toISOString()),
  }),

  submitRecount: defineMethod({
    input: worksheetSchema.extend({ session: sessionToken, reason: reasonSchema }),
    access: needs('enter-recount'),
    station: 'forward-change',
    handle: (input, { store, actor, clock }) => enterRecount(store, actor, input, clock().toISOString()),
  }),

  correctCertifiedResult: defineMethod({
    input: worksheetSchema.extend({ session: sessionToken, pin: pinSchema, reason: reasonSchema }),
    access: needs('certify', { pinAgain: true }),
    station: 'forward-change',
    handle: (input, { store, actor, clock }) => correctCertifiedResult(store, actor, input, clock().toISOString()),
  }),

  getRecountSummary: defineMethod({
    input: noInput,
    access: open,
    station: 'forward',
    handle: (_input, { store, clock }) => countyRecountSummary(store, clock().toISOString()),
  }),

  exportRecountReport: defineMethod({
    input: z.object({ format: z.enum(['pdf', 'xlsx']) }),
    access: open,
    station: 'forward',
    handle: (input, { store, clock }) => recountReportFile(store, input.format, clock().toISOString()),
  }),
};
