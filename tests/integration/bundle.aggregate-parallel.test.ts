import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateBundlesWithPrecincts } from '../../electron/core/bundle/aggregate';
import { aggregateBundlesOnDisk } from '../../electron/core/bundle/aggregate-parallel';
import { readBundle } from '../../electron/core/bundle/bundle-container';
import { readKeyRegistry } from '../../electron/core/bundle/key-registry';
import { generateCountySigningKey } from '../../electron/core/signing/county-key';
import { formatMinisignPublicKey } from '../../electron/core/signing/minisign-public-key';
import { expectOk } from '../helpers/temp-county';
import { cleanCounty, exportCounty } from '../unit/bundle/bundle-fixtures';

// The state party's thousands of counties are verified in worker threads: the verdicts must be the
// ones the one-thread aggregate gives, bundle for bundle, in the order the bundles were given.
let work: string;
let registryDir: string;
const bundles: { path: string; location: string }[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tallyroom-aggregate-parallel-'));
  registryDir = join(work, 'keys');
  mkdirSync(registryDir);
  for (let index = 0; index < 6; index++) {
    const name = `County ${index + 1}`;
    const key = generateCountySigningKey();
    writeFileSync(join(registryDir, `${name}.pub`), formatMinisignPublicKey(key, name));
    const county = await cleanCounty(name, 2 + index);
    try {
      const out = join(work, index % 2 === 0 ? `${name}.zip` : name);
      bundles.push({ path: `${name} bundle`, location: exportCounty(county, key, out).path });
    } finally {
      county.cleanup();
    }
  }
  // A copy of County 2's bag with one number changed (tampered), the same bag given twice, and a missing one.
  const tampered = join(work, 'tampered');
  cpSync(bundles[1]?.location as string, tampered, { recursive: true });
  const csvPath = join(tampered, 'data', 'results.csv');
  writeFileSync(csvPath, readFileSync(csvPath, 'utf8').replace(',Adams,21,21,', ',Adams,91,91,'));
  bundles.push({ path: 'tampered', location: tampered });
  bundles.push({ path: 'again', location: bundles[3]?.location as string });
  bundles.push({ path: 'nowhere', location: join(work, 'nowhere') });
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('aggregating bundles on disk in worker threads', () => {
  it('gives the same verdicts, totals and precinct rows as verifying them one by one', async () => {
    const registry = expectOk(readKeyRegistry(registryDir));
    const oneByOne = aggregateBundlesWithPrecincts(
      registry,
      bundles.map((bundle) => ({ path: bundle.path, files: () => readBundle(bundle.location) })),
      { keepPrecincts: true },
    );
    const parallel = await aggregateBundlesOnDisk(registry, bundles, { keepPrecincts: true, workers: 2 });
    expect(parallel).toEqual(oneByOne);
    expect(parallel.aggregation.counties).toEqual({ registered: 6, reporting: 6 });
    expect(parallel.aggregation.rejected.map((rejected) => [rejected.path, rejected.code])).toEqual([
      ['tampered', 'TAMPERED'],
      ['nowhere', 'UNREADABLE'],
    ]);
    expect(parallel.aggregation.duplicates).toEqual(['again']);
    expect(parallel.counted.map((county) => county.precincts.length)).toEqual([2, 3, 4, 5, 6, 7]);
  });
});
