import { existsSync } from 'node:fs';
import { openCountyStore } from '../../electron/core/store';
import type { CountyStore } from '../../electron/core/store/county-store';
import { UsageError } from './io';

/** Opens a county database that must already exist: a typo in --db never creates an empty one. */
export function openExistingStore(path: string): CountyStore {
  if (!existsSync(path)) {
    throw new UsageError(`There is no county database at ${path}; create one with "tallyroom init".`);
  }
  try {
    return openCountyStore(path);
  } catch {
    throw new UsageError(`${path} is not a Tallyroom county database, or it is damaged.`);
  }
}
