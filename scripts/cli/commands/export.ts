import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readableFingerprint } from '../../../electron/core/bundle/bundle-fingerprint';
import { exportBundle } from '../../../electron/core/bundle/export-bundle';
import { BUNDLE_STATUSES, isBundleStatus } from '../../../electron/core/model/bundle-status';
import { openKeyFolder } from '../../../electron/core/signing/key-folder';
import { type CliIo, EXIT, type ExitCode, printJson, UsageError } from '../io';
import { openExistingStore } from '../open-existing-store';
import { readKeyPassphrase } from './key-passphrase';

/** The version written into bundles: package.json's, read once. */
export const APP_VERSION = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../package.json'), 'utf8')) as { version: string }
).version;

/** tallyroom export --db FILE --key DIR --out PATH [--status S] [--operator NAME] [--json] (docs/CONTRACTS.md). */
export async function exportCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      key: { type: 'string' },
      out: { type: 'string' },
      status: { type: 'string' },
      operator: { type: 'string', default: io.env.USER ?? 'chair' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.db) throw new UsageError('Give the county database with --db FILE.');
  if (!values.key) throw new UsageError('Give the folder of the county key with --key DIR.');
  if (!values.out)
    throw new UsageError('Give where the bundle goes with --out PATH (a name ending in .zip for a zip).');
  if (values.status !== undefined && !isBundleStatus(values.status)) {
    throw new UsageError(`"${values.status}" is not a bundle status; use one of ${BUNDLE_STATUSES.join(', ')}.`);
  }
  const store = openExistingStore(resolve(io.cwd, values.db));
  try {
    const key = openKeyFolder(resolve(io.cwd, values.key), await readKeyPassphrase(io, 'open'));
    if (!key.ok) {
      io.err(key.error.message);
      return EXIT.badInput;
    }
    const exported = exportBundle(store, {
      out: resolve(io.cwd, values.out),
      key: key.value,
      ...(values.status === undefined ? {} : { status: values.status }),
      operator: values.operator,
      appVersion: APP_VERSION,
      now: () => new Date(),
    });
    if (!exported.ok) {
      io.err(exported.error.message);
      return EXIT.badInput;
    }
    const bundle = exported.value;
    if (values.json) {
      printJson(io, bundle);
      return EXIT.ok;
    }
    io.out(`Exported bundle ${bundle.sequence} (${bundle.status}) to ${bundle.path}, read back and verified.`);
    io.out(`Precincts reporting: ${bundle.precinctsReporting} of ${bundle.precinctsTotal}.`);
    if (bundle.findings > 0) io.out(`It carries ${bundle.findings} rule findings; the state party will see them.`);
    io.out(`Signed with key ${bundle.keyId}. Bundle fingerprint: ${readableFingerprint(bundle.fingerprint)}`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}
