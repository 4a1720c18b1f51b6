/**
 * A process the crash test kills while bundles are exported: one after another, in turn a bag
 * folder and a .zip as `tallyroom export` writes them, and the app's export (certification report
 * and scans inside, printable report beside), as the Export screen does.
 *   node --import tsx tests/helpers/crash-worker-export.ts DB FOLDER SEED_HEX COUNT
 * FOLDER/cli receives the CLI-style bundles, FOLDER/app the app's bundles folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { exportCountyBundle } from '../../electron/core/bundle/app-export';
import { exportBundle } from '../../electron/core/bundle/export-bundle';
import { signingKeyFromSeed } from '../../electron/core/signing/county-key';
import { openCountyStore } from '../../electron/core/store';
import { nextBundleSequence } from '../../electron/core/store/bundle-records';

const [dbPath, folder, seedHex, count] = process.argv.slice(2) as [string, string, string, string];
const store = openCountyStore(dbPath);
const key = signingKeyFromSeed(Buffer.from(seedHex, 'hex'));
// Each run starts later than any before it, a second per call, as the chair's clock would.
let tick = Date.now();
const now = () => {
  tick += 1000;
  return new Date(tick);
};
const cli = join(folder, 'cli');
const app = join(folder, 'app');
mkdirSync(cli, { recursive: true });
process.stdout.write('ready\n');

for (let index = 0; index < Number(count); index++) {
  const sequence = nextBundleSequence(store);
  const common = { key, operator: 'Pat Chair', appVersion: '0.1.0-crash', now };
  // A fresh name each time: a name left by a killed run must not stop the repeat.
  const name = `crash-${sequence}-${randomBytes(3).toString('hex')}`;
  const kind = sequence % 3;
  const exported =
    kind === 0
      ? await exportCountyBundle(store, { ...common, folder: app })
      : exportBundle(store, { ...common, out: join(cli, kind === 1 ? `${name}.zip` : name) });
  if (!exported.ok) throw new Error(`${exported.error.code}: ${exported.error.message}`);
  // Tells the test where the worker is, so each kill lands among real exports.
  process.stdout.write('imported\n');
}
store.close();
process.stdout.write('done\n');
