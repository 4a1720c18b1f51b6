/**
 * Input schemas of the API methods. Every transport (IPC, HTTP, in-process) goes through
 * these, so nothing unvalidated reaches the domain (DESIGN.md, "Untrusted input everywhere").
 */
import { z } from 'zod';
import { RULES_PROFILES } from '../rules/types';
import { REPORT_SOURCES } from './contract';
import type { ApiMethodName } from './methods';

const operatorName = z.string().trim().min(1, 'Enter the name of the person at the keyboard.').max(80);
const precinctCode = z.string().trim().min(1).max(40);
const candidateName = z.string().trim().min(1).max(120);
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
  createCounty: z.object({ operator: operatorName, setup: countySetupSchema }),
  loadDemoCounty: z.object({ operator: operatorName }),
  getPrecinct: z.object({ precinct: precinctCode }),
  evaluateWorksheet: worksheetSchema,
  submitWorksheet: worksheetSchema.extend({
    operator: operatorName,
    source: z.enum(REPORT_SOURCES).default('manual'),
  }),
  getAuditLog: z.object({
    limit: z.number().int().min(1).max(1000).default(100),
    offset: z.number().int().min(0).default(0),
  }),
  verifyAuditLog: z.object({}).strict(),
} as const satisfies Record<ApiMethodName, z.ZodType>;

/** Inputs are read-only to callers, so readonly arrays from the UI are accepted as they are. */
export type ApiInput<M extends ApiMethodName> = DeepReadonly<z.input<(typeof inputSchemas)[M]>>;
type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
export type ApiParsedInput<M extends ApiMethodName> = z.output<(typeof inputSchemas)[M]>;
