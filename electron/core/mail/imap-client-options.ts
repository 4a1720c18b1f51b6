import type { ImapFlowOptions } from 'imapflow';
import { type ImapAccount, isLoopbackHost } from './imap-url';

/**
 * How every connection to the county mailbox is made, for the one-shot fetch and the watch alike:
 * TLS certificates verified, plain IMAP only to this computer (the test server) and STARTTLS
 * required anywhere else, no logging (it would print the mail), and a server that does not
 * answer given up on after 15 s.
 */
export function imapClientOptions(account: ImapAccount, password: string): ImapFlowOptions {
  return {
    host: account.host,
    port: account.port,
    secure: account.secure,
    doSTARTTLS: account.secure || isLoopbackHost(account.host) ? undefined : true,
    auth: { user: account.user, pass: password },
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
  };
}
