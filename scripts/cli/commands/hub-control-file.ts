/**
 * DIR/control.json of a running `tallyroom hub --control-port N`: where its control API answers
 * and the token of this run, so `tallyroom hub pairing-code` on the same computer can reach it.
 * Readable by its owner only (the token opens the whole API, as the database file itself would);
 * removed when the hub stops, and written again at each start (a crashed hub's file is replaced).
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CliIo } from '../io';

export interface HubControlFile {
  /** "http://127.0.0.1:PORT" */
  readonly url: string;
  readonly token: string;
  readonly pid: number;
}

const CONTROL_FILE = 'control.json';

/** The hub's folder: --data, else team-hub/ beside the database. */
export function hubDataDir(io: CliIo, dbPath: string, data: string | undefined): string {
  return resolve(io.cwd, data ?? join(dirname(dbPath), 'team-hub'));
}

export function writeHubControlFile(dataDir: string, control: HubControlFile): void {
  const path = join(dataDir, CONTROL_FILE);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(control)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

export function removeHubControlFile(dataDir: string): void {
  rmSync(join(dataDir, CONTROL_FILE), { force: true });
}

/** The running hub's control API, or null when no hub with one has started from this folder. */
export function readHubControlFile(dataDir: string): HubControlFile | null {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, CONTROL_FILE), 'utf8')) as Partial<HubControlFile>;
    return typeof parsed.url === 'string' && typeof parsed.token === 'string'
      ? { url: parsed.url, token: parsed.token, pid: Number(parsed.pid) }
      : null;
  } catch {
    return null;
  }
}
