import { CountyStore } from './county-store';
import type { OpenDatabaseOptions } from './database';

export * from './county-store';
export { LATEST_SCHEMA_VERSION, migrate, type OpenDatabaseOptions, openDatabase, schemaVersion } from './database';

/** Opens a county database file, creating and migrating it as needed. */
export function openCountyStore(path: string, options: OpenDatabaseOptions = {}): CountyStore {
  return CountyStore.open(path, options);
}
