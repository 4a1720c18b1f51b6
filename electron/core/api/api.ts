import type { z } from 'zod';
import { verifyAuditChain } from '../audit-log/chain';
import { buildCountyView } from '../county/county-view';
import { electionInfo } from '../county/election-info';
import { buildOverview } from '../county/overview';
import { loadDemoCounty } from '../demo/load-demo-county';
import { type BackgroundServices, createBackgroundServices } from '../intake/background-services';
import { type AppError, appError, ok, type Result } from '../result';
import { evaluateWorksheet as evaluate } from '../rules/evaluate';
import { memorySecretStore, type SecretStore } from '../secrets/secret-store';
import type { CountyStore } from '../store/county-store';
import { teamHandlers } from '../team/api-handlers';
import type { TeamHub } from '../team/contract';
import { registerApiClose } from './close-api';
import { type Overview, PRECINCT_STATUSES } from './contract';
import { auditHandlers } from './handlers/audit';
import { type BundleDeps, bundleHandlers } from './handlers/bundles';
import { createCountyWithChair, previewCountyDefinition } from '../county/county-setup';
import { intakeHandlers } from './handlers/intake';
import { actorFor } from './handlers/operators';
import type { ScanReaderFactory } from './handlers/scan-reader';
import { apiScanReaders, scanHandlers } from './handlers/scans';
import { settingsHandlers } from './handlers/settings';
import { verificationHandlers } from './handlers/verification';
import { evaluateWorksheet, submitWorksheet } from '../worksheet/submit-worksheet';
import { worksheetPdfHandlers } from './handlers/worksheet-pdf';
import { API_METHODS, type ApiMethodName } from './methods';
import { type ApiParsedInput, inputSchemas } from './schemas';
import type { Api, ApiOutputs } from './types';

export interface ApiDeps {
  readonly store: CountyStore;
  /** Folder holding the demo county and other bundled resources. */
  readonly resourcesDir: string;
  /** Injected so tests can control time; every change is stamped with it. */
  readonly clock?: () => Date;
  /** Team mode (docs/TEAM.md): the hub's team state when this laptop is the hub (createTeamHub). */
  readonly team?: TeamHub;
  /** Makes the scan reader (once, on the first scan read); the real OCR engine when absent. */
  readonly ocr?: ScanReaderFactory;
  /** Secrets remembered between runs (safeStorage in the app); memory by default. */
  readonly secrets?: SecretStore;
  /** Bundles: where the county key and exported bundles live, removable drives, the app version. */
  readonly bundles?: BundleDeps;
  /** The mailbox monitor, drive watcher and backup schedule; started by the shell. Made here, unstarted, when absent. */
  readonly background?: BackgroundServices;
  /** The shells (Electron main, the serve harness) set this: the background services start with the API. */
  readonly startBackground?: boolean;
}

type Handlers = {
  [M in ApiMethodName]: (
    input: ApiParsedInput<M>,
  ) => Result<ApiOutputs[M], AppError> | Promise<Result<ApiOutputs[M], AppError>>;
};

/**
 * The one API object (docs/ARCHITECTURE.md): async methods, one validated input object each, a Result back.
 * IPC, the local HTTP harness and in-process callers all use this same object.
 */
export function createApi(deps: ApiDeps): Api {
  const { store, resourcesDir } = deps;
  const clock = deps.clock ?? (() => new Date());
  const now = () => clock().toISOString();
  const secrets = deps.secrets ?? memorySecretStore();
  const background = deps.background ?? createBackgroundServices({ store, secrets, clock });
  if (deps.startBackground) background.start();
  const scanReaders = apiScanReaders(store, deps.ocr, resourcesDir);

  const handlers: Handlers = {
    getOverview: () => {
      const election = store.getElection();
      return ok(election ? buildOverview(buildCountyView(store, election)) : emptyOverview());
    },
    getElection: () => {
      const election = store.getElection();
      return ok(election ? electionInfo(election, store.listCandidates(), store.listPrecincts()) : null);
    },
    previewCountyDefinition: (input) => {
      const bytes = Buffer.from(input.contentBase64, 'base64');
      return previewCountyDefinition(input.fileName, bytes);
    },
    createCounty: (input) => createCountyWithChair(store, input, now()),
    loadDemoCounty: (input) => {
      const loaded = loadDemoCounty(store, resourcesDir, input.operator ?? 'Demo', clock);
      return loaded.ok ? ok(loaded.value.election) : loaded;
    },
    getPrecinct: (input) => {
      const election = store.getElection();
      if (!election) return appError('NO_COUNTY', 'Set up the county first.');
      const precinct = store.findPrecinct(input.precinct);
      if (!precinct)
        return appError('UNKNOWN_PRECINCT', `There is no precinct "${input.precinct}" in ${election.county}.`);
      const view = buildCountyView(store, election, precinct).precincts[0];
      if (!view) return appError('UNKNOWN_PRECINCT', `There is no precinct "${input.precinct}".`);
      return ok({
        precinct: view.precinct,
        status: view.status,
        statusReason: view.statusReason,
        reports: view.reports,
        current: view.current,
        evaluation: view.result ? evaluate(election.rulesProfile, view.result) : null,
        verification: view.verification,
      });
    },
    evaluateWorksheet: (input) => evaluateWorksheet(store, input),
    submitWorksheet: (input) => {
      const at = clock();
      const who = actorFor(store, input, input.source === 'recount' ? 'enter-recount' : 'enter-results', at);
      if (!who.ok) return who;
      return submitWorksheet(store, { ...input, operator: who.value.name }, at.toISOString());
    },
    getAuditLog: (input) => ok({ entries: store.listAudit(input.limit, input.offset), total: store.countAudit() }),
    verifyAuditLog: () => ok(verifyAuditChain(store.iterateAudit())),
    ...verificationHandlers(store, clock),
    ...auditHandlers(store, clock),
    ...intakeHandlers(store, clock),
    ...teamHandlers(store, deps.team, clock),
    ...scanHandlers(store, clock, scanReaders),
    ...worksheetPdfHandlers(store, clock),
    ...bundleHandlers(store, clock, secrets, deps.bundles),
    ...settingsHandlers(store, clock, secrets, background, deps.team !== undefined),
  };

  const api = {} as Record<ApiMethodName, (input: unknown) => Promise<Result<unknown, AppError>>>;
  for (const method of API_METHODS) {
    api[method] = async (input: unknown) => {
      const parsed = (inputSchemas[method] as z.ZodType).safeParse(input ?? {});
      if (!parsed.success) return invalidInput(method, parsed.error);
      return (handlers[method] as (input: unknown) => Result<unknown, AppError> | Promise<Result<unknown, AppError>>)(
        parsed.data,
      );
    };
  }
  const frozen = Object.freeze(api) as unknown as Api;
  // Closing stops what this API started: the OCR engine's workers, and background services it started.
  registerApiClose(frozen, async () => {
    await scanReaders.close();
    if (deps.startBackground) await background.stop();
  });
  return frozen;
}

function invalidInput(method: string, error: z.ZodError): Result<never, AppError> {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  return appError('INVALID_INPUT', `${issue?.message ?? 'The request was not valid'}${where}.`, {
    method,
    issues: error.issues.map((entry) => ({ path: entry.path.map(String), message: entry.message })),
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
