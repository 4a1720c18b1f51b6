import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateBundles, type BundleInput } from '../../electron/core/bundle/aggregate';
import { readBundle } from '../../electron/core/bundle/bundle-container';
import { readKeyRegistry } from '../../electron/core/bundle/key-registry';
import { type CountySigningKey, generateCountySigningKey } from '../../electron/core/signing/county-key';
import { formatMinisignPublicKey } from '../../electron/core/signing/minisign-public-key';
import { expectOk } from '../helpers/temp-county';
import { cleanCounty, exportCounty } from '../unit/bundle/bundle-fixtures';

const COUNTIES = 99;
const PRECINCTS = 2;
let work: string;
let registryDir: string;
const bundles: string[] = [];
const keys = new Map<string, CountySigningKey>();
let generateMs = 0;

const countyName = (index: number) => `County ${String(index + 1).padStart(2, '0')}`;

let registered = 0;
/** A key file as the app downloads it (its comment names the county), under a name that says nothing. */
function register(dir: string, county: string, key: CountySigningKey): void {
  registered++;
  writeFileSync(join(dir, `key ${registered}.pub`), formatMinisignPublicKey(key, county));
}

function inputs(paths: readonly string[]): BundleInput[] {
  return paths.map((path) => ({ path, files: readBundle(path) }));
}

