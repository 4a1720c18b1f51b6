import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { keyIdHex, publicKeyFingerprint } from '../../../electron/core/signing/county-key';
import { createKeyFolder, PUBLIC_KEY_FILE, SECRET_KEY_FILE } from '../../../electron/core/signing/key-folder';
import { type CliIo, EXIT, type ExitCode, printJson, UsageError } from '../io';
import { readKeyPassphrase } from './key-passphrase';

/** tallyroom keygen --out DIR [--json]: the county signing key pair (docs/CONTRACTS.md, docs/BUNDLE.md). */
export async function keygenCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: { out: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (!values.out) throw new UsageError('Give the folder for the new county key with --out DIR.');
  const dir = resolve(io.cwd, values.out);
  const passphrase = await readKeyPassphrase(io, 'new');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const created = createKeyFolder(dir, passphrase);
  if (!created.ok) {
    io.err(created.error.message);
    return EXIT.badInput;
  }
  const summary = {
    publicKey: join(dir, PUBLIC_KEY_FILE),
    secretKey: join(dir, SECRET_KEY_FILE),
    keyId: keyIdHex(created.value.keyNumber),
    fingerprint: publicKeyFingerprint(created.value),
  };
  if (values.json) {
    printJson(io, summary);
    return EXIT.ok;
  }
  io.out(`Wrote ${summary.publicKey} (send this to the state party) and ${summary.secretKey} (keep it; encrypted).`);
  io.out(`Key id:      ${summary.keyId}`);
  io.out(`Fingerprint: ${summary.fingerprint}`);
  io.out('Read the fingerprint to the state party by phone or on paper, so they register this key and no other.');
  return EXIT.ok;
}
