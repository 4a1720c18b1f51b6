import { describe, expect, it } from 'vitest';
import { imapClientOptions } from '../../../electron/core/mail/imap-client-options';
import { parseImapUrl } from '../../../electron/core/mail/imap-url';
import { expectOk } from '../../helpers/temp-county';

const optionsFor = (address: string) => imapClientOptions(expectOk(parseImapUrl(address)), 'secret');

describe('how the county mailbox is connected to', () => {
  it('requires STARTTLS for plain IMAP to another computer, and TLS from the first byte for imaps', () => {
    expect(optionsFor('imap://county@mail.example.org/INBOX')).toMatchObject({
      host: 'mail.example.org',
      port: 143,
      secure: false,
      doSTARTTLS: true,
    });
    expect(optionsFor('imaps://county@mail.example.org/INBOX')).toMatchObject({ port: 993, secure: true });
    expect(optionsFor('imaps://county@mail.example.org/INBOX').doSTARTTLS).toBeUndefined();
  });

  it('allows plain IMAP only to this computer (the test server)', () => {
    expect(optionsFor('imap://county@127.0.0.1:1143/INBOX').doSTARTTLS).toBeUndefined();
    expect(optionsFor('imap://county@localhost:1143/INBOX').doSTARTTLS).toBeUndefined();
  });

  it('signs in as the address’s user with the password given, and logs nothing', () => {
    expect(optionsFor('imaps://chair%40county.org@mail.example.org/INBOX')).toMatchObject({
      auth: { user: 'chair@county.org', pass: 'secret' },
      logger: false,
    });
  });
});
