import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fetchMail } from '../../../electron/core/mail/fetch-mail';
import { imapMailbox } from '../../../electron/core/mail/imap-mailbox';
import { parseImapUrl } from '../../../electron/core/mail/imap-url';
import { type CliIo, EXIT, type ExitCode, UsageError } from '../io';
import { openExistingStore } from '../open-existing-store';
import { printIntakeSummary } from './print-intake-summary';

/** tallyroom mail --db FILE --imap URL [--operator NAME] [--json] (docs/CONTRACTS.md): fetch new mail once. */
export async function mailCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      imap: { type: 'string' },
      operator: { type: 'string', default: io.env.USER ?? 'operator' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.db) throw new UsageError('Give the county database with --db FILE.');
  if (!values.imap) throw new UsageError('Give the county mailbox with --imap imaps://user@host:993/INBOX.');
  const account = parseImapUrl(values.imap);
  if (!account.ok) throw new UsageError(account.error.message);
  const password = io.env.TALLYROOM_IMAP_PASSWORD;
  if (!password) throw new UsageError('Set the mailbox password in the TALLYROOM_IMAP_PASSWORD environment variable.');
  const store = openExistingStore(resolve(io.cwd, values.db));
  try {
    const fetched = await fetchMail(store, imapMailbox(account.value, password), { operator: values.operator });
    if (!fetched.ok) {
      io.err(fetched.error.message);
      return EXIT.badInput;
    }
    return printIntakeSummary(io, fetched.value, values.json);
  } finally {
    store.close();
  }
}
