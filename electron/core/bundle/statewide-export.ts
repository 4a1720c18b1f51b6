import { zipSync } from 'fflate';
import { canonicalJson } from '../audit-log/canonical-json';
import type { BundleStatus } from '../model/bundle-status';
import { appError, ok, type Result } from '../result';
import { writePrecinctResultsCsv } from '../results-file/write-results';
import type { PrecinctResult } from '../rules/types';
import type { Aggregation, CountedCounty } from './aggregate';
import { resultsXlsxFromCsv } from './results-xlsx';
import { buildStatewideNistReport } from './statewide-nist';

/** The value of `schema` in the statewide results.json; a new incompatible layout gets a new number. */
export const STATEWIDE_SCHEMA_ID = 'tallyroom-statewide-results/1';

export const STATEWIDE_FILES = {
  json: 'results.json',
  csv: 'results.csv',
  xlsx: 'results.xlsx',
  nist: 'results.nist-1500-100.json',
} as const;

export interface StatewideExportIdentity {
  /** UTC, whole seconds (NIST's DateTimeWithZone has no fractions). */
  readonly generatedAt: string;
  readonly appVersion: string;
  /** Who publishes the statewide results (NIST Issuer), e.g. "Iowa Democratic Party". */
  readonly issuer: string;
}

/** The four statewide files by name, in the order they are listed above. */
export type StatewideFiles = ReadonlyMap<string, Uint8Array>;

/**
 * The statewide results in the county bundle's formats: results.json (statewide schema: totals,
 * counties reporting, each county's status, sequence and bundle fingerprint), results.csv (every
 * precinct of every counted county, the docs/CONTRACTS.md precinct results CSV), results.xlsx (the CSV cell
 * for cell) and a precinct-level NIST SP 1500-100 ElectionReport. Only counted counties appear: a
 * refused bundle's county has no precincts here.
 */
export function buildStatewideExport(
  aggregation: Aggregation,
  counted: readonly CountedCounty[],
  identity: StatewideExportIdentity,
): Result<StatewideFiles> {
  const first = counted[0];
  if (!first) {
    return appError(
      'NOTHING_TO_EXPORT',
      'No county bundle was counted, so there are no statewide results to export. Nothing was written.',
    );
  }
  const text = (value: string) => new Uint8Array(Buffer.from(value, 'utf8'));
  const csv = statewideCsv(counted);
  const status = statewideStatus(aggregation);
  return ok(
    new Map([
      [STATEWIDE_FILES.json, text(`${canonicalJson(statewideDocument(aggregation, first, identity, status))}\n`)],
      [STATEWIDE_FILES.csv, text(csv)],
      [STATEWIDE_FILES.xlsx, resultsXlsxFromCsv(csv)],
      [
        STATEWIDE_FILES.nist,
        text(`${JSON.stringify(buildStatewideNistReport(counted, { ...identity, status }), null, 1)}\n`),
      ],
    ]),
  );
}

/** The four files in one zip (the app's download). */
export function statewideZip(files: StatewideFiles): Uint8Array {
  return zipSync(Object.fromEntries(files), { level: 6 });
}

/** Every precinct with a standing result in every counted county, county by county (as precinct-results-of.ts does for one). */
export function statewideCsv(counted: readonly CountedCounty[]): string {
  const rows: PrecinctResult[] = counted.flatMap((county) =>
    county.precincts.flatMap((precinct) =>
      precinct.result
        ? [
            {
              county: county.county,
              precinct: precinct.code,
              precinctDelegates: precinct.delegates,
              sdePerDelegate: county.election.sdePerDelegate,
              lines: precinct.result.lines,
              coinTosses: precinct.result.coinTosses,
            },
          ]
        : [],
    ),
  );
  return writePrecinctResultsCsv(rows, '');
}

/**
 * Certified only when every registered county reports a certified bundle; complete when every
 * registered county reports; otherwise partial.
 */
export function statewideStatus(aggregation: Aggregation): BundleStatus {
  const allReporting = aggregation.counties.reporting === aggregation.counties.registered;
  if (allReporting && aggregation.byCounty.every((county) => county.status === 'certified')) return 'certified';
  return allReporting ? 'unofficial-complete' : 'unofficial-partial';
}

function statewideDocument(
  aggregation: Aggregation,
  first: CountedCounty,
  identity: StatewideExportIdentity,
  status: BundleStatus,
) {
  return {
    schema: STATEWIDE_SCHEMA_ID,
    issuer: identity.issuer,
    election: { name: first.election.name, date: first.election.date, rulesProfile: first.election.rulesProfile },
    generatedAt: identity.generatedAt,
    appVersion: identity.appVersion,
    status,
    counties: aggregation.counties,
    totals: aggregation.totals,
    byCounty: aggregation.byCounty.map((county) => ({
      county: county.county,
      status: county.status,
      sequence: county.sequence,
      fingerprint: county.fingerprint,
      precinctsReporting: county.precinctsReporting,
      precinctsTotal: county.precinctsTotal,
      findings: county.findings,
    })),
  };
}
