import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { type CliIo, UsageError } from '../io';

export const PASSPHRASE_ENV = 'TALLYROOM_KEY_PASSPHRASE';

/**
 * The county key's passphrase: from TALLYROOM_KEY_PASSPHRASE, or asked for on a terminal without
 * echo. With neither (a script, a pipe) there is nobody to ask, so the command stops with a sentence.
 */
export async function readKeyPassphrase(io: CliIo, purpose: 'new' | 'open'): Promise<string> {
  const fromEnv = io.env[PASSPHRASE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new UsageError(
      `Set the county key passphrase in the environment variable ${PASSPHRASE_ENV}; there is no terminal to ask for it.`,
    );
  }
  const first = await askHidden(purpose === 'new' ? 'New county key passphrase: ' : 'County key passphrase: ');
  if (purpose === 'open') return first;
  const again = await askHidden('Type it again: ');
  if (again !== first) throw new UsageError('The two passphrases differ; nothing was written. Run keygen again.');
  return first;
}

/** One line typed on the terminal, not shown. */
export function askHidden(prompt: string): Promise<string> {
  process.stderr.write(prompt);
  // Typed characters go to a sink, so the passphrase never appears on screen or in scrollback.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: silent, terminal: true });
  return new Promise((resolvePassphrase) => {
    reader.question('', (answer) => {
      reader.close();
      process.stderr.write('\n');
      resolvePassphrase(answer);
    });
  });
}
