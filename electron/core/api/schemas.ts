/**
 * Input schemas of the API methods. Every transport (IPC, HTTP, in-process) goes through
 * these, so nothing unvalidated reaches the domain (docs/ARCHITECTURE.md, "Untrusted input everywhere").
 */
import { z } from 'zod';
import { PIN_PATTERN, PIN_RULE } from '../operators/pin-rule';
import { OPERATOR_ROLES } from '../operators/roles';
import { RULES_PROFILES } from '../rules/types';
import { teamInputSchemas } from '../team/schemas';
import { auditInputSchemas } from './audit-schemas';
import { bundleInputSchemas } from './bundle-schemas';
import { REPORT_SOURCES } from './contract';
import type { ApiMethodName } from './methods';
import { settingsInputSchemas } from './settings-schemas';

const operatorName = z.string().trim().min(1, 'Enter the name of the person at the keyboard.').max(80);
const precinctCode = z.string().trim().min(1).max(40);
const candidateName = z.string().trim().min(1).max(120);
const sessionToken = z.string().min(16, 'Sign in first.').max(200);
const pinSchema = z.string().regex(PIN_PATTERN, PIN_RULE);
const reportId = z.number().int().positive();
const reasonSchema = z
  .string()
  .trim()
  .min(3, 'Say why in a few words: the reason is recorded with the change.')
  .max(2000);
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

export const countySetupSchema = z.object({
  county: z.string().trim().min(1, 'Enter the county name.').max(120),
  name: z.string().trim().min(1, 'Enter the name of the election or caucus.').max(200),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD.'),
  rulesProfile: z.enum(RULES_PROFILES),
  sdePerDelegate: z.number().finite().positive('The SDE per county delegate must be more than zero.'),
  precincts: z
    .array(
      z.object({
        code: precinctCode,
        name: z.string().trim().min(1).max(200),
        delegates: z.number().int().min(0).max(10_000),
        chairEmail: z.string().trim().email().max(254).nullable().optional(),
      }),
    )
    .min(1, 'Add at least one precinct.')
    .max(20_000),
  candidates: z.array(candidateName).min(1, 'Add at least one candidate.').max(200),
});

