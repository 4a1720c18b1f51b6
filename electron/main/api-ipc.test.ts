import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../core/api';
import { createApiInvokeHandler, type InvokeEventLike } from './api-ipc';

const appUrl = 'file:///app/out/renderer/index.html';
const isTrustedSenderUrl = (url: string) => url.startsWith(appUrl);

function eventFrom(url: string, parent: unknown = null): InvokeEventLike {
  return { senderFrame: { url, parent } };
}

function fakeApi(getElection: (input: unknown) => Promise<unknown>): Api {
  return { getElection } as unknown as Api;
}

describe('createApiInvokeHandler', () => {
  it('passes the input unchanged to the API method and returns its Result', async () => {
    const getElection = vi.fn(async () => ({ ok: true, value: null }));
    const handler = createApiInvokeHandler(fakeApi(getElection), 'getElection', {
      isTrustedSenderUrl,
      logError: vi.fn(),
    });
    const input = { anything: ['the API validates it'] };
    await expect(handler(eventFrom(`${appUrl}#/`), input)).resolves.toEqual({ ok: true, value: null });
    expect(getElection).toHaveBeenCalledWith(input);
  });

  it('passes expected failures through as they are', async () => {
    const failure = { ok: false, error: { code: 'INVALID_INPUT', message: 'Enter the county name.' } };
    const handler = createApiInvokeHandler(
      fakeApi(async () => failure),
      'getElection',
      { isTrustedSenderUrl, logError: vi.fn() },
    );
    await expect(handler(eventFrom(appUrl), {})).resolves.toEqual(failure);
  });

  it.each([
    ['another page', eventFrom('https://evil.example/')],
    ['another local file', eventFrom('file:///tmp/evil.html')],
    ['a subframe of our page', eventFrom(appUrl, { url: appUrl })],
    ['a frame that is gone', { senderFrame: null }],
  ])('refuses %s without calling the API', async (_name, event) => {
    const getElection = vi.fn();
    const logError = vi.fn();
    const handler = createApiInvokeHandler(fakeApi(getElection), 'getElection', { isTrustedSenderUrl, logError });
    const result = await handler(event, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    expect(getElection).not.toHaveBeenCalled();
    expect(logError).toHaveBeenCalledOnce();
  });

  it('refuses a sender whose frame was disposed mid-call (Electron throws on access)', async () => {
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    const handler = createApiInvokeHandler(fakeApi(vi.fn()), 'getElection', { isTrustedSenderUrl, logError: vi.fn() });
    await expect(handler(event, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
  });

  it('turns a bug in the API into INTERNAL_ERROR with a plain sentence, and logs the details', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'precinct')");
    const logError = vi.fn();
    const handler = createApiInvokeHandler(
      fakeApi(async () => {
        throw bug;
      }),
      'getElection',
      { isTrustedSenderUrl, logError },
    );
    const result = await handler(eventFrom(appUrl), {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL_ERROR');
    expect(result.error.message).toMatch(/^Something went wrong inside Tallyroom/);
    expect(result.error.message).not.toContain('precinct');
    expect(logError).toHaveBeenCalledWith(expect.stringContaining('getElection'), bug);
  });
});
