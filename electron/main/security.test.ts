import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  isAllowedRequestUrl,
  isTrustedRendererUrl,
  rendererEntryUrl,
  secureWebPreferences,
  withContentSecurityPolicy,
} from './security';

const indexFileUrl = pathToFileURL('/opt/Tallyroom/resources/app.asar/out/renderer/index.html').href;
const devServerUrl = 'http://localhost:5173/';

describe('isTrustedRendererUrl', () => {
  it('accepts our built index.html, with or without a hash route or query', () => {
    expect(isTrustedRendererUrl(indexFileUrl, indexFileUrl)).toBe(true);
    expect(isTrustedRendererUrl(`${indexFileUrl}#/precincts/12`, indexFileUrl)).toBe(true);
    expect(isTrustedRendererUrl(`${indexFileUrl}?x=1`, indexFileUrl)).toBe(true);
  });

  it('accepts the same file however Chromium percent-encodes it', () => {
    const spaced = pathToFileURL('/home/chair/My Apps/out/renderer/index.html').href;
    expect(isTrustedRendererUrl('file:///home/chair/My%20Apps/out/renderer/index.html', spaced)).toBe(true);
  });

  it('rejects other files on disk', () => {
    expect(isTrustedRendererUrl('file:///tmp/evil.html', indexFileUrl)).toBe(false);
    expect(isTrustedRendererUrl('file:///opt/Tallyroom/resources/app.asar/out/renderer/other.html', indexFileUrl)).toBe(
      false,
    );
    expect(
      isTrustedRendererUrl('file:///opt/Tallyroom/resources/app.asar/out/renderer%2Findex.html', indexFileUrl),
    ).toBe(false);
    expect(
      isTrustedRendererUrl('file:///opt/Tallyroom/resources/app.asar/out/renderer/index.html/', indexFileUrl),
    ).toBe(false);
  });

  it('rejects a path that only resolves to ours through another host', () => {
    expect(
      isTrustedRendererUrl('file://fileserver/opt/Tallyroom/resources/app.asar/out/renderer/index.html', indexFileUrl),
    ).toBe(false);
  });

  it('rejects web pages, devtools and nonsense', () => {
    expect(isTrustedRendererUrl('http://evil.example/', indexFileUrl)).toBe(false);
    expect(isTrustedRendererUrl('https://evil.example/out/renderer/index.html', indexFileUrl)).toBe(false);
    expect(isTrustedRendererUrl('devtools://devtools/bundled/devtools_app.html', indexFileUrl)).toBe(false);
    expect(isTrustedRendererUrl('about:blank', indexFileUrl)).toBe(false);
    expect(isTrustedRendererUrl('', indexFileUrl)).toBe(false);
    expect(isTrustedRendererUrl('not a url', indexFileUrl)).toBe(false);
  });

  it('accepts the dev server only when the app was loaded from it', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/', devServerUrl)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173/#/audit', devServerUrl)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173/', indexFileUrl)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5174/', devServerUrl)).toBe(false);
    expect(isTrustedRendererUrl('http://127.0.0.1:5173/', devServerUrl)).toBe(false);
    expect(isTrustedRendererUrl(indexFileUrl, devServerUrl)).toBe(false);
  });

  it('trusts nothing when the app URL itself is unusable', () => {
    expect(isTrustedRendererUrl(indexFileUrl, '')).toBe(false);
    expect(isTrustedRendererUrl('devtools://devtools/x', 'devtools://devtools/x')).toBe(false);
  });
});

describe('rendererEntryUrl', () => {
  it('loads the dev server when electron-vite provides one, else the built page', () => {
    expect(rendererEntryUrl({ devServerUrl, indexFileUrl })).toBe(devServerUrl);
    expect(rendererEntryUrl({ devServerUrl: undefined, indexFileUrl })).toBe(indexFileUrl);
    expect(rendererEntryUrl({ devServerUrl: '  ', indexFileUrl })).toBe(indexFileUrl);
  });
});

describe('isAllowedRequestUrl', () => {
  it('allows the built renderer files and data/blob URLs', () => {
    const asset = pathToFileURL('/opt/Tallyroom/resources/app.asar/out/renderer/assets/index-abc.js').href;
    expect(isAllowedRequestUrl(indexFileUrl, { appUrl: indexFileUrl })).toBe(true);
    expect(isAllowedRequestUrl(asset, { appUrl: indexFileUrl })).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA', { appUrl: indexFileUrl })).toBe(true);
    expect(isAllowedRequestUrl('blob:file:///1234', { appUrl: indexFileUrl })).toBe(true);
  });

  it('blocks remote content and other files on disk', () => {
    expect(isAllowedRequestUrl('https://cdn.example/x.js', { appUrl: indexFileUrl })).toBe(false);
    expect(isAllowedRequestUrl('http://127.0.0.1:8080/', { appUrl: indexFileUrl })).toBe(false);
    expect(isAllowedRequestUrl('file:///etc/passwd', { appUrl: indexFileUrl })).toBe(false);
    expect(
      isAllowedRequestUrl('file:///opt/Tallyroom/resources/app.asar/out/main/index.js', { appUrl: indexFileUrl }),
    ).toBe(false);
    expect(
      isAllowedRequestUrl('file:///opt/Tallyroom/resources/app.asar/out/renderer/../../package.json', {
        appUrl: indexFileUrl,
      }),
    ).toBe(false);
    expect(
      isAllowedRequestUrl('file:///opt/Tallyroom/resources/app.asar/out/renderer/..%2F..%2Fpackage.json', {
        appUrl: indexFileUrl,
      }),
    ).toBe(false);
  });

  it('allows the dev server and its hot-reload socket in development only', () => {
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', { appUrl: devServerUrl })).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/', { appUrl: devServerUrl })).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:9999/', { appUrl: devServerUrl })).toBe(false);
    expect(isAllowedRequestUrl('https://evil.example/', { appUrl: devServerUrl })).toBe(false);
    expect(isAllowedRequestUrl('http://localhost:5173/', { appUrl: indexFileUrl })).toBe(false);
  });
});

describe('contentSecurityPolicy', () => {
  it('is the strict policy for the built app', () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('never allows inline or evaluated scripts, remote hosts or plugins in the built app', () => {
    const policy = contentSecurityPolicy({ devServerUrl: undefined });
    const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('opens only what the dev server needs, for its own host', () => {
    const policy = contentSecurityPolicy({ devServerUrl });
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).toContain("connect-src 'self' ws://localhost:5173 wss://localhost:5173");
    expect(policy).toContain("object-src 'none'");
  });
});

describe('withContentSecurityPolicy', () => {
  it('replaces any policy the response brings, whatever its casing, and keeps other headers', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ['default-src *'], 'Content-Type': 'text/html' },
      "default-src 'self'",
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] });
  });

  it('works when the response has no headers (file://)', () => {
    expect(withContentSecurityPolicy(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page and gives it only the preload', () => {
    const preferences = secureWebPreferences('/app/out/preload/index.cjs');
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('allows developer tools only when asked (running from source)', () => {
    expect(secureWebPreferences('/p', { allowDevTools: true }).devTools).toBe(true);
  });
});
