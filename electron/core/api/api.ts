import type { z } from 'zod';
import { type BackgroundServices, createBackgroundServices } from '../background/background-services';
import type { BundleDeps } from '../bundle/app-signing';
import { type AppError, appError, type Result } from '../result';
import type { ScanReaderFactory } from '../scan-review/scan-reader';
import { scanReaderSlotFor } from '../scan-review/scan-reader';
import { memorySecretStore, type SecretStore } from '../secrets/secret-store';
import type { CountyStore } from '../store/county-store';
import type { TeamHub } from '../team/contract';
import { addStationBatchFileKind } from '../team/station-batch';
import { resolveAccess } from './access';
import { registerApiClose } from './close-api';
import type { ApiServices, MethodEntry } from './define-method';
import { methodEntry } from './method-table';
import { API_METHODS, type ApiMethodName } from './methods';
import type { Api } from './types';

export interface ApiDeps {
  readonly store: CountyStore;
  /** Folder holding the demo county and other bundled resources. */
  readonly resourcesDir: string;
  /** Injected so tests can control time; every change is stamped with it. */
  readonly clock?: () => Date;
  /** Team mode: the hub's team state when this laptop is the hub (createTeamHub). */
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

type Call = (input: unknown) => Promise<Result<unknown, AppError>>;

/**
 * The one API object (docs/ARCHITECTURE.md): async methods, one validated input object each, a
 * Result back. IPC, the local HTTP harness and in-process callers all use this same object. Each
 * method is its table entry: the input is parsed, then who is calling is resolved once by the
 * entry's access (access.ts), then the handler runs with that person.
 */
export function createApi(deps: ApiDeps): Api {
  const { store } = deps;
  // Intake reads a station's signed batch like any file (team mode adds that kind; intake never imports team).
  addStationBatchFileKind();
  const clock = deps.clock ?? (() => new Date());
  const secrets = deps.secrets ?? memorySecretStore();
  const background = deps.background ?? createBackgroundServices({ store, secrets, clock });
  if (deps.startBackground) background.start();
  const services: ApiServices = {
    store,
    resourcesDir: deps.resourcesDir,
    clock,
    secrets,
    background,
    scanReaders: scanReaderSlotFor(store, deps.ocr, deps.resourcesDir),
    team: deps.team,
    bundles: deps.bundles ?? {},
  };
  const frozen = apiFromTable(services, (method) => methodEntry(method));
  // Closing stops what this API started: the OCR engine's workers, and background services it started.
  registerApiClose(frozen, async () => {
    await services.scanReaders.close();
    if (deps.startBackground) await background.stop();
  });
  return frozen;
}

/**
 * The API over the table's entries. Exported for the test that replaces every handler with a spy and
 * proves each method refuses a caller its access does not allow before its handler runs.
 */
export function apiFromTable(services: ApiServices, entryOf: (method: ApiMethodName) => MethodEntry): Api {
  const api = {} as Record<ApiMethodName, Call>;
  for (const method of API_METHODS) {
    const entry = entryOf(method);
    api[method] = async (input: unknown) => {
      const parsed = entry.input.safeParse(input ?? {});
      if (!parsed.success) return invalidInput(method, parsed.error);
      const who = resolveAccess(services.store, entry.access, parsed.data, services.clock, method);
      if (!who.ok) return who;
      return entry.handle(parsed.data, { ...services, ...who.value } as never);
    };
  }
  return Object.freeze(api) as unknown as Api;
}

/** A request whose input does not fit the method's schema, with the first problem in words. */
export function invalidInput(method: string, error: z.ZodError): Result<never, AppError> {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  return appError('INVALID_INPUT', `${issue?.message ?? 'The request was not valid'}${where}.`, {
    method,
    issues: error.issues.map((entry) => ({ path: entry.path.map(String), message: entry.message })),
  });
}
