import { type AppError, ok, type Result } from '../result';
import { imapClientOptions } from './imap-client-options';
import { connectionError } from './imap-mailbox';
import type { ImapAccount } from './imap-url';

/** A connection kept open on the county mailbox that says when mail arrives. */
export interface MailWatch {
  /** True when the server has IMAP IDLE (it tells us at once); false: it is asked now and then (NOOP). */
  readonly idle: boolean;
  close(): Promise<void>;
}

/**
 * Keeps one read-only connection open on the mailbox folder. With IDLE the server pushes new
 * mail at once; without it imapflow asks with NOOP, which also reports new mail. `onNewMail` only
 * says "something arrived": the fetch itself is the same one-shot fetch as "Check now", so there
 * is one code path that stores mail. `onClosed` fires when the connection drops (the monitor
 * opens a new one at its next check).
 */
export async function watchMailbox(
  account: ImapAccount,
  password: string,
  handlers: { readonly onNewMail: () => void; readonly onClosed: () => void; readonly passwordHint: string },
): Promise<Result<MailWatch, AppError>> {
  // Loaded when mail is fetched: a hub or a command that never reads mail does not pay its start-up.
  const { ImapFlow: ImapClient } = await import('imapflow');
  const client = new ImapClient({
    ...imapClientOptions(account, password),
    // Servers drop an IDLE after about 30 minutes (RFC 2177): renew it well before.
    maxIdleTime: 5 * 60_000,
  });
  let closed = false;
  client.on('error', () => {
    // A dropped connection ends in 'close' below; without a listener it would crash the process.
  });
  client.on('close', () => {
    if (closed) return;
    closed = true;
    handlers.onClosed();
  });
  client.on('exists', (event: { count: number; prevCount: number }) => {
    if (event.count > event.prevCount) handlers.onNewMail();
  });
  try {
    await client.connect();
    await client.mailboxOpen(account.mailbox, { readOnly: true });
  } catch (error) {
    closed = true;
    client.close();
    return connectionError(account, error, handlers.passwordHint);
  }
  return ok({
    idle: client.capabilities.has('IDLE'),
    async close() {
      if (closed) return;
      closed = true;
      await client.logout().catch(() => client.close());
    },
  });
}
