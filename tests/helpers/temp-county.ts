import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Api } from '../../electron/core/api';
import { createApi } from '../../electron/core/api';
import type { Result } from '../../electron/core/result';
import { openCountyStore } from '../../electron/core/store';
import type { CountyStore } from '../../electron/core/store/county-store';

export const RESOURCES_DIR = resolve(import.meta.dirname, '../../resources');

export interface TempCounty {
  readonly dir: string;
  readonly dbPath: string;
  readonly store: CountyStore;
  readonly api: Api;
  /** Reopens the database file from disk, as a restarted app would. */
  reopen(): TempCounty;
  cleanup(): void;
}

/** A real county database file in a fresh temporary folder, with a clock that ticks a second a call. */
export function tempCounty(dir = mkdtempSync(join(tmpdir(), 'tallyroom-test-'))): TempCounty {
  const dbPath = join(dir, 'county.db');
  const store = openCountyStore(dbPath);
  let tick = Date.parse('2026-02-03T01:30:00Z');
  const api = createApi({
    store,
    resourcesDir: RESOURCES_DIR,
    clock: () => {
      tick += 1000;
      return new Date(tick);
    },
  });
  return {
    dir,
    dbPath,
    store,
    api,
    reopen() {
      store.close();
      return tempCounty(dir);
    },
    cleanup() {
      if (store.isOpen) store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The value of an ok Result; fails the test with the error's message otherwise. */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export const SMALL_COUNTY = {
  county: 'Polk County',
  name: 'Polk County Caucus',
  date: '2026-02-02',
  rulesProfile: 'iowa-dem-2020' as const,
  sdePerDelegate: 0.25,
  precincts: [
    { code: 'DM-01', name: 'Des Moines 1', delegates: 7 },
    { code: 'DM-02', name: 'Des Moines 2', delegates: 6 },
    { code: 'AL-01', name: 'Altoona 1', delegates: 1 },
  ],
  candidates: ['Adams', 'Baker', 'Castillo'],
};
