import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { openCountyStore } from '../../electron/core/store';
import type { CountyStore } from '../../electron/core/store/county-store';
import { UsageError } from './io';

/** Opens a county database that must already exist: a typo in --db never creates an empty one. */
export function openExistingStore(path: string): CountyStore {
  if (!existsSync(path)) {
    throw new UsageError(`There is no county database at ${path}; create one with "tallyroom init".`);
  }
  try {
    return openCountyStore(path, nodeNativeBinding());
  } catch {
    throw new UsageError(`${path} is not a Tallyroom county database, or it is damaged.`);
  }
}

/**
 * better-sqlite3's compiled module for Node, named directly: otherwise better-sqlite3 asks the
 * `bindings` package, which tries a dozen places and parses a stack trace first, a noticeable part
 * of a short command such as `tallyroom status`. Where the build is elsewhere, better-sqlite3 looks.
 */
function nodeNativeBinding(): { nativeBinding?: string } {
  try {
    const packageJson = createRequire(import.meta.url).resolve('better-sqlite3/package.json');
    const binding = join(packageJson, '../build/Release/better_sqlite3.node');
    return existsSync(binding) ? { nativeBinding: binding } : {};
  } catch {
    return {};
  }
}
