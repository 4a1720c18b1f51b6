import { API_METHODS, type ApiMethodName, ipcChannelOf } from '../core/api/methods';

/** Sends one API call to the main process; in the app this is ipcRenderer.invoke. */
export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

export type TallyroomBridge = { readonly [M in ApiMethodName]: (input: unknown) => Promise<unknown> };

/**
 * window.tallyroom: one function per API method and nothing else, so the page can reach
 * exactly the API's channels and no other part of Electron or Node.
 */
export function createTallyroomBridge(invoke: Invoke): TallyroomBridge {
  const bridge: Partial<Record<ApiMethodName, (input: unknown) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    const channel = ipcChannelOf(method);
    bridge[method] = (input) => invoke(channel, input);
  }
  return Object.freeze(bridge) as TallyroomBridge;
}
