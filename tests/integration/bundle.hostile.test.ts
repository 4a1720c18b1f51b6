/**
 * Hostile bundles (docs/BUNDLE.md, docs/SECURITY.md): real malformed zips, each given to the state party's reader
 * (readBundle, as `tallyroom verify` and `aggregate` read a file) and to the app's state party
 * screen (the aggregateBundles API). Each is refused with a sentence that says what is wrong, and
 * nothing is written anywhere: no file beside the bundle or outside it, no row in the database.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BundleFiles,
  PAYLOAD_MANIFEST,
  RESULTS_CSV,
  SIGNED_TAG_FILES,
  TAG_MANIFEST,
  TAG_MANIFEST_SIGNATURE,
} from '../../electron/core/bundle/bag-layout';
import { readBundle, zipBundle } from '../../electron/core/bundle/bundle-container';
import { formatManifest } from '../../electron/core/bundle/manifest';
import { verifyBundle } from '../../electron/core/bundle/verify-bundle';
import { type CountySigningKey, generateCountySigningKey } from '../../electron/core/signing/county-key';
import { formatMinisignPublicKey } from '../../electron/core/signing/minisign-public-key';
import {
  formatMinisignSignature,
  parseMinisignSignature,
  signMinisign,
} from '../../electron/core/signing/minisign-signature';
import { expectOk, type TempCounty, tempCounty } from '../helpers/temp-county';
import { cleanCounty, exportCounty } from '../unit/bundle/bundle-fixtures';

const countyKey = generateCountySigningKey();
const otherKey = generateCountySigningKey();
const BAG = 'linn-1';
let county: TempCounty;
let stateParty: TempCounty;
let work: string;
let genuine: Uint8Array;
let files: BundleFiles;

beforeAll(async () => {
  county = await cleanCounty('Linn County', 3);
  stateParty = tempCounty();
  work = mkdtempSync(join(tmpdir(), 'tallyroom-hostile-'));
  const exported = exportCounty(county, countyKey, join(work, `${BAG}.zip`));
  genuine = readFileSync(exported.path);
  files = expectOk(readBundle(exported.path));
}, 120_000);
afterAll(() => {
  county.cleanup();
  stateParty.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const text = (value: string) => new TextEncoder().encode(value);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The bag's files as a zip in the bag's folder, as Tallyroom writes it. */
function zipOf(bag: BundleFiles): Uint8Array {
  return zipBundle(bag, BAG, new Date('2026-02-03T03:00:00Z'));
}

/** Re-signs the (changed) files: fresh manifests and a valid signature by `key`, same signed comment. */
function resigned(bag: BundleFiles, key: CountySigningKey): BundleFiles {
  const copy: BundleFiles = new Map(bag);
  const payload = [...copy.keys()].filter((path) => path.startsWith('data/'));
  copy.set(PAYLOAD_MANIFEST, text(formatManifest(copy, payload)));
  const tagManifest = text(formatManifest(copy, SIGNED_TAG_FILES));
  copy.set(TAG_MANIFEST, tagManifest);
  const original = expectOk(
    parseMinisignSignature(Buffer.from(bag.get(TAG_MANIFEST_SIGNATURE) as Uint8Array).toString('utf8')),
  );
  copy.set(
    TAG_MANIFEST_SIGNATURE,
    text(formatMinisignSignature(signMinisign(key, tagManifest, original.trustedComment))),
  );
  return copy;
}

let bomb: Uint8Array | null = null;
/** A zip whose one entry inflates to 300 MB of zeros (about 1 KB compressed per MB); made once. */
function zipBomb(): Uint8Array {
  bomb ??= makeZipBomb(300);
  return new Uint8Array(bomb);
}

function makeZipBomb(megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  const entry = new ZipDeflate(`${BAG}/data/results.json`, { level: 1 });
  zip.add(entry);
  const zeros = new Uint8Array(1024 * 1024);
  for (let index = 0; index < megabytes; index++) entry.push(zeros, index === megabytes - 1);
  zip.end();
  return Buffer.concat(parts);
}

/** Two entries with one name: written under different names, then one renamed in the headers. */
function duplicateNames(): Uint8Array {
  const entries = Object.fromEntries([...files].map(([path, bytes]) => [`${BAG}/${path}`, bytes]));
  entries[`${BAG}/data/results.cs_`] = text('county,precinct\nLinn County,EVIL\n');
  const zip = Buffer.from(zipSync(entries));
  const renamed = Buffer.from(zip.toString('latin1').replaceAll('data/results.cs_', 'data/results.csv'), 'latin1');
  return new Uint8Array(renamed);
}

interface Refusal {
  readonly code: string;
  readonly message: string;
}

