/**
 * Reading and confirming worksheet scans (docs/OCR.md; the workflows are in electron/core/scan-review).
 * Reading, confirming and setting aside a scan is data entry, like keying the worksheet. The reader
 * is made on the first read and kept for the life of the API; closing the API closes it (close-api.ts).
 */
import { z } from 'zod';
import { confirmScanReading } from '../../scan-review/confirm-scan';
import { confirmForeignScan, readForeignScan } from '../../scan-review/foreign-scan';
import { readScan } from '../../scan-review/read-scan';
import { rejectScan } from '../../scan-review/reject-scan';
import { getReportEvidence, getScanReading } from '../../scan-review/scan-views';
import { needs, open } from '../access';
import { defineMethod } from '../define-method';
import {
  actorFields,
  candidateName,
  coinTossSchema,
  precinctCode,
  reasonSchema,
  reportId,
  scanId,
} from '../schema-parts';

const enterResults = needs('enter-results', { typedNameWithoutTeam: true });
const pageNumber = z.number().int().min(1).max(1000).default(1);
const column = z.enum(['first', 'final', 'delegates']);
const confirmedValue = z
  .number()
  .int('Counts are whole numbers.')
  .min(0, 'Counts cannot be negative.')
  .max(999_999)
  .nullable();

export const scanMethods = {
  readScan: defineMethod({
    input: z.object({
      scanId,
      /** The precinct the person expects the sheet to be; the QR still decides, a mismatch is flagged. */
      expectedPrecinct: precinctCode.optional(),
      ...actorFields,
    }),
    access: enterResults,
    station: 'forward-change',
    handle: (input, { store, actor, clock, scanReaders }) =>
      readScan(
        store,
        () => scanReaders.reader(),
        { scanId: input.scanId, expectedPrecinct: input.expectedPrecinct, operator: actor.name },
        clock,
      ),
  }),

  getScanReading: defineMethod({
    input: z.object({ scanId }),
    access: open,
    station: 'forward',
    handle: (input, { store }) => getScanReading(store, input.scanId),
  }),

  confirmScanReading: defineMethod({
    input: z.object({
      scanId,
      pageNumber,
      /** The reading the person reviewed: refused if the scan was read again meanwhile. */
      readingId: z.number().int().positive().optional(),
      precinct: precinctCode,
      /** Every field read, as the person confirmed it; null is refused with the field named. */
      fields: z
        .array(z.object({ candidate: candidateName, column, value: confirmedValue }))
        .min(1, 'Confirm the fields read from the sheet.')
        .max(1000),
      coinTosses: z.array(coinTossSchema).max(20).default([]),
      /** Why the sheet belongs to another precinct than the one its QR code names. */
      precinctOverrideReason: reasonSchema.optional(),
      ...actorFields,
    }),
    access: enterResults,
    station: 'forward-change',
    handle: (input, { store, actor, at }) =>
      confirmScanReading(store, { ...input, operator: actor.name }, at.toISOString()),
  }),

  /** A scan set aside as unreadable: nothing from it enters the results; the file stays stored. */
  rejectScan: defineMethod({
    input: z.object({ scanId, reason: reasonSchema, ...actorFields }),
    access: enterResults,
    station: 'forward-change',
    handle: (input, { store, actor, at }) =>
      rejectScan(store, { scanId: input.scanId, reason: input.reason, operator: actor.name }, at.toISOString()),
  }),

  /** The scan a report was confirmed from (the discrepancy queue's evidence), or null. */
  getReportEvidence: defineMethod({
    input: z.object({ reportId }),
    access: open,
    station: 'forward',
    handle: (input, { store }) => getReportEvidence(store, input.reportId),
  }),

  /** A picture that is not a Tallyroom worksheet, read as a table of numbers (always mapped by a person). */
  readForeignScan: defineMethod({
    input: z.object({ scanId, ...actorFields }),
    access: enterResults,
    station: 'forward-change',
    handle: (input, { store, actor, clock, scanReaders }) =>
      readForeignScan(store, () => scanReaders.reader(), { scanId: input.scanId, operator: actor.name }, clock),
  }),

  confirmForeignScan: defineMethod({
    input: z.object({
      scanId,
      pageNumber,
      /** The reading the person mapped: required, refused if the scan was read again meanwhile. */
      readingId: z.number().int().positive(),
      precinct: precinctCode,
      /** Every candidate's first, final and delegates as the person confirmed them; null is refused, naming the field. */
      fields: z
        .array(
          z.object({
            candidate: candidateName,
            column,
            value: confirmedValue,
            /** The number box on the picture the value was taken from; absent or null when typed. */
            tokenIndex: z.number().int().min(0).max(100_000).nullable().optional(),
          }),
        )
        .max(1000),
      coinTosses: z.array(coinTossSchema).max(20).default([]),
      ...actorFields,
    }),
    access: enterResults,
    station: 'forward-change',
    handle: (input, { store, actor, at }) =>
      confirmForeignScan(store, { ...input, operator: actor.name }, at.toISOString()),
  }),
};
