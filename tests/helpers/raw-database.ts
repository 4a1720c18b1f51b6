/**
 * Raw SQL for tests only: the county store's own connection, for tests that check its settings
 * (WAL, foreign keys), read rows the app has no reader for, or tamper with the file behind the
 * app's back. The app itself never does this: all SQL lives in electron/core/store and
 * CountyStore keeps its connection private (.dependency-cruiser.cjs lets only this helper reach it).
 */

import type { CountyStore } from '../../electron/core/store/county-store';
import type { SqliteDatabase } from '../../electron/core/store/database';
import { databaseOf } from '../../electron/core/store/database-of';

export function rawDatabase(store: CountyStore): SqliteDatabase {
  return databaseOf(store);
}
