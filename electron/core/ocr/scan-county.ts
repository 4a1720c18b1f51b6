import type { RulesProfileId } from '../rules/types';
import type { CountyStore } from '../store/county-store';
import type { WorksheetCandidate, WorksheetElection, WorksheetPrecinct } from './worksheet-layout';

/** What the reader needs to know of the county: whose sheets these are, and the sheet's arithmetic. */
export interface ScanCounty {
  readonly election: WorksheetElection & { readonly rulesProfile: RulesProfileId; readonly sdePerDelegate: number };
  readonly candidates: readonly WorksheetCandidate[];
  readonly precincts: readonly WorksheetPrecinct[];
}

export function scanCountyFromStore(store: CountyStore): ScanCounty | null {
  const election = store.getElection();
  if (!election) return null;
  return {
    election: {
      county: election.county,
      name: election.name,
      date: election.date,
      rulesProfile: election.rulesProfile,
      sdePerDelegate: election.sdePerDelegate,
    },
    candidates: store.listCandidates().map(({ name, ballotOrder }) => ({ name, ballotOrder })),
    precincts: store.listPrecincts().map(({ code, name, delegates }) => ({ code, name, delegates })),
  };
}
