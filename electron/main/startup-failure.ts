import { isNativeAbiMismatch } from './native-binding';

/**
 * The sentence shown when Tallyroom cannot open its database at start. A chair sees it in a
 * dialog, so it says what happened and what to do; the full error goes to the log.
 */
export function describeStartupFailure(error: unknown, context: { databasePath: string; isPackaged: boolean }): string {
  if (isNativeAbiMismatch(error)) {
    return context.isPackaged
      ? 'Tallyroom could not load its database engine: this copy of the app is damaged. Reinstall Tallyroom; your data has not been touched.'
      : 'Tallyroom could not load its database engine because better-sqlite3 is built for Node, not Electron. Run `npm run rebuild:electron` and start again.';
  }
  const reason = error instanceof Error ? error.message : String(error);
  return `Tallyroom could not open its database at ${context.databasePath}: ${reason}`;
}
