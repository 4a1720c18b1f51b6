/**
 * The one typed client the UI calls. Two transports, one shape (`Api` from electron/core):
 * - In Electron, the preload exposes exactly the Api object on `window.tallyroom`.
 * - In a browser (the serve harness), each method is a POST to /api/<method> on the same origin,
 *   authorised by the per-run token the harness printed in the URL fragment (#token=...).
 * From electron/core only types and pure constant lists: no zod, no Node, no domain code in the renderer.
 */

import { API_METHODS } from '../../../electron/core/api/methods';
import type { Api, ApiInput, ApiMethodName, ApiOutputs } from '../../../electron/core/api/types';
import type { AppError, AppErrorCode, Result } from '../../../electron/core/result';

declare global {
  interface Window {
    tallyroom?: Api;
  }
}

/** Every API method: the same pure list the preload exposes (a constant, no domain code). */
const METHODS = API_METHODS;

const TOKEN_KEY = 'tallyroom.token';

/** Reads `#token=...` once, removes it from the address bar and keeps it for this tab only. */
function takeToken(): string | null {
  const hash = window.location.hash.replace(/^#/, '');
  const params = new URLSearchParams(hash);
  const fromHash = params.get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(
      window.history.state,
      '',
      window.location.pathname + window.location.search + (rest ? `#${rest}` : ''),
    );
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function transportError(message: string): Result<never> {
  return { ok: false, error: { code: 'TRANSPORT', message } };
}

function httpApi(): Api {
  const token = takeToken();
  const call = async (method: ApiMethodName, input: unknown): Promise<Result<unknown>> => {
    if (!token) {
      return transportError(
        'This page was opened without its access token. Open the full address Tallyroom printed when it started.',
      );
    }
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return transportError('Tallyroom’s data service is not answering. Check that it is still running, then retry.');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return transportError(`Tallyroom’s data service sent an unreadable answer (HTTP ${response.status}).`);
    }
    if (body && typeof body === 'object' && 'ok' in body) return body as Result<unknown>;
    if (response.status === 401 || response.status === 403) {
      return transportError('The access token was refused. Open the full address Tallyroom printed when it started.');
    }
    return transportError(`Tallyroom’s data service sent an unexpected answer (HTTP ${response.status}).`);
  };
  const api: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
  for (const method of METHODS) api[method] = (input) => call(method, input);
  return api as unknown as Api;
}

function createClient(): Api {
  if (typeof window !== 'undefined' && window.tallyroom) return window.tallyroom;
  return httpApi();
}

export const api: Api = createClient();

/** A failed API call, thrown inside react-query functions so screens get `error.message`. */
export class ApiCallError extends Error implements AppError {
  readonly code: AppErrorCode;
  readonly details?: unknown;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.details = error.details;
  }
}

/** Calls a method and returns its value, or throws ApiCallError with the person-readable message. */
export async function callApi<M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> {
  const fn = api[method] as (input: ApiInput<M>) => Promise<Result<ApiOutputs[M]>>;
  let result: Result<ApiOutputs[M]>;
  try {
    result = await fn(input);
  } catch (cause) {
    throw new ApiCallError({
      code: 'UNEXPECTED',
      message: `Something went wrong talking to Tallyroom’s data service: ${cause instanceof Error ? cause.message : String(cause)}`,
    });
  }
  if (!result.ok) {
    if (SIGNED_OUT_CODES.has(result.error.code)) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    throw new ApiCallError(result.error);
  }
  return result.value;
}

/** Dispatched when the API says the session no longer holds: the app asks the person to sign in again. */
export const SIGNED_OUT_EVENT = 'tallyroom:signed-out';
const SIGNED_OUT_CODES: ReadonlySet<AppErrorCode> = new Set<AppErrorCode>(['NOT_SIGNED_IN', 'SESSION_EXPIRED']);

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
