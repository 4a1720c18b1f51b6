import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AppError } from '../../../electron/core/result';
import {
  type AuditMeasurement,
  auditReportCsv,
  auditReportPdf,
  checkSeed,
  decimalText,
  measureAudit,
  nextRoundPlan,
  parsePlanJson,
  planAudit,
  planToJson,
  readAuditResultsFile,
  riskLimitAlpha,
  verdictSentence,
} from '../../../electron/core/rla';
import { isRulesProfileId, RULES_PROFILES, type RulesProfileId } from '../../../electron/core/rules/types';
import { type CliIo, EXIT, type ExitCode, printJson, UsageError } from '../io';
import { readInputFile } from './read-input-file';

const USAGE =
  'Use "tallyroom audit plan --reported FILE --risk-limit PCT [--seed DIGITS] [--rules iowa-dem-2020|plurality] [--json]", "tallyroom audit measure --reported FILE --audited FILE --sample PLAN.json [--report-dir DIR] [--json]" or "tallyroom audit next-round --reported FILE --audited FILE --sample PLAN.json [--json]".';

/** tallyroom audit plan|measure|next-round: the batch-comparison risk-limiting audit (docs/RLA.md). */
export async function auditCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const [step, ...rest] = args;
  if (step === 'plan') return auditPlan(rest, io);
  if (step === 'measure') return auditMeasure(rest, io);
  if (step === 'next-round') return auditNextRound(rest, io);
  throw new UsageError(USAGE);
}

async function auditPlan(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      reported: { type: 'string' },
      'risk-limit': { type: 'string' },
      seed: { type: 'string' },
      rules: { type: 'string', default: 'iowa-dem-2020' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.reported || !values['risk-limit']) throw new UsageError(`Give --reported and --risk-limit. ${USAGE}`);
  const rules = rulesOf(values.rules);
  const alpha = riskLimitAlpha(values['risk-limit']);
  if (!alpha.ok) return fail(io, alpha.error);
  const seed = values.seed === undefined ? null : checkSeed(values.seed);
  if (seed && !seed.ok) return fail(io, seed.error);
  const reported = await readAuditFile(io, values.reported, rules, true);
  if (!reported.ok) return fail(io, reported.error);

  const plan = planAudit({ reported: reported.value, alpha: alpha.value, seed: seed ? seed.value : null });
  if (!plan.ok) return fail(io, plan.error);
  const json = planToJson(plan.value, Number(values['risk-limit'].replace(/%$/, '')), rules);
  if (values.json) {
    printJson(io, json);
    return EXIT.ok;
  }
  for (const contest of json.contests) {
    io.out(
      `${contest.name}: reported winner ${contest.winners.join(', ')}; U = ${contest.U ?? 'infinite'}; ${
        contest.fullHandCount
          ? `full hand count of all ${contest.precincts} precincts`
          : `first round: ${contest.sampleSize} draw${contest.sampleSize === 1 ? '' : 's'} of ${contest.precincts} precincts`
      }.`,
    );
  }
  if (json.sample) {
    for (const ticket of json.sample) {
      io.out(
        `  ${ticket.county} ticket ${ticket.ticket}: ${ticket.precinct}${ticket.random ? ` (${ticket.random})` : ''}`,
      );
    }
  } else {
    io.out('No sample drawn: give --seed with the digits rolled in public.');
  }
  return EXIT.ok;
}