beforeAll(async () => {
  const started = performance.now();
  work = mkdtempSync(join(tmpdir(), 'tallyroom-aggregate-'));
  registryDir = join(work, 'keys');
  mkdirSync(registryDir);
  for (let index = 0; index < COUNTIES; index++) {
    const name = countyName(index);
    const key = generateCountySigningKey();
    keys.set(name, key);
    register(registryDir, name, key);
    const county = await cleanCounty(name, PRECINCTS);
    try {
      bundles.push(exportCounty(county, key, join(work, index % 3 === 0 ? `${name}.zip` : name)).path);
    } finally {
      county.cleanup();
    }
  }
  generateMs = performance.now() - started;
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the state party aggregates county bundles', () => {
  it(`verifies and totals ${COUNTIES} counties`, () => {
    const started = performance.now();
    const registry = expectOk(readKeyRegistry(registryDir));
    const aggregation = aggregateBundles(registry, inputs(bundles));
    const aggregateMs = performance.now() - started;
    console.info(
      `${COUNTIES} counties x ${PRECINCTS} precincts: generated+exported in ${generateMs.toFixed(0)} ms, read+verified+aggregated in ${aggregateMs.toFixed(0)} ms`,
    );
    expect(aggregation.rejected).toEqual([]);
    expect(aggregation.counties).toEqual({ registered: COUNTIES, reporting: COUNTIES });
    // Each precinct: Adams 20+i (i = 0, 1), Baker 12, Castillo 8; delegates 2/1/1; SDE per delegate 0.25.
    expect(aggregation.totals).toEqual([
      {
        candidate: 'Adams',
        firstAlignment: 41 * COUNTIES,
        finalAlignment: 41 * COUNTIES,
        delegates: 4 * COUNTIES,
        sde: COUNTIES,
      },
      {
        candidate: 'Baker',
        firstAlignment: 24 * COUNTIES,
        finalAlignment: 24 * COUNTIES,
        delegates: 2 * COUNTIES,
        sde: COUNTIES / 2,
      },
      {
        candidate: 'Castillo',
        firstAlignment: 16 * COUNTIES,
        finalAlignment: 16 * COUNTIES,
        delegates: 2 * COUNTIES,
        sde: COUNTIES / 2,
      },
    ]);
    expect(aggregation.byCounty[0]).toMatchObject({
      county: 'County 01',
      status: 'unofficial-complete',
      sequence: 1,
      precinctsReporting: 2,
      precinctsTotal: 2,
      findings: 0,
    });
    // Speed is measured by `npm run bench` as a ratio, never asserted in a test.
  });

  it('rejects a tampered bundle, an unregistered key, a county that is not the key’s, and a replay', async () => {
    const registry = join(work, 'keys-2');
    mkdirSync(registry);
    const story = await cleanCounty('Story County', 2);
    const storyKey = generateCountySigningKey();
    const stranger = generateCountySigningKey();
    try {
      // Polk's registered key signs a bundle that says it is from Story County.
      register(registry, 'Polk County', keys.get('County 01') as CountySigningKey);
      register(registry, 'Story County', storyKey);
      const old = exportCounty(story, storyKey, join(work, 'story-1')).path;
      const current = exportCounty(story, storyKey, join(work, 'story-2.zip')).path;
      const unregistered = exportCounty(story, stranger, join(work, 'story-stranger')).path;
      const impostor = exportCounty(story, keys.get('County 01') as CountySigningKey, join(work, 'story-as-polk')).path;
      const tampered = exportCounty(story, storyKey, join(work, 'story-tampered')).path;
      const csv = join(tampered, 'data/results.csv');
      writeFileSync(csv, readFileSync(csv, 'utf8').replace(',Adams,20,20,', ',Adams,90,90,'));

      const aggregation = aggregateBundles(
        expectOk(readKeyRegistry(registry)),
        inputs([old, current, unregistered, impostor, tampered]),
      );
      const rejected = Object.fromEntries(aggregation.rejected.map((entry) => [entry.path, entry.code]));
      expect(rejected).toEqual({
        [old]: 'REPLAYED_OLDER',
        [unregistered]: 'UNREGISTERED_KEY',
        [impostor]: 'COUNTY_MISMATCH',
        [tampered]: 'TAMPERED',
      });
      expect(aggregation.byCounty).toEqual([
        expect.objectContaining({ county: 'Polk County', status: null }),
        expect.objectContaining({ county: 'Story County', sequence: 2, bundle: current }),
      ]);
      expect(aggregation.rejected.find((entry) => entry.path === impostor)?.message).toBe(
        `${impostor} is signed with the key registered to Polk County, but says it is from Story County.`,
      );
      expect(aggregation.totals.find((total) => total.candidate === 'Adams')?.firstAlignment).toBe(41);
    } finally {
      story.cleanup();
    }
  });

  it('refuses two different bundles that claim the same sequence, and counts a repeated one once', async () => {
    const registry = join(work, 'keys-3');
    mkdirSync(registry);
    const key = generateCountySigningKey();
    register(registry, 'Linn County', key);
    const first = await cleanCounty('Linn County', 2);
    const second = await cleanCounty('Linn County', 3);
    try {
      const a = exportCounty(first, key, join(work, 'linn-a')).path;
      const b = exportCounty(second, key, join(work, 'linn-b')).path;
      const conflict = aggregateBundles(expectOk(readKeyRegistry(registry)), inputs([a, b]));
      expect(conflict.rejected.map((entry) => entry.code)).toEqual(['CONFLICTING_SEQUENCE', 'CONFLICTING_SEQUENCE']);
      expect(conflict.counties.reporting).toBe(0);
      const repeated = aggregateBundles(expectOk(readKeyRegistry(registry)), inputs([a, a]));
      expect(repeated).toMatchObject({ rejected: [], duplicates: [a], counties: { reporting: 1 } });
    } finally {
      first.cleanup();
      second.cleanup();
    }
  });

  it('matches keys by key id, never by file name', async () => {
    const polk = await cleanCounty('Polk County', 2);
    const story = await cleanCounty('Story County', 2);
    const polkKey = generateCountySigningKey();
    const storyKey = generateCountySigningKey();
    try {
      const polkBundle = exportCounty(polk, polkKey, join(work, 'polk-named')).path;
      const storyBundle = exportCounty(story, storyKey, join(work, 'story-named')).path;
      // The chair's key saved as anything at all, even a plain minisign key naming no county: it counts.
      const anyName = join(work, 'keys-any-name');
      mkdirSync(anyName);
      writeFileSync(join(anyName, 'county.pub'), formatMinisignPublicKey(polkKey));
      writeFileSync(join(anyName, 'downloaded (2).pub'), formatMinisignPublicKey(storyKey, 'Story County'));
      const counted = aggregateBundles(expectOk(readKeyRegistry(anyName)), inputs([polkBundle, storyBundle]));
      expect(counted.rejected).toEqual([]);
      expect(counted.byCounty.map((county) => [county.county, county.bundle])).toEqual([
        ['Story County', storyBundle],
        ['Polk County', polkBundle],
      ]);

      // Story's key saved under Polk's name: Polk's bundle is not signed by any key given, and says so.
      const wrongKey = join(work, 'keys-wrong-key');
      mkdirSync(wrongKey);
      writeFileSync(join(wrongKey, 'Polk County.pub'), formatMinisignPublicKey(storyKey, 'Story County'));
      const refused = aggregateBundles(expectOk(readKeyRegistry(wrongKey)), inputs([polkBundle]));
      expect(refused.rejected.map((entry) => entry.code)).toEqual(['UNREGISTERED_KEY']);
      expect(refused.rejected[0]?.message).toMatch(
        /^.+ is signed with key [0-9A-F]{16}, and none of the public keys given is that key \(file names do not matter, only the key inside\)\. Ask the county chair/,
      );

      // A key that names no county signs for one county: bundles of two counties under one key all stop.
      const oneKey = join(work, 'keys-one-plain');
      mkdirSync(oneKey);
      writeFileSync(join(oneKey, 'county.pub'), formatMinisignPublicKey(polkKey));
      const storyUnderPolkKey = exportCounty(story, polkKey, join(work, 'story-under-polk-key')).path;
      const twoCounties = aggregateBundles(expectOk(readKeyRegistry(oneKey)), inputs([polkBundle, storyUnderPolkKey]));
      expect(twoCounties.rejected.map((entry) => entry.code)).toEqual(['COUNTY_MISMATCH', 'COUNTY_MISMATCH']);
      expect(twoCounties.counties.reporting).toBe(0);
    } finally {
      polk.cleanup();
      story.cleanup();
    }
  });

  it('refuses a registry that gives one key to two counties', () => {
    const registry = join(work, 'keys-4');
    mkdirSync(registry);
    const key = generateCountySigningKey();
    register(registry, 'Linn County', key);
    register(registry, 'Polk County', key);
    expect(readKeyRegistry(registry)).toMatchObject({ ok: false, error: { code: 'REGISTRY_CONFLICT' } });
  });
});
