import type { CountySetupInput, ElectionInfo } from '../model/county';
import { addOperator } from '../operators/operator-accounts';
import { type AppError, appError, ok, type Result } from '../result';
import { parseCountyDefinition } from '../results-file/county-definition';
import { readTable } from '../results-file/table';
import type { CountyStore } from '../store/county-store';
import { electionInfo } from './election-info';

export function previewCountyDefinition(fileName: string, bytes: Uint8Array): Result<CountySetupInput, AppError> {
  const table = readTable(fileName, bytes);
  if (!table.ok) return table;
  return parseCountyDefinition(table.value, fileName, { rulesProfile: 'iowa-dem-2020' });
}

/** Creates the county in one transaction with its audit entry; a database holds one county. */
export function createCounty(
  store: CountyStore,
  setup: CountySetupInput,
  operator: string,
  at: string,
): Result<ElectionInfo, AppError> {
  const existing = store.getElection();
  if (existing) {
    return appError(
      'COUNTY_EXISTS',
      `This database already holds ${existing.county} (${existing.name}). Start a new database for another county.`,
    );
  }
  const duplicatePrecinct = firstDuplicate(setup.precincts.map((precinct) => precinct.code));
  if (duplicatePrecinct !== null) {
    return appError('DUPLICATE_PRECINCT', `Precinct ${duplicatePrecinct} is listed twice; each precinct once.`);
  }
  const duplicateCandidate = firstDuplicate(setup.candidates);
  if (duplicateCandidate !== null) {
    return appError('DUPLICATE_CANDIDATE', `${duplicateCandidate} is listed twice; each candidate once.`);
  }
  return store.transaction(() => {
    store.createCounty(setup, at);
    store.appendAudit({ at, operator, action: 'county.created', payload: setup });
    const election = store.getElection();
    if (!election) return appError('INTERNAL_ERROR', 'The county could not be read back after saving it.');
    return ok(electionInfo(election, store.listCandidates(), store.listPrecincts()));
  });
}

/**
 * County setup from the app: the person setting it up is its chair (name and PIN), the first
 * member of the team. Without a chair (older callers) the county has no team until one signs up.
 */
export function createCountyWithChair(
  store: CountyStore,
  input: { setup: CountySetupInput; chair?: { name: string; pin: string } | undefined; operator?: string | undefined },
  at: string,
): Result<ElectionInfo, AppError> {
  const chair = input.chair;
  const operator = chair?.name ?? input.operator ?? 'county chair';
  return store.transaction(() => {
    const created = createCounty(store, input.setup, operator, at);
    if (!created.ok || !chair) return created;
    const added = addOperator(store, { name: chair.name, role: 'chair', pin: chair.pin }, operator, at);
    return added.ok ? created : added;
  });
}

function firstDuplicate(values: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const value of values) {
    const key = value.trim().toLowerCase();
    if (seen.has(key)) return value;
    seen.add(key);
  }
  return null;
}
