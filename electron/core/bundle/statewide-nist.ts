import type { BundleStatus } from '../model/bundle-status';
import type { CountedCounty } from './aggregate';
import { buildNistElectionReport } from './nist-election-report';
import type { ResultsDocument } from './results-document';

export interface StatewideNistIdentity {
  readonly generatedAt: string;
  readonly appVersion: string;
  readonly issuer: string;
  readonly status: BundleStatus;
}

// The county writer's structure, as far as the statewide report reshapes it.
interface GpUnit {
  '@id': string;
  Type: string;
  ComposingGpUnitIds?: string[];
  [field: string]: unknown;
}
interface Report {
  GpUnit: GpUnit[];
  ExternalIdentifier: unknown[];
  Election: unknown[];
  [field: string]: unknown;
}

/**
 * The statewide NIST SP 1500-100 ElectionReport. One writer for county and state: the county
 * writer (nist-election-report.ts) is fed every counted county's precincts as one document, then
 * its top unit becomes the state and a county unit is put between the state and its precincts, so
 * a reader can total any county. Ids stay positional (gpu-precinct-N in the order of the counted
 * counties, gpu-county-N), never built from names.
 */
export function buildStatewideNistReport(counted: readonly CountedCounty[], identity: StatewideNistIdentity): unknown {
  const report = renameTopUnit(buildNistElectionReport(statewideDocument(counted, identity)) as Report);
  const [state, ...precinctUnits] = report.GpUnit;
  if (!state) throw new Error('the NIST writer gave no top reporting unit');
  let next = 0;
  const countyUnits: GpUnit[] = counted.map((county, index) => {
    const ids = county.precincts.map(() => `gpu-precinct-${++next}`);
    const reporting = county.precincts.filter((precinct) => precinct.result !== null).length;
    return {
      '@id': `gpu-county-${index + 1}`,
      '@type': 'ElectionResults.ReportingUnit',
      Type: 'county',
      Name: {
        '@type': 'ElectionResults.InternationalizedText',
        Text: [{ '@type': 'ElectionResults.LanguageString', Content: county.county, Language: 'en' }],
      },
      ComposingGpUnitIds: ids,
      SubUnitsReported: reporting,
      TotalSubUnits: county.precincts.length,
    };
  });
  return {
    ...report,
    // The statewide report is not a county bundle: it has no sequence number of its own.
    ExternalIdentifier: [
      {
        '@type': 'ElectionResults.ExternalIdentifier',
        Type: 'other',
        OtherType: 'tallyroom-counties-reporting',
        Value: String(counted.length),
      },
    ],
    GpUnit: [
      { ...state, '@id': STATE_ID, Type: 'state', ComposingGpUnitIds: countyUnits.map((unit) => unit['@id']) },
      ...countyUnits,
      ...precinctUnits,
    ],
  };
}

const STATE_ID = 'gpu-state';

/**
 * The writer names its top unit in three places (the unit, the election's scope, the contest's
 * district); here that unit is the state. Precinct counts refer to precincts only, so nothing else
 * names it, and the precinct-level bulk is left untouched.
 */
function renameTopUnit(report: Report): Report {
  const elections = report.Election as { Contest: Record<string, unknown>[]; [field: string]: unknown }[];
  return {
    ...report,
    Election: elections.map((election) => ({
      ...election,
      ElectionScopeId: STATE_ID,
      Contest: election.Contest.map((contest) => ({ ...contest, ElectionDistrictId: STATE_ID })),
    })),
  };
}

/**
 * Every counted county's precincts as one results document: candidates in the order they first
 * appear, precincts named "County: precinct" so two counties' precinct 1 stay apart.
 */
function statewideDocument(counted: readonly CountedCounty[], identity: StatewideNistIdentity): ResultsDocument {
  const first = counted[0];
  if (!first) throw new Error('a statewide report needs at least one counted county');
  const names: string[] = [];
  for (const county of counted) {
    for (const candidate of [...county.candidates].sort((a, b) => a.ballotOrder - b.ballotOrder)) {
      if (!names.includes(candidate.name)) names.push(candidate.name);
    }
  }
  const precincts = counted.flatMap((county) =>
    county.precincts.map((precinct) => ({
      ...precinct,
      name: `${county.county}: ${precinct.name || precinct.code}`,
    })),
  );
  return {
    schema: 'tallyroom-results/1',
    county: identity.issuer,
    election: first.election,
    bundle: {
      sequence: 1,
      status: identity.status,
      generatedAt: identity.generatedAt,
      appVersion: identity.appVersion,
      keyId: '0000000000000000',
    },
    candidates: names.map((name, index) => ({ name, ballotOrder: index + 1 })),
    precincts,
    precinctsReporting: precincts.filter((precinct) => precinct.result !== null).length,
    totals: [],
    auditLog: { entries: 1, headHash: '0'.repeat(64) },
  };
}
