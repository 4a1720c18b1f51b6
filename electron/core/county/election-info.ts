import type { ElectionInfo } from '../model/county';
import type { CandidateRecord, ElectionRow, PrecinctRecord } from '../store/county-store';

export function electionInfo(
  election: ElectionRow,
  candidates: readonly CandidateRecord[],
  precincts: readonly PrecinctRecord[],
): ElectionInfo {
  return {
    county: election.county,
    name: election.name,
    date: election.date,
    rulesProfile: election.rulesProfile,
    sdePerDelegate: election.sdePerDelegate,
    candidates: candidates.map((candidate) => ({ name: candidate.name, ballotOrder: candidate.ballotOrder })),
    precinctCount: precincts.length,
    totalDelegates: precincts.reduce((total, precinct) => total + precinct.delegates, 0),
  };
}
