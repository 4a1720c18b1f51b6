/**
 * The Electron hardening rules as pure values and predicates (docs/ARCHITECTURE.md, "Electron hardened").
 * No 'electron' import here: index.ts wires these to the real objects, tests check them directly.
 */

/**
 * Is `url` our own app page? `appUrl` is the page the window loads: the file:// URL of
 * out/renderer/index.html, or the electron-vite dev server URL in development.
 * Hash and query are ignored (the UI routes by hash); anything else must match exactly,
 * so another file on disk or another site can never count as the app.
 */
export function isTrustedRendererUrl(url: string, appUrl: string): boolean {
  const candidate = parseUrl(url);
  const app = parseUrl(appUrl);
  if (!candidate || !app) return false;
  if (app.protocol === 'file:') {
    return candidate.protocol === 'file:' && candidate.host === app.host && sameFilePath(candidate, app);
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') {
    // The dev server serves the app from one origin; Vite's module URLs live under it.
    return candidate.origin === app.origin;
  }
  return false;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

// Chromium and Node percent-encode file paths slightly differently, so compare decoded paths;
// an encoded separator could make two different files decode alike, so it never matches.
function sameFilePath(candidate: URL, app: URL): boolean {
  if (/%2f|%5c/i.test(candidate.pathname)) return false;
  const decodedCandidate = safeDecode(candidate.pathname);
  return decodedCandidate !== undefined && decodedCandidate === safeDecode(app.pathname);
}

function safeDecode(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/** The URL the window loads: the dev server when electron-vite runs one, else the built page. */
export function rendererEntryUrl(options: { devServerUrl: string | undefined; indexFileUrl: string }): string {
  const devServerUrl = options.devServerUrl?.trim();
  return devServerUrl ? devServerUrl : options.indexFileUrl;
}

const STRICT_POLICY: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  // React and the UI kit set style attributes; styles cannot run code, scripts stay strict.
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
  ['form-action', ["'none'"]],
];

/**
 * The Content-Security-Policy of our pages. The built app gets the strict policy; with a dev
 * server, Vite's hot reload needs its inline preamble and a websocket, so only then those two
 * are added for the dev server's own origin.
 */
export function contentSecurityPolicy(options: { devServerUrl?: string | undefined } = {}): string {
  const devServer = options.devServerUrl ? parseUrl(options.devServerUrl) : undefined;
  return STRICT_POLICY.map(([directive, sources]) => {
    const all = [...sources];
    if (devServer && directive === 'script-src') all.push("'unsafe-inline'");
    if (devServer && directive === 'connect-src') all.push(`ws://${devServer.host}`, `wss://${devServer.host}`);
    return `${directive} ${all.join(' ')}`;
  }).join('; ');
}

/** The webPreferences every Tallyroom window gets: the renderer can reach only window.tallyroom. */
export function secureWebPreferences(preloadPath: string, options: { allowDevTools?: boolean } = {}) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // A middle click must not open a link in a new window (Electronegativity AUXCLICK_JS_CHECK).
    disableBlinkFeatures: 'Auxclick',
    // A chair never needs them; developers running from source do.
    devTools: options.allowDevTools ?? false,
  } as const;
}

/** Header names are case-insensitive: drop any CSP a response brings before adding ours. */
export function withContentSecurityPolicy(
  headers: Record<string, string[] | string> | undefined,
  policy: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}

/**
 * No remote content: the app's pages may load only the built renderer's own files (and, in
 * development, the dev server), plus data:/blob: URLs they create themselves. Everything
 * else, the internet and other files on disk included, is cancelled before it is requested.
 */
export function isAllowedRequestUrl(url: string, options: { appUrl: string }): boolean {
  const request = parseUrl(url);
  const app = parseUrl(options.appUrl);
  if (!request || !app) return false;
  if (request.protocol === 'data:' || request.protocol === 'blob:' || request.protocol === 'devtools:') return true;
  if (app.protocol === 'file:') {
    if (request.protocol !== 'file:' || request.host !== app.host) return false;
    if (/%2f|%5c/i.test(request.pathname)) return false;
    const appFolder = safeDecode(app.pathname.slice(0, app.pathname.lastIndexOf('/') + 1));
    const requested = safeDecode(request.pathname);
    // new URL() has already resolved any ../ segments, so a prefix check is exact.
    if (appFolder === undefined) return false;
    return requested?.startsWith(appFolder) === true;
  }
  if (request.protocol === 'ws:' || request.protocol === 'wss:') return request.host === app.host;
  return request.origin === app.origin;
}
