/**
 * The hub's TLS certificate: self-signed, made once and kept in the hub's data folder (the key
 * file readable by its owner only), so stations that pinned it keep trusting the same hub after
 * a restart. Nothing else vouches for it: stations pin its fingerprint at pairing.
 */
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface HubCertificate {
  readonly certPem: string;
  readonly keyPem: string;
  /** Node's fingerprint256 ("AB:CD:..."), the sha256 of the certificate's DER. */
  readonly fingerprint: string;
}

const CERT_FILE = 'hub-cert.pem';
const KEY_FILE = 'hub-key.pem';
/** Caucus cycles are long; a hub certificate outliving one costs nothing (it is pinned, not trusted by name). */
const VALID_YEARS = 5;

export async function loadOrCreateHubCertificate(dataDir: string): Promise<HubCertificate> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const certPath = join(dataDir, CERT_FILE);
  const keyPath = join(dataDir, KEY_FILE);
  if (existsSync(certPath) && existsSync(keyPath)) {
    const certPem = readFileSync(certPath, 'utf8');
    return { certPem, keyPem: readFileSync(keyPath, 'utf8'), fingerprint: new X509Certificate(certPem).fingerprint256 };
  }
  const notBeforeDate = new Date();
  const notAfterDate = new Date(notBeforeDate);
  notAfterDate.setFullYear(notAfterDate.getFullYear() + VALID_YEARS);
  // Loaded only to make a certificate (the first start): its X.509 libraries cost every restart time.
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: 'Tallyroom hub' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
    ],
  });
  // Key first, written aside then renamed: a crash never leaves a certificate without its key.
  writeFileSync(`${keyPath}.tmp`, pems.private, { mode: 0o600 });
  chmodSync(`${keyPath}.tmp`, 0o600);
  renameSync(`${keyPath}.tmp`, keyPath);
  writeFileSync(`${certPath}.tmp`, pems.cert, { mode: 0o644 });
  renameSync(`${certPath}.tmp`, certPath);
  return { certPem: pems.cert, keyPem: pems.private, fingerprint: new X509Certificate(pems.cert).fingerprint256 };
}

/** "AB:CD:..." from a DER certificate (what a TLS client sees). */
export function fingerprintOfDer(der: Buffer): string {
  return new X509Certificate(der).fingerprint256;
}

export function pemOfDer(der: Buffer): string {
  const body = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${body}${body.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`;
}
