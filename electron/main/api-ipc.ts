import type { Api, ApiMethodName } from '../core/api';
import type { AppError, Result } from '../core/result';

/** The part of Electron's IpcMainInvokeEvent this layer reads (kept structural so tests need no Electron). */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export type ApiInvokeHandler = (event: InvokeEventLike, input: unknown) => Promise<Result<unknown>>;

const UNTRUSTED_SENDER: AppError = {
  code: 'UNTRUSTED_SENDER',
  message: 'This request did not come from the Tallyroom window, so Tallyroom refused it.',
};

const INTERNAL_ERROR: AppError = {
  code: 'INTERNAL_ERROR',
  message:
    'Something went wrong inside Tallyroom and the action may not have been completed. Check the result, try again, and if it keeps happening send the Tallyroom log file to your support contact.',
};

/**
 * One IPC handler per API method: a thin transport (docs/ARCHITECTURE.md, "three thin transports").
 * It checks who is asking, hands the input to the API unchanged (the API validates it with zod),
 * and turns a bug (an exception) into a Result the UI can show, logging the details for us.
 */
export function createApiInvokeHandler(
  api: Api,
  method: ApiMethodName,
  options: {
    isTrustedSenderUrl: (url: string) => boolean;
    logError: (message: string, error?: unknown) => void;
  },
): ApiInvokeHandler {
  // Method types differ per name; the input is validated inside the method, so call it untyped.
  const call = api[method] as (input: unknown) => Promise<Result<unknown>>;
  return async (event, input) => {
    const senderUrl = topFrameUrlOf(event);
    if (senderUrl === undefined || !options.isTrustedSenderUrl(senderUrl)) {
      options.logError(`Refused ${method} from an untrusted sender: ${senderUrl ?? '(a subframe or a closed frame)'}`);
      return { ok: false, error: UNTRUSTED_SENDER };
    }
    try {
      return await call.call(api, input);
    } catch (error) {
      options.logError(`API method ${method} threw`, error);
      return { ok: false, error: INTERNAL_ERROR };
    }
  };
}

/**
 * Only our page's top frame may call the API, never a subframe. Electron throws when a frame
 * was disposed while its message was in flight: such a sender is simply not trusted.
 */
function topFrameUrlOf(event: InvokeEventLike): string | undefined {
  try {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return undefined;
    return frame.url;
  } catch {
    return undefined;
  }
}
