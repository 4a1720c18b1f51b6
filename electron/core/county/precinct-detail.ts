/** What the screens read of the county: the dashboard's overview and one precinct in full. */
import type { Overview, PrecinctDetail } from '../model/overview';
import { PRECINCT_STATUSES } from '../model/precinct-status';
import { type AppError, appError, ok, type Result } from '../result';
import { evaluateWorksheet } from '../rules/evaluate';
import type { CountyStore } from '../store/county-store';
import { buildCountyView } from './county-view';
import { buildOverview } from './overview';

/** The dashboard; before the county is set up, an empty one (nothing counted, no precincts). */
export function countyOverview(store: CountyStore): Overview {
  const election = store.getElection();
  return election ? buildOverview(buildCountyView(store, election)) : emptyOverview();
}

/** One precinct: its status and why, every report, the current result checked against the rules. */
export function precinctDetail(store: CountyStore, code: string): Result<PrecinctDetail, AppError> {
  const election = store.getElection();
  if (!election) return appError('NO_COUNTY', 'Set up the county first.');
  const precinct = store.findPrecinct(code);
  if (!precinct) return appError('UNKNOWN_PRECINCT', `There is no precinct "${code}" in ${election.county}.`);
  const view = buildCountyView(store, election, precinct).precincts[0];
  if (!view) return appError('UNKNOWN_PRECINCT', `There is no precinct "${code}".`);
  return ok({
    precinct: view.precinct,
    status: view.status,
    statusReason: view.statusReason,
    reports: view.reports,
    current: view.current,
    evaluation: view.result ? evaluateWorksheet(election.rulesProfile, view.result) : null,
    verification: view.verification,
  });
}

function emptyOverview(): Overview {
  const statusCounts = Object.fromEntries(PRECINCT_STATUSES.map((status) => [status, 0])) as Overview['statusCounts'];
  return {
    election: null,
    statusCounts: { ...statusCounts, total: 0 },
    candidateTotals: [],
    precinctsCounted: 0,
    findingCounts: {},
    precincts: [],
    countyCertification: null,
  };
}
