import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../electron/core/bundle/bundle-container';
import { verifyBundle } from '../../electron/core/bundle/verify-bundle';
import { generateCountySigningKey } from '../../electron/core/signing/county-key';
import { expectOk } from '../helpers/temp-county';
import { CANDIDATES, cleanCounty, exportCounty } from '../unit/bundle/bundle-fixtures';

// docs/BUNDLE.md: results.json's totalsFromPrecinctsWithFindings, alongside totals, never changing them.
describe("the bundle's totals from precincts with findings", () => {
  it('carry the delegates of a sheet that breaks a rule, and a changed figure does not verify', async () => {
    const county = await cleanCounty('Story County', 3);
    const key = generateCountySigningKey();
    try {
      // P03 keyed with every delegate to Castillo: counted, with findings.
      expectOk(
        await county.api.submitWorksheet({
          precinct: 'P03',
          lines: CANDIDATES.map((candidate, line) => ({
            candidate,
            firstAlignment: [22, 12, 8][line] as number,
            finalAlignment: [22, 12, 8][line] as number,
            delegatesAwarded: candidate === 'Castillo' ? 4 : 0,
          })),
          coinTosses: [],
          operator: 'Jordan',
          source: 'manual',
        }),
      );
      const out = join(county.dir, 'bundle');
      exportCounty(county, key, out);
      const path = join(out, 'data/results.json');
      const results = JSON.parse(readFileSync(path, 'utf8'));
      const flagged = results.precincts.filter((precinct: { findings: unknown[] }) => precinct.findings.length > 0);
      expect(flagged.map((precinct: { code: string }) => precinct.code)).toEqual(['P03']);
      expect(results.totalsFromPrecinctsWithFindings).toEqual([
        { candidate: 'Adams', delegates: 0, sde: 0 },
        { candidate: 'Baker', delegates: 0, sde: 0 },
        { candidate: 'Castillo', delegates: 4, sde: 1 },
      ]);
      const castillo = results.totals.find((total: { candidate: string }) => total.candidate === 'Castillo');
      expect(castillo.delegates).toBeGreaterThanOrEqual(4);
      expect(verifyBundle(expectOk(readBundle(out)), key).problems).toEqual([]);

      results.totalsFromPrecinctsWithFindings[2].delegates = 0;
      writeFileSync(path, JSON.stringify(results));
      const changed = verifyBundle(expectOk(readBundle(out)), key);
      expect(changed.authentic).toBe(false);
    } finally {
      rmSync(join(county.dir, 'bundle'), { recursive: true, force: true });
      county.cleanup();
    }
  });
});
