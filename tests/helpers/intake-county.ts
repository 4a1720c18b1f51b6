import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expectOk, type TempCounty, tempCounty } from './temp-county';

export const INTAKE_FIXTURES = resolve(import.meta.dirname, '../fixtures/intake');

/** A temp county set up from tests/fixtures/intake/county.csv: DM-01 and DM-02 have registered chairs, AL-01 none. */
export async function intakeCounty(): Promise<TempCounty> {
  const county = tempCounty();
  const setup = expectOk(
    await county.api.previewCountyDefinition({
      fileName: 'county.csv',
      contentBase64: readFileSync(join(INTAKE_FIXTURES, 'county.csv')).toString('base64'),
    }),
  );
  expectOk(
    await county.api.createCounty({
      operator: 'County Chair',
      setup: { ...setup, name: 'Polk County Caucus', date: '2026-02-02', rulesProfile: 'iowa-dem-2020' },
    }),
  );
  return county;
}

/** A clock that ticks a second per call, from caucus night. */
export function caucusClock(start = '2026-02-03T02:00:00Z'): () => Date {
  let tick = Date.parse(start);
  return () => {
    tick += 1000;
    return new Date(tick);
  };
}
