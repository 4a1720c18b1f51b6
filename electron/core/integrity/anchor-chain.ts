/**
 * Wires the chain head file to a county database the app has open (the Electron shell and the serve
 * harness; the command line only reads it): the existing head file is checked first, then every
 * committed change writes it anew. Returns the check's sentence, or null when all is well.
 */
import { existsSync, renameSync } from 'node:fs';
import type { SecretStore } from '../secrets/secret-store';
import type { CountyStore } from '../store/county-store';
import { chainHeadKey, chainHeadPathOf, checkChainHead, readChainHead, writeChainHead } from './chain-head-file';

export async function anchorChainHead(
  store: CountyStore,
  secrets: SecretStore,
  clock: () => Date = () => new Date(),
): Promise<string | null> {
  const path = chainHeadPathOf(store.path);
  const { key, existed } = await chainHeadKey(secrets);
  const problem = checkChainHead([...store.iterateAudit()], readChainHead(path), key, existed);
  // The chair is told once, at this start; the head file that disagreed is kept aside as evidence,
  // and heads are written again from now on.
  if (problem && existsSync(path)) renameSync(path, `${path}.disagreed-${clock().toISOString().replace(/[:.]/g, '-')}`);
  store.onCommitted((head) => writeChainHead(path, head, key, clock()));
  return problem;
}

/** The command line's check: the head file beside a database, without the app's key (no MAC check). */
export function checkChainHeadBeside(store: CountyStore): string | null {
  return checkChainHead([...store.iterateAudit()], readChainHead(chainHeadPathOf(store.path)), null, false);
}
