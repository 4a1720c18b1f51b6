import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ExportBundleInput, type ExportedBundle, exportBundle } from '../../../electron/core/bundle/export-bundle';
import type { CountySigningKey } from '../../../electron/core/signing/county-key';
import { expectOk, type TempCounty, tempCounty } from '../../helpers/temp-county';

export const CANDIDATES = ['Adams', 'Baker', 'Castillo'];

/**
 * A small county whose every precinct has a clean worksheet (no findings, no coin tosses): each
 * precinct elects 4 delegates from groups of 20+i / 12 / 8, which the rules split 2 / 1 / 1.
 */
export async function cleanCounty(county: string, precincts: number): Promise<TempCounty> {
  const temp = tempCounty(mkdtempSync(join(tmpdir(), 'tallyroom-bundle-')));
  expectOk(
    await temp.api.createCounty({
      operator: 'Pat Chair',
      setup: {
        county,
        name: `${county} Caucus`,
        date: '2026-02-02',
        rulesProfile: 'iowa-dem-2020',
        sdePerDelegate: 0.25,
        precincts: Array.from({ length: precincts }, (_, index) => ({
          code: `P${String(index + 1).padStart(2, '0')}`,
          name: `Precinct ${index + 1}`,
          delegates: 4,
        })),
        candidates: CANDIDATES,
      },
    }),
  );
  for (let index = 0; index < precincts; index++) {
    const counts = [20 + (index % 5), 12, 8];
    expectOk(
      await temp.api.submitWorksheet({
        precinct: `P${String(index + 1).padStart(2, '0')}`,
        lines: CANDIDATES.map((candidate, line) => ({
          candidate,
          firstAlignment: counts[line] as number,
          finalAlignment: counts[line] as number,
          delegatesAwarded: null,
        })),
        coinTosses: [],
        operator: 'Jordan',
        source: 'manual',
      }),
    );
  }
  return temp;
}

let clock = Date.parse('2026-02-03T03:00:00Z');

/** Exports with test defaults: a ticking clock, operator "Pat Chair". */
export function exportCounty(
  county: TempCounty,
  key: CountySigningKey,
  out: string,
  extra: Partial<ExportBundleInput> = {},
): ExportedBundle {
  return expectOk(
    exportBundle(county.store, {
      out,
      key,
      operator: 'Pat Chair',
      appVersion: '0.1.0-test',
      now: () => {
        clock += 1000;
        return new Date(clock);
      },
      ...extra,
    }),
  );
}