async function auditMeasure(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      reported: { type: 'string' },
      audited: { type: 'string' },
      sample: { type: 'string' },
      'report-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.reported || !values.audited || !values.sample) {
    throw new UsageError(`Give --reported, --audited and --sample. ${USAGE}`);
  }
  const planPath = resolve(io.cwd, values.sample);
  const plan = parsePlanJson(basename(planPath), new TextDecoder().decode(await readInputFile(planPath)));
  if (!plan.ok) return fail(io, plan.error);
  const reported = await readAuditFile(io, values.reported, plan.value.rules, true);
  if (!reported.ok) return fail(io, reported.error);
  const audited = await readAuditFile(io, values.audited, plan.value.rules, false);
  if (!audited.ok) return fail(io, audited.error);

  const measured = measureAudit({
    plan: plan.value,
    planFileName: basename(planPath),
    reported: reported.value,
    audited: audited.value,
    auditedFileName: basename(values.audited),
  });
  if (!measured.ok) return fail(io, measured.error);
  const report = values['report-dir'] ? await writeReport(io, values['report-dir'], measured.value) : null;
  const allConfirmed = measured.value.contests.every((contest) => contest.verdict.kind === 'confirmed');

  if (values.json) {
    printJson(io, {
      riskLimit: measured.value.riskLimit,
      seed: measured.value.seed,
      contests: measured.value.contests.map((contest) => ({
        name: contest.plan.contest.name,
        pValue: contest.measurement.pValue,
        confirmed: contest.verdict.kind === 'confirmed',
        verdict: contest.verdict.kind,
        verdictText: verdictSentence(contest.verdict),
        ...(contest.verdict.kind === 'another-round' ? { nextRoundSampleSize: contest.verdict.draws } : {}),
        draws: contest.measurement.draws.map((draw) => ({
          ticket: draw.ticket,
          precinct: draw.batch,
          discrepancy: draw.discrepancy ? Number(decimalText(draw.discrepancy.votes)) : 0,
          maxError: decimalText(draw.maxError),
          taint: decimalText(draw.taint),
        })),
      })),
      ...(report ? { report } : {}),
    });
  } else {
    for (const contest of measured.value.contests) {
      io.out(
        `${contest.plan.contest.name}: measured risk ${contest.measurement.pValue}: ${verdictSentence(contest.verdict)}.`,
      );
    }
    if (report) io.out(`Report: ${report.csv} and ${report.pdf}`);
  }
  return allConfirmed ? EXIT.ok : EXIT.problems;
}

/**
 * Draws the next round from the same seed (round 2, 3, ...) for every contest whose hand tallies
 * ask for one, with the app's own draw (drawNextRound). Prints the plan file with the new tickets
 * added: give it to "audit measure" with the new hand tallies, or to "next-round" again.
 */
async function auditNextRound(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      reported: { type: 'string' },
      audited: { type: 'string' },
      sample: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.reported || !values.audited || !values.sample) {
    throw new UsageError(`Give --reported, --audited and --sample. ${USAGE}`);
  }
  const planPath = resolve(io.cwd, values.sample);
  const plan = parsePlanJson(basename(planPath), new TextDecoder().decode(await readInputFile(planPath)));
  if (!plan.ok) return fail(io, plan.error);
  const reported = await readAuditFile(io, values.reported, plan.value.rules, true);
  if (!reported.ok) return fail(io, reported.error);
  const audited = await readAuditFile(io, values.audited, plan.value.rules, false);
  if (!audited.ok) return fail(io, audited.error);

  const next = nextRoundPlan({
    plan: plan.value,
    planFileName: basename(planPath),
    reported: reported.value,
    audited: audited.value,
    auditedFileName: basename(values.audited),
  });
  if (!next.ok) return fail(io, next.error);
  if (values.json) {
    printJson(io, next.value.plan);
    return EXIT.ok;
  }
  for (const { contest, round } of next.value.drawn) {
    const measured = next.value.measured.contests.find((entry) => entry.plan.contest.name === contest);
    if (!round) {
      io.out(`${contest}: no further round: ${measured ? verdictSentence(measured.verdict) : 'nothing to draw'}.`);
      continue;
    }
    io.out(
      `${contest}: round ${round.round}, ${
        round.kind === 'full-hand-count'
          ? `full hand count of the ${round.tickets.length} precincts not drawn before`
          : `${round.tickets.length} more draw${round.tickets.length === 1 ? '' : 's'}`
      }:`,
    );
    for (const ticket of round.tickets) {
      io.out(`  ticket ${ticket.ticket}: ${ticket.batch}${ticket.random ? ` (${ticket.random})` : ''}`);
    }
  }
  return EXIT.ok;
}

async function readAuditFile(io: CliIo, path: string, rules: RulesProfileId, ballotsRequired: boolean) {
  const fullPath = resolve(io.cwd, path);
  return readAuditResultsFile(basename(fullPath), await readInputFile(fullPath), rules, { ballotsRequired });
}

async function writeReport(io: CliIo, dir: string, audit: AuditMeasurement): Promise<{ csv: string; pdf: string }> {
  const folder = resolve(io.cwd, dir);
  await mkdir(folder, { recursive: true });
  const csv = join(folder, 'audit-report.csv');
  const pdf = join(folder, 'audit-report.pdf');
  await writeFile(csv, auditReportCsv(audit));
  await writeFile(pdf, await auditReportPdf(audit, new Date()));
  return { csv, pdf };
}

function rulesOf(value: string): RulesProfileId {
  if (!isRulesProfileId(value)) {
    throw new UsageError(`"${value}" is not a rules profile; use one of ${RULES_PROFILES.join(', ')}.`);
  }
  return value;
}

function fail(io: CliIo, error: AppError): ExitCode {
  io.err(error.message);
  return EXIT.badInput;
}
