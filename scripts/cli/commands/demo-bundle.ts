import { join } from 'node:path';
import { readableFingerprint } from '../../../electron/core/bundle/bundle-fingerprint';
import { exportBundle } from '../../../electron/core/bundle/export-bundle';
import { createKeyFolder, PUBLIC_KEY_FILE } from '../../../electron/core/signing/key-folder';
import type { CountyStore } from '../../../electron/core/store/county-store';
import { APP_VERSION } from './export';

/** The demo key's passphrase, printed by the demo: it guards nothing real. */
export const DEMO_KEY_PASSPHRASE = 'tallyroom-demo-county';

export interface DemoBundle {
  readonly path: string;
  readonly keyDir: string;
  readonly publicKey: string;
  readonly keyId: string;
  readonly sequence: number;
  readonly status: string;
  readonly fingerprint: string;
  readonly readableFingerprint: string;
}

/** The demo's last step: a demo county key in DIR/keys and the signed bundle DIR/bundle.zip. */
export function exportDemoBundle(store: CountyStore, dir: string): DemoBundle {
  const keyDir = join(dir, 'keys');
  const key = createKeyFolder(keyDir, DEMO_KEY_PASSPHRASE);
  if (!key.ok) throw new Error(`demo key: ${key.error.message}`);
  const exported = exportBundle(store, {
    out: join(dir, 'bundle.zip'),
    key: key.value,
    operator: 'Demo',
    appVersion: APP_VERSION,
    now: () => new Date(),
  });
  if (!exported.ok) throw new Error(`demo bundle: ${exported.error.message}`);
  return {
    path: exported.value.path,
    keyDir,
    publicKey: join(keyDir, PUBLIC_KEY_FILE),
    keyId: exported.value.keyId,
    sequence: exported.value.sequence,
    status: exported.value.status,
    fingerprint: exported.value.fingerprint,
    readableFingerprint: readableFingerprint(exported.value.fingerprint),
  };
}
