import type { ImapFlow } from 'imapflow';
import { INTAKE_LIMITS } from '../intake/limits';
import { type AppError, appError, ok, type Result } from '../result';
import { imapClientOptions } from './imap-client-options';
import type { ImapAccount } from './imap-url';
import type { FetchedMessage, Mailbox } from './mailbox';

/**
 * The county mailbox over IMAP (imapflow). TLS certificates are verified; plain IMAP is used only
 * to this computer (the test server), anywhere else STARTTLS is required. The password comes from
 * the caller (Electron safeStorage in the app, TALLYROOM_IMAP_PASSWORD for the CLI).
 */
export function imapMailbox(
  account: ImapAccount,
  password: string,
  options: { readonly passwordHint?: string } = {},
): Mailbox {
  const passwordHint = options.passwordHint ?? 'check TALLYROOM_IMAP_PASSWORD';
  return {
    async fetchNew(isKnown) {
      // Loaded when mail is fetched: a hub or a command that never reads mail does not pay its start-up.
      const { ImapFlow: ImapClient } = await import('imapflow');
      const client = new ImapClient({
        ...imapClientOptions(account, password),
        socketTimeout: 60_000,
        disableAutoIdle: true,
      });
      client.on('error', () => {
        // A dropped connection surfaces as a rejected command below; without a listener it would crash the process.
      });
      try {
        await client.connect();
      } catch (error) {
        return connectionError(account, error, passwordHint);
      }
      try {
        let lock: Awaited<ReturnType<ImapFlow['getMailboxLock']>>;
        try {
          lock = await client.getMailboxLock(account.mailbox, { readOnly: true });
        } catch {
          return appError(
            'MAILBOX_NOT_FOUND',
            `The mailbox has no folder "${account.mailbox}"; check the folder at the end of the address.`,
          );
        }
        try {
          const mailbox = client.mailbox;
          if (!mailbox || mailbox.exists === 0) return ok([]);
          const listed: { uid: number; size: number; messageId: string | null }[] = [];
          for await (const message of client.fetch('1:*', { uid: true, size: true, envelope: true })) {
            const messageId = (message.envelope?.messageId ?? '').trim().replace(/^<|>$/g, '');
            listed.push({ uid: message.uid, size: message.size ?? 0, messageId: messageId === '' ? null : messageId });
          }
          const known = isKnown(listed.flatMap((message) => (message.messageId ? [message.messageId] : [])));
          const fetched: FetchedMessage[] = [];
          for (const message of listed) {
            if (message.messageId && known.has(message.messageId)) continue;
            const origin = `${account.display} uid ${message.uid}`;
            if (message.size > INTAKE_LIMITS.maxMessageBytes) {
              fetched.push({ uid: message.uid, origin, raw: null, size: message.size });
              continue;
            }
            const full = await client.fetchOne(String(message.uid), { source: true }, { uid: true });
            const source = full ? full.source : undefined;
            if (source) {
              fetched.push({ uid: message.uid, origin, raw: new Uint8Array(source), size: source.length });
            }
          }
          return ok(fetched);
        } finally {
          lock.release();
        }
      } catch (error) {
        return connectionError(account, error, passwordHint);
      } finally {
        await client.logout().catch(() => client.close());
      }
    },
  };
}

export function connectionError(account: ImapAccount, error: unknown, passwordHint: string): Result<never, AppError> {
  const detail = error as { authenticationFailed?: boolean; code?: string; message?: string };
  if (detail.authenticationFailed || detail.code === 'AUTHENTICATIONFAILED') {
    return appError(
      'MAILBOX_LOGIN_FAILED',
      `The mailbox at ${account.host} refused the user name or password for ${account.user}; ${passwordHint}.`,
    );
  }
  return appError(
    'MAILBOX_UNREACHABLE',
    `Could not read the mailbox at ${account.host}:${account.port} (${detail.code ?? detail.message ?? 'connection failed'}); check the address and the network, then try again.`,
  );
}
