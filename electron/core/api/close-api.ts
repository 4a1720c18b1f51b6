/**
 * Closing an API. What an API starts for itself must stop when the app quits, the serve harness is
 * told to stop or a command finishes: the OCR engine's tesseract worker threads and the background
 * services a shell asked it to start keep a Node process alive. The `Api` type is its methods
 * only (the preload, the HTTP transport and the team hub all derive from it), so how to close an
 * API is kept beside it rather than on it.
 */
import type { Api } from './types';

const closers = new WeakMap<Api, () => Promise<void>>();

/** createApi registers what closing its API means; closing runs it once, however often asked. */
export function registerApiClose(api: Api, close: () => Promise<void>): void {
  let closing: Promise<void> | undefined;
  closers.set(api, () => {
    closing ??= close();
    return closing;
  });
}

/**
 * Stops what the API started (the OCR engine, the background services it started) and waits for it.
 * An API it does not know (a station's) has nothing of that kind to stop.
 */
export function closeApi(api: Api): Promise<void> {
  return closers.get(api)?.() ?? Promise.resolve();
}
