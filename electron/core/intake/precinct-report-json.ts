import { z } from 'zod';
import { type AppError, appError, ok, type Result } from '../result';
import type { CandidateLine, CoinToss, PrecinctResult } from '../rules/types';
import { INTAKE_LIMITS } from './limits';
import { parseUntrustedJson } from './safe-json';

/**
 * The app's own precinct report file (docs/INTAKE.md): what the keyboard-entry station and
 * precinct chairs' exports write, one precinct per file. Versioned: a reader refuses versions it
 * does not know rather than guessing. Strict: unknown keys are refused, so a typo is not data lost.
 */
export const PRECINCT_REPORT_FORMAT = 'tallyroom.precinct-report';
export const PRECINCT_REPORT_VERSION = 1;

/** Counts as written; negative or fractional ones are refused at intake with the precinct named. */
const count = z.number().finite().nullable();
const name = z.string().trim().min(1).max(120);

const lineSchema = z.strictObject({
  candidate: name,
  firstAlignment: count,
  finalAlignment: count,
  delegatesAwarded: count.optional(),
  sde: count.optional(),
});

const coinTossSchema = z
  .strictObject({
    tied: z.array(name).min(2).max(50),
    winners: z.array(name).min(1).max(50),
  })
  .refine((toss) => toss.winners.every((winner) => toss.tied.includes(winner)), {
    message: 'every winner of a coin toss must be one of the tied groups',
  });

export const precinctReportV1Schema = z
  .strictObject({
    format: z.literal(PRECINCT_REPORT_FORMAT),
    version: z.literal(PRECINCT_REPORT_VERSION),
    county: z.string().trim().min(1).max(120),
    precinct: z.string().trim().min(1).max(40),
    precinctDelegates: z.number().int().min(0).max(10_000).nullable().optional(),
    lines: z.array(lineSchema).min(1).max(200),
    coinTosses: z.array(coinTossSchema).max(20).optional(),
    preparedBy: z.string().trim().min(1).max(120),
    preparedAt: z.iso.datetime({ offset: true }),
    note: z.string().max(2000).optional(),
  })
  .refine((report) => new Set(report.lines.map((line) => line.candidate)).size === report.lines.length, {
    message: 'a candidate appears on two lines',
    path: ['lines'],
  });

export type PrecinctReportV1 = z.output<typeof precinctReportV1Schema>;

export interface PrecinctReportFile {
  readonly report: PrecinctReportV1;
  readonly result: PrecinctResult;
}

export function parsePrecinctReportJson(fileName: string, bytes: Uint8Array): Result<PrecinctReportFile, AppError> {
  const json = parseUntrustedJson(fileName, bytes, {
    maxBytes: INTAKE_LIMITS.maxJsonBytes,
    maxDepth: INTAKE_LIMITS.maxJsonDepth,
  });
  if (!json.ok) return json;
  const value = json.value;
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const format = isObject ? (value as Record<string, unknown>).format : undefined;
  const version = isObject ? (value as Record<string, unknown>).version : undefined;
  if (format !== PRECINCT_REPORT_FORMAT) {
    return appError(
      'NOT_A_PRECINCT_REPORT',
      `${fileName} is JSON but not a Tallyroom precinct report (its "format" is not "${PRECINCT_REPORT_FORMAT}"). Nothing was imported.`,
    );
  }
  if (typeof version === 'number' && version > PRECINCT_REPORT_VERSION) {
    return appError(
      'UNSUPPORTED_VERSION',
      `${fileName} is a version ${version} precinct report, made by a newer Tallyroom; this one reads version ${PRECINCT_REPORT_VERSION}. Update Tallyroom, or export the report again from the older version. Nothing was imported.`,
    );
  }
  const parsed = precinctReportV1Schema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : '';
    return appError(
      'FILE_HAS_PROBLEMS',
      `${fileName} is not a valid precinct report${where}: ${describeIssue(issue)}${more}. Nothing was imported; fix the file and try again.`,
      parsed.error.issues.slice(0, 50).map((entry) => ({ path: entry.path.map(String), message: entry.message })),
    );
  }
  const report = parsed.data;
  const lines: CandidateLine[] = report.lines.map((line) => ({
    candidate: line.candidate,
    firstAlignment: line.firstAlignment,
    finalAlignment: line.finalAlignment,
    delegatesAwarded: line.delegatesAwarded ?? null,
    sde: line.sde ?? null,
  }));
  const coinTosses: CoinToss[] = (report.coinTosses ?? []).map((toss) => ({ tied: toss.tied, winners: toss.winners }));
  return ok({
    report,
    result: {
      county: report.county,
      precinct: report.precinct,
      precinctDelegates: report.precinctDelegates ?? null,
      sdePerDelegate: null,
      lines,
      coinTosses,
    },
  });
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'it does not match the format';
  if (issue.code === 'invalid_type') {
    return `expected ${issue.expected === 'number' ? 'a number' : issue.expected}, found ${describeInput(issue.input)}`;
  }
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  return issue.message.replace(/\.$/, '');
}

function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (typeof input === 'string') return `the text "${input.slice(0, 40)}"`;
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  return typeof input === 'object' ? 'an object' : String(input);
}

/** A precinct report file as the app writes it (keyboard station export, a chair's own copy). */
export function writePrecinctReportJson(report: Omit<PrecinctReportV1, 'format' | 'version'>): string {
  return `${JSON.stringify({ format: PRECINCT_REPORT_FORMAT, version: PRECINCT_REPORT_VERSION, ...report }, null, 2)}\n`;
}
