import { type AppError, appError, ok, type Result } from '../result';

export interface ImapAccount {
  /** imaps: TLS from the first byte. imap: plain, upgraded with STARTTLS (required unless on this computer). */
  readonly secure: boolean;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly mailbox: string;
  /** The URL without any secret, for logs and the record of where mail came from. */
  readonly display: string;
}

/** imap[s]://user@host:port/MAILBOX (docs/CONTRACTS.md, `tallyroom mail`); the password never travels in it. */
export function parseImapUrl(text: string): Result<ImapAccount, AppError> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return badUrl(text);
  }
  if (url.protocol !== 'imap:' && url.protocol !== 'imaps:') return badUrl(text);
  if (url.password !== '') {
    return appError(
      'PASSWORD_IN_URL',
      'Do not put the mailbox password in the address; set it in the TALLYROOM_IMAP_PASSWORD environment variable.',
    );
  }
  const user = decodeURIComponent(url.username);
  if (user === '' || url.hostname === '') return badUrl(text);
  const secure = url.protocol === 'imaps:';
  const port = url.port === '' ? (secure ? 993 : 143) : Number(url.port);
  const mailbox = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'INBOX';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return ok({
    secure,
    host,
    port,
    user,
    mailbox,
    display: `${url.protocol}//${encodeURIComponent(user)}@${url.host}/${mailbox}`,
  });
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

function badUrl(text: string): Result<never, AppError> {
  return appError(
    'BAD_MAILBOX_ADDRESS',
    `"${text}" is not a mailbox address; write it as imaps://user@mail.example.org:993/INBOX.`,
  );
}
