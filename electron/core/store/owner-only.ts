/**
 * Files that hold the county (the database, its WAL and SHM, backups, station.db) are for their
 * owner only: mode 0600, in folders the app makes with 0700 (docs/SECURITY.md, "Files for their
 * owner only"). A copy of the laptop's folder by another local account then reads nothing, and an
 * offline guess at a PIN needs the file first. SQLite creates a database's -wal and -shm with the
 * database file's own mode, so making the database 0600 before it is opened covers them too.
 * On Windows, modes mean nothing: the app's data folder under the user's profile is private by the
 * profile's inherited ACL, and that is what protects the files there.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

const OWNER_ONLY_FILE = 0o600;
const OWNER_ONLY_FOLDER = 0o700;

/** chmod where the platform has modes; a file system without them (a FAT stick) keeps its own. */
export function keepForOwnerOnly(path: string, mode = OWNER_ONLY_FILE): void {
  if (process.platform === 'win32' || !existsSync(path)) return;
  try {
    chmodSync(path, mode);
  } catch {
    // A stick formatted FAT/exFAT has no modes to set; nothing else to do there.
  }
}

/** The database file, created empty with 0600 if new, and its -wal/-shm made 0600 if left from before. */
export function prepareOwnerOnlyDatabaseFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', OWNER_ONLY_FILE));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) keepForOwnerOnly(file);
}

/** A folder the app makes for itself (its data folder, a station's folder, a key folder): 0700. */
export function makeOwnerOnlyFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: OWNER_ONLY_FOLDER });
  keepForOwnerOnly(path, OWNER_ONLY_FOLDER);
}
