/**
 * A stand-in Api for the renderer's component tests. The client (api/client.ts) takes the Api on
 * `window.tallyroom` when there is one, as in Electron; the test setup puts a dispatcher there that
 * answers each method from the handlers a test installs. A method a test did not expect answers with
 * an error value, so a screen that calls something unplanned shows it instead of hanging.
 */
import { API_METHODS } from '../../../electron/core/api/methods';
import type { Api, ApiInput, ApiMethodName, ApiOutputs } from '../../../electron/core/api/types';
import type { AppError, AppErrorCode, Result } from '../../../electron/core/result';

type Answer<M extends ApiMethodName> = ApiOutputs[M] | Result<ApiOutputs[M]>;

export type FakeHandlers = {
  [M in ApiMethodName]?: (input: ApiInput<M>) => Answer<M> | Promise<Answer<M>>;
};

export interface ApiCall {
  readonly method: ApiMethodName;
  readonly input: unknown;
}

let handlers: FakeHandlers = {};
const calls: ApiCall[] = [];

/** An expected failure, as the API returns it. */
export function failure(code: AppErrorCode, message: string, details?: unknown): Result<never> {
  const error: AppError = details === undefined ? { code, message } : { code, message, details };
  return { ok: false, error };
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

/** The object the test setup puts on window.tallyroom before the client is first imported. */
export function createDispatcher(): Api {
  const dispatcher: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
  for (const method of API_METHODS) {
    dispatcher[method] = async (input) => {
      calls.push({ method, input });
      const handler = handlers[method] as ((input: unknown) => unknown) | undefined;
      if (!handler) return failure('UNEXPECTED', `The test did not expect a call to ${method}.`);
      const answer = await handler(input);
      return isResult(answer) ? answer : { ok: true, value: answer };
    };
  }
  return dispatcher as unknown as Api;
}

/** Replaces the handlers (and forgets earlier calls): what the Api answers from now on. */
export function installFakeApi(next: FakeHandlers): void {
  handlers = next;
  calls.length = 0;
}

/** The calls of one method so far, oldest first. */
export function callsOf<M extends ApiMethodName>(method: M): ApiInput<M>[] {
  return calls.filter((call) => call.method === method).map((call) => call.input as ApiInput<M>);
}
