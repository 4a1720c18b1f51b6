import type { AppError, Result } from '../result';

/** One message on the server, downloaded only when it is not already stored. */
export interface FetchedMessage {
  readonly uid: number;
  /** "imaps://county@mail.example.org:993/INBOX uid 42": where it was fetched from. */
  readonly origin: string;
  /** The message as received; null when it is larger than the cap and was not downloaded. */
  readonly raw: Uint8Array | null;
  readonly size: number;
}

/**
 * The county mailbox behind an interface (STYLE.md, "Hardware behind interfaces"): IMAP in the
 * app and the CLI, anything else in tests. The mailbox is opened read-only: Tallyroom never
 * deletes or flags mail on the server, so what it fetched can always be fetched again.
 */
export interface Mailbox {
  /** Messages whose Message-ID is not known (and those without one), oldest first. */
  fetchNew(
    isKnown: (messageIds: readonly string[]) => ReadonlySet<string>,
  ): Promise<Result<FetchedMessage[], AppError>>;
}
