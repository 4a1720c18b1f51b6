/**
 * tallyroom hub pairing-code --db FILE [--data DIR] --chair NAME [--json]
 * Asks the running hub for a one-time pairing code through its control API (docs/TEAM.md
 * "Control API"): signs in as the chair, calls createPairingCode, signs out. The code lives in
 * the hub's memory only, so only the running hub can make one.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { PairingCodeView } from '../../../electron/core/team/contract';
import { type CliIo, EXIT, type ExitCode, printJson, UsageError } from '../io';
import { hubDataDir, readHubControlFile } from './hub-control-file';
import { askHidden } from './key-passphrase';

const PIN_ENV = 'TALLYROOM_CHAIR_PIN';

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export async function hubPairingCodeCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      data: { type: 'string' },
      chair: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.db) throw new UsageError('Give the county database with --db FILE.');
  if (!values.chair?.trim()) throw new UsageError('Give the chair’s name with --chair NAME.');
  const dbPath = resolve(io.cwd, values.db);
  const control = readHubControlFile(hubDataDir(io, dbPath, values.data));
  if (!control) {
    throw new UsageError(
      `No hub with a control API has started for ${values.db}; start it with "tallyroom hub --db ${values.db} --control-port 0" (and the same --data, if you give one).`,
    );
  }
  const pin = await chairPin(io);
  const call = async <T>(method: string, input: unknown): Promise<Answer<T>> => {
    let response: Response;
    try {
      response = await fetch(`${control.url}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${control.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
    } catch {
      throw new UsageError(`The hub's control API at ${control.url} does not answer; is the hub running?`);
    }
    return (await response.json()) as Answer<T>;
  };
  const signedIn = await call<{ session: string }>('signIn', { name: values.chair, pin });
  if (!signedIn.ok) throw new UsageError(signedIn.error.message);
  const session = signedIn.value.session;
  let made: Answer<PairingCodeView>;
  try {
    made = await call<PairingCodeView>('createPairingCode', { session });
  } finally {
    await call('signOut', { session });
  }
  if (!made.ok) throw new UsageError(made.error.message);
  const { code, expiresAt, hubUrls, fingerprint, qrText } = made.value;
  if (values.json) {
    printJson(io, { code, expiresAt, hubUrls, fingerprint, qrText });
    return EXIT.ok;
  }
  io.out(`Pairing code: ${code}  (once, until ${expiresAt})`);
  io.out(`Hub: ${hubUrls.join(', ')}`);
  io.out(`Certificate fingerprint: ${fingerprint}`);
  io.out(`QR text: ${qrText}`);
  return EXIT.ok;
}

/** From TALLYROOM_CHAIR_PIN, or asked for on a terminal without echo. */
async function chairPin(io: CliIo): Promise<string> {
  const fromEnv = io.env[PIN_ENV];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new UsageError(
      `Set the chair’s PIN in the environment variable ${PIN_ENV}; there is no terminal to ask for it.`,
    );
  }
  return askHidden('Chair’s PIN: ');
}