/** Writes the hostile zip, reads it as the CLI does, and checks nothing else appeared on disk. */
function refusedOnDisk(name: string, bytes: Uint8Array): Refusal {
  const folder = mkdtempSync(join(work, 'case-'));
  const path = join(folder, name);
  writeFileSync(path, bytes);
  const before = readdirSync(work).sort();
  const read = readBundle(path);
  expect(readdirSync(folder)).toEqual([name]);
  expect(readdirSync(work).sort()).toEqual(before);
  if (!read.ok) return read.error;
  const verification = verifyBundle(read.value, countyKey);
  expect(verification.problems.length, 'a hostile bundle must not verify').toBeGreaterThan(0);
  const [problem] = verification.problems;
  return { code: problem?.code ?? '', message: problem?.message ?? '' };
}

/** The app's state party screen: the bundle refused, nothing counted, nothing written to the database. */
async function refusedByStateParty(name: string, bytes: Uint8Array, keys: Record<string, CountySigningKey> = {}) {
  const auditBefore = stateParty.store.countAudit();
  const registered = Object.keys(keys).length > 0 ? keys : { 'Linn County': countyKey };
  const view = expectOk(
    await stateParty.api.aggregateBundles({
      bundles: [{ fileName: name, contentBase64: base64(bytes) }],
      // As the app's Export screen writes them: the county in the key's comment; the file name is not read.
      publicKeys: Object.entries(registered).map(([countyName, key], index) => ({
        fileName: `registered-key-${index + 1}.pub`,
        contentBase64: base64(text(formatMinisignPublicKey(key, countyName))),
      })),
    }),
  );
  expect(view.counties.reporting).toBe(0);
  expect(view.totals).toEqual([]);
  expect(view.checks).toHaveLength(1);
  expect(view.checks[0]?.outcome).toBe('refused');
  expect(stateParty.store.countAudit()).toBe(auditBefore);
  return { rejection: view.rejected[0], message: view.checks[0]?.message ?? '' };
}