export const inputSchemas = {
  getOverview: z.object({}).strict(),
  getElection: z.object({}).strict(),
  previewCountyDefinition: z.object({
    fileName: z.string().min(1).max(260),
    /** File bytes, base64 (the renderer has no file system; it reads the file the person chose). */
    contentBase64: z.string().max(70_000_000),
  }),
  createCounty: z
    .object({
      /** The county's chair, added to the team and allowed to sign in. */
      chair: z.object({ name: operatorName, pin: pinSchema }).optional(),
      /** Without a chair: a county with no team yet; its first person to sign up becomes chair. */
      operator: operatorName.optional(),
      setup: countySetupSchema,
    })
    .refine((input) => input.chair !== undefined || input.operator !== undefined, {
      message: 'Enter the county chair’s name and PIN.',
      path: ['chair'],
    }),
  loadDemoCounty: z.object({ operator: operatorName.optional() }),
  getPrecinct: z.object({ precinct: precinctCode }),
  evaluateWorksheet: worksheetSchema,
  submitWorksheet: worksheetSchema.extend({
    /** The signed-in person (signIn); `operator` only for a county without a team yet. */
    session: sessionToken.optional(),
    operator: operatorName.optional(),
    source: z.enum(REPORT_SOURCES).default('manual'),
  }),
  getAuditLog: z.object({
    limit: z.number().int().min(1).max(1000).default(100),
    offset: z.number().int().min(0).default(0),
  }),
  verifyAuditLog: z.object({}).strict(),
  getTeam: z.object({}).strict(),
  signUpChair: z.object({ name: operatorName, pin: pinSchema }),
  signIn: z.object({ name: operatorName, pin: z.string().min(1, 'Type your PIN.').max(40) }),
  signOut: z.object({ session: sessionToken }),
  getSession: z.object({ session: sessionToken }),
  addOperator: z.object({ session: sessionToken, name: operatorName, role: z.enum(OPERATOR_ROLES), pin: pinSchema }),
  getVerificationPolicy: z.object({}).strict(),
  getDiscrepancies: z.object({}).strict(),
  resolveDiscrepancy: z.object({
    session: sessionToken,
    precinct: precinctCode,
    /** The reports the chair compared; refused if another arrived meanwhile. */
    settles: z.array(reportId).min(1).max(1000),
    chosenReportId: reportId.optional(),
    lines: z.array(worksheetLineSchema).max(200).optional(),
    coinTosses: z.array(coinTossSchema).max(20).optional(),
    reason: reasonSchema,
  }),
  certifyPrecinct: z.object({ session: sessionToken, pin: pinSchema, precinct: precinctCode }),
  certifyCounty: z.object({ session: sessionToken, pin: pinSchema }),
  submitRecount: worksheetSchema.extend({ session: sessionToken, reason: reasonSchema }),
  correctCertifiedResult: worksheetSchema.extend({ session: sessionToken, pin: pinSchema, reason: reasonSchema }),
  getRecountSummary: z.object({}).strict(),
  exportRecountReport: z.object({ format: z.enum(['pdf', 'xlsx']) }),
  importFiles: z
    .object({
      /** A few files per call, so the app can show progress; each read in the renderer as base64. */
      files: z
        .array(
          z.object({
            /** The file's name, with its folders when a folder was chosen ("USB/P01.csv"). */
            fileName: z.string().min(1).max(1000),
            /** Up to the 40 MB an email may be (files are capped at 25 MB when staged). */
            contentBase64: z.string().max(56_000_000),
          }),
        )
        .min(1, 'Choose at least one file.')
        .max(50, 'Send at most 50 files at a time.'),
      session: sessionToken.optional(),
      operator: operatorName.optional(),
      source: z.enum(REPORT_SOURCES).default('usb'),
    })
    .refine((input) => input.files.reduce((sum, file) => sum + file.contentBase64.length, 0) <= 70_000_000, {
      message: 'Too much at once: send fewer files in each request.',
      path: ['files'],
    }),
  listQuarantine: z.object({ pendingOnly: z.boolean().default(true) }),
  acceptQuarantined: z.object({
    id: reportId,
    session: sessionToken.optional(),
    operator: operatorName.optional(),
    note: z.string().trim().max(2000).optional(),
  }),
  rejectQuarantined: z.object({
    id: reportId,
    session: sessionToken.optional(),
    operator: operatorName.optional(),
    note: z.string().trim().max(2000).optional(),
  }),
  listScanQueue: z.object({}).strict(),
  readScan: z.object({
    scanId: z.number().int().positive(),
    /** The precinct the person expects the sheet to be; the QR still decides, a mismatch is flagged. */
    expectedPrecinct: precinctCode.optional(),
    session: sessionToken.optional(),
    operator: operatorName.optional(),
  }),
  getScanReading: z.object({ scanId: z.number().int().positive() }),
  confirmScanReading: z.object({
    scanId: z.number().int().positive(),
    pageNumber: z.number().int().min(1).max(1000).default(1),
    /** The reading the person reviewed: refused if the scan was read again meanwhile. */
    readingId: z.number().int().positive().optional(),
    precinct: precinctCode,
    /** Every field read, as the person confirmed it; null is refused with the field named. */
    fields: z
      .array(
        z.object({
          candidate: candidateName,
          column: z.enum(['first', 'final', 'delegates']),
          value: z
            .number()
            .int('Counts are whole numbers.')
            .min(0, 'Counts cannot be negative.')
            .max(999_999)
            .nullable(),
        }),
      )
      .min(1, 'Confirm the fields read from the sheet.')
      .max(1000),
    coinTosses: z.array(coinTossSchema).max(20).default([]),
    /** Why the sheet belongs to another precinct than the one its QR code names. */
    precinctOverrideReason: reasonSchema.optional(),
    session: sessionToken.optional(),
    operator: operatorName.optional(),
  }),
  rejectScan: z.object({
    scanId: z.number().int().positive(),
    reason: reasonSchema,
    session: sessionToken.optional(),
    operator: operatorName.optional(),
  }),
  getReportEvidence: z.object({ reportId }),
  /** A picture that is not a Tallyroom worksheet, read as a table of numbers (always mapped by a person). */
  readForeignScan: z.object({
    scanId: z.number().int().positive(),
    session: sessionToken.optional(),
    operator: operatorName.optional(),
  }),
  confirmForeignScan: z.object({
    scanId: z.number().int().positive(),
    pageNumber: z.number().int().min(1).max(1000).default(1),
    /** The reading the person mapped: required, refused if the scan was read again meanwhile. */
    readingId: z.number().int().positive(),
    precinct: precinctCode,
    /** Every candidate's first, final and delegates as the person confirmed them; null is refused, naming the field. */
    fields: z
      .array(
        z.object({
          candidate: candidateName,
          column: z.enum(['first', 'final', 'delegates']),
          value: z
            .number()
            .int('Counts are whole numbers.')
            .min(0, 'Counts cannot be negative.')
            .max(999_999)
            .nullable(),
          /** The number box on the picture the value was taken from; absent or null when typed. */
          tokenIndex: z.number().int().min(0).max(100_000).nullable().optional(),
        }),
      )
      .max(1000),
    coinTosses: z.array(coinTossSchema).max(20).default([]),
    session: sessionToken.optional(),
    operator: operatorName.optional(),
  }),
  /** One precinct's worksheet, or every precinct's in one PDF when omitted. */
  worksheetPdf: z.object({ precinct: precinctCode.optional() }),
  ...teamInputSchemas,
  ...bundleInputSchemas,
  ...settingsInputSchemas,
  ...auditInputSchemas,
} as const satisfies Record<ApiMethodName, z.ZodType>;

/** Inputs are read-only to callers, so readonly arrays from the UI are accepted as they are. */
export type ApiInput<M extends ApiMethodName> = DeepReadonly<z.input<(typeof inputSchemas)[M]>>;
type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
export type ApiParsedInput<M extends ApiMethodName> = z.output<(typeof inputSchemas)[M]>;
