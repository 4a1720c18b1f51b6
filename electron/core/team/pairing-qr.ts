/**
 * What the hub's pairing QR says, and reading it back (or a typed address) on a station.
 * "tallyroom-pair:v1?hub=https://192.168.1.20:7443&code=7KQ2M-XW4PD&fp=<sha256 hex>"
 */
import { DEFAULT_HUB_PORT } from './contract';

export function pairingQrText(hubUrl: string, code: string, fingerprint: string): string {
  const params = new URLSearchParams({ hub: hubUrl, code, fp: fingerprint.replace(/:/g, '').toLowerCase() });
  return `tallyroom-pair:v1?${params.toString()}`;
}

export interface HubAddress {
  /** "https://host:port" */
  readonly url: string;
  /** From a QR: the certificate the station must see ("AB:CD:..."); null when typed. */
  readonly fingerprint: string | null;
  /** From a QR: the code it carries. */
  readonly code: string | null;
}

/** A typed address ("192.168.1.20:7443", "https://hub.local:7443") or the QR text; null if neither. */
export function parseHubAddress(typed: string): HubAddress | null {
  const text = typed.trim();
  if (text.startsWith('tallyroom-pair:v1?')) {
    const params = new URLSearchParams(text.slice('tallyroom-pair:v1?'.length));
    const hub = params.get('hub');
    const address = hub ? parseHubAddress(hub) : null;
    if (!address) return null;
    const fp = params.get('fp');
    return {
      url: address.url,
      fingerprint: fp && /^[0-9a-f]{64}$/i.test(fp) ? (fp.toUpperCase().match(/../g) ?? []).join(':') : null,
      code: params.get('code'),
    };
  }
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname === '' || url.username || url.password) return null;
  const port = url.port === '' ? DEFAULT_HUB_PORT : Number(url.port);
  return { url: `https://${url.hostname}:${port}`, fingerprint: null, code: null };
}