describe('hostile bundles are refused with a clear message and nothing written', () => {
  it('the genuine bundle is counted (the corpus is made from it)', async () => {
    const view = expectOk(
      await stateParty.api.aggregateBundles({
        bundles: [{ fileName: `${BAG}.zip`, contentBase64: base64(genuine) }],
        publicKeys: [{ fileName: 'Linn County.pub', contentBase64: base64(text(formatMinisignPublicKey(countyKey))) }],
      }),
    );
    expect(view.checks[0]?.outcome).toBe('counted');
  });

  it('a truncated zip', async () => {
    const cut = genuine.subarray(0, Math.floor(genuine.length / 2));
    expect(refusedOnDisk('cut.zip', cut)).toMatchObject({
      code: 'BUNDLE_UNREADABLE',
      message: expect.stringMatching(/cut\.zip is not a readable \.zip file; it may be damaged or cut short\.$/),
    });
    const { rejection } = await refusedByStateParty('cut.zip', cut);
    expect(rejection).toMatchObject({
      code: 'UNREADABLE',
      message: 'cut.zip is not a readable .zip file; it may be damaged or cut short.',
    });
  });

  it('a zip bomb is refused from its declared size, before anything is inflated', async () => {
    const bomb = zipBomb();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(refusedOnDisk('bomb.zip', bomb)).toMatchObject({
      code: 'BUNDLE_TOO_LARGE',
      message: expect.stringMatching(/bomb\.zip holds more files or bytes than any result bundle can\.$/),
    });
    const { rejection } = await refusedByStateParty('bomb.zip', bomb);
    expect(rejection?.message).toBe('bomb.zip holds more files or bytes than any result bundle can.');
  });

  it('a bomb that lies about its size inflates no further than it declared, and fails verification', async () => {
    const bomb = Buffer.from(zipBomb());
    // Declare 1,000 bytes in the local header (offset 22) and the central directory entry (offset 24).
    for (let offset = 0; offset < bomb.length - 4; offset++) {
      if (bomb.readUInt32LE(offset) === 0x04034b50) bomb.writeUInt32LE(1000, offset + 22);
      if (bomb.readUInt32LE(offset) === 0x02014b50) bomb.writeUInt32LE(1000, offset + 24);
    }
    const refusal = refusedOnDisk('liar.zip', bomb);
    expect(refusal.code).toBe('FILE_MISSING');
    await refusedByStateParty('liar.zip', bomb);
  });

  it('path traversal entries ("../")', async () => {
    for (const evil of ['../evil.txt', `${BAG}/../../evil.txt`, '/etc/evil.txt', `${BAG}/data/..\\evil.txt`]) {
      const zip = zipSync({
        [evil]: text('pwned'),
        ...Object.fromEntries([...files].map(([p, b]) => [`${BAG}/${p}`, b])),
      });
      const refusal = refusedOnDisk('traversal.zip', zip);
      expect(refusal.code).toBe('BUNDLE_UNSAFE_PATH');
      expect(refusal.message).toContain(
        `contains a file path that points outside the bundle (${evil}); it was not opened.`,
      );
      const { rejection } = await refusedByStateParty('traversal.zip', zip);
      expect(rejection?.code).toBe('UNREADABLE');
    }
    expect(readdirSync(join(work, '..')).includes('evil.txt')).toBe(false);
  });

  it('a symbolic link stored in the zip', async () => {
    const entries: Record<string, Uint8Array | [Uint8Array, { os: number; attrs: number }]> = Object.fromEntries(
      [...files].map(([path, bytes]) => [`${BAG}/${path}`, bytes]),
    );
    // What `zip --symlinks` stores: the link's target as data, Unix mode 0120777.
    entries[`${BAG}/data/scans/DM-01.png`] = [text('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }];
    const zip = zipSync(entries);
    expect(refusedOnDisk('link.zip', zip)).toMatchObject({
      code: 'BUNDLE_UNSAFE_PATH',
      message: expect.stringContaining(
        `contains a link (${BAG}/data/scans/DM-01.png) instead of a file; a bundle holds only plain files`,
      ),
    });
    const { message } = await refusedByStateParty('link.zip', zip);
    expect(message).toContain('link.zip contains a link');
  });

  it('two entries with the same name', async () => {
    const zip = duplicateNames();
    expect(unzipSync(zip)).toBeDefined();
    expect(refusedOnDisk('twice.zip', zip)).toMatchObject({
      code: 'BUNDLE_UNSAFE_PATH',
      message: expect.stringContaining(`contains ${BAG}/data/results.csv twice; it was not opened.`),
    });
    await refusedByStateParty('twice.zip', zip);
  });

  it('a data file whose sha256 does not match the manifest', async () => {
    const changed: BundleFiles = new Map(files);
    const csv = Buffer.from(files.get(RESULTS_CSV) as Uint8Array).toString('utf8');
    changed.set(RESULTS_CSV, text(csv.replace(',Adams,20,20,', ',Adams,90,90,')));
    const zip = zipOf(changed);
    expect(refusedOnDisk('changed.zip', zip)).toEqual({
      code: 'FILE_CHANGED',
      message:
        'data/results.csv was changed after the bundle was signed (its sha256 does not match manifest-sha256.txt).',
    });
    const { rejection } = await refusedByStateParty('changed.zip', zip);
    expect(rejection).toMatchObject({
      code: 'TAMPERED',
      message: 'changed.zip (key of Linn County) was changed after it was signed or is damaged.',
    });
  });

  it('a bundle signed by another key', async () => {
    const zip = zipOf(resigned(files, otherKey));
    const refusal = refusedOnDisk('other-key.zip', zip);
    expect(refusal.code).toBe('WRONG_KEY');
    expect(refusal.message).toMatch(
      /^The bundle was signed with key [0-9A-F]{16}, not with the county key [0-9A-F]{16} you gave\.$/,
    );
    const unregistered = await refusedByStateParty('other-key.zip', zip);
    expect(unregistered.rejection?.code).toBe('UNREGISTERED_KEY');
    expect(unregistered.message).toMatch(
      /^other-key\.zip is signed with key [0-9A-F]{16}, and none of the public keys given is that key \(file names do not matter, only the key inside\)\./,
    );
    // The other key is registered, but to another county: its bundle cannot speak for Linn County.
    const elsewhere = await refusedByStateParty('other-key.zip', zip, {
      'Linn County': countyKey,
      'Story County': otherKey,
    });
    expect(elsewhere.rejection).toMatchObject({
      code: 'COUNTY_MISMATCH',
      message: 'other-key.zip is signed with the key registered to Story County, but says it is from Linn County.',
    });
  });

  it('a validly signed bundle whose results.json and CSV disagree', async () => {
    const changed: BundleFiles = new Map(files);
    const csv = Buffer.from(files.get(RESULTS_CSV) as Uint8Array).toString('utf8');
    changed.set(RESULTS_CSV, text(csv.replace(',Adams,20,20,', ',Adams,90,90,')));
    const zip = zipOf(resigned(changed, countyKey));
    expect(refusedOnDisk('disagree.zip', zip)).toEqual({
      code: 'DERIVED_FILE_MISMATCH',
      message: 'data/results.csv does not hold the same numbers as data/results.json.',
    });
    const { rejection } = await refusedByStateParty('disagree.zip', zip);
    expect(rejection).toMatchObject({
      code: 'INCONSISTENT',
      message: 'disagree.zip from Linn County is signed, but its files disagree with each other.',
    });
  });
});
