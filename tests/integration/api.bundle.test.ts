/**
 * Bundles in the app, through the API on a real county database: the chair makes the county key,
 * exports signed bundles (the certification report and confirmed scans inside), copies one to a
 * USB stick with a safe eject, and the state party verifies and totals. The exported zip is checked
 * with Debian's real `minisign` and `sha256sum`; only the drive's eject is substituted (hardware).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Api, createApi } from '../../electron/core/api';
import type { DriveEjector } from '../../electron/core/bundle/drive-ejector';
import type { ScanReading } from '../../electron/core/ocr/scan-reading';
import type { ScanReader } from '../../electron/core/scan-review/scan-reader';
import { memorySecretStore, type SecretStore } from '../../electron/core/secrets/secret-store';
import { openCountyStore } from '../../electron/core/store';
import type { CountyStore } from '../../electron/core/store/county-store';
import { countyWithTeam, lines, type Team } from '../helpers/county-team';
import { caucusClock, INTAKE_FIXTURES } from '../helpers/intake-county';
import { expectReadablePdf } from '../helpers/pdf-accessibility';
import { rawDatabase } from '../helpers/raw-database';
import { expectOk, RESOURCES_DIR } from '../helpers/temp-county';

const PASSPHRASE = 'correct horse battery';
/** The key file's scrypt made cheap: the cost is a parameter of the file, not of what is tested. */
const CHEAP_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

interface Harness {
  readonly dir: string;
  readonly media: string;
  readonly store: CountyStore;
  readonly api: Api;
  readonly team: Team;
  readonly secrets: SecretStore;
  readonly ejected: string[];
  readonly readings: ScanReading[][];
  ejectFails: boolean;
}

let h: Harness;

beforeEach(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tallyroom-api-bundle-'));
  const media = join(dir, 'media');
  mkdirSync(media);
  const store = openCountyStore(join(dir, 'county.db'));
  const secrets = memorySecretStore();
  const ejected: string[] = [];
  const readings: ScanReading[][] = [];
  const partial: Omit<Harness, 'team'> & { team?: Team } = {
    dir,
    media,
    store,
    secrets,
    ejected,
    readings,
    ejectFails: false,
    api: undefined as unknown as Api,
  };
  const ejector: DriveEjector = {
    eject: async (mountPath) => {
      if (partial.ejectFails) return { ok: false, reason: 'target is busy' };
      ejected.push(mountPath);
      return { ok: true };
    },
  };
  const api = createApi({
    store,
    resourcesDir: RESOURCES_DIR,
    clock: caucusClock(),
    secrets,
    ocr: () => preparedReader(readings),
    bundles: {
      appVersion: '9.9.9-test',
      mountRoots: [{ path: media, kind: 'parent' }],
      ejector,
      scryptCost: CHEAP_SCRYPT,
    },
  });
  const team = await countyWithTeam({
    dir,
    dbPath: join(dir, 'county.db'),
    store,
    api,
    reopen: () => {
      throw new Error('not used');
    },
    cleanup: () => undefined,
  });
  h = Object.assign(partial, { api, team }) as Harness;
});

afterEach(() => {
  h.store.close();
  rmSync(h.dir, { recursive: true, force: true });
});

const bundleRows = () =>
  (rawDatabase(h.store).prepare('SELECT count(*) AS n FROM bundle_export').get() as { n: number }).n;

async function makeKey(remember = false) {
  return expectOk(await h.api.createSigningKey({ session: h.team.chair, passphrase: PASSPHRASE, remember }));
}

async function enterAllPrecincts() {
  const sheets: [string, ReturnType<typeof lines>][] = [
    [
      'DM-01',
      lines([
        [20, 20, null],
        [10, 10, null],
        [7, 7, null],
      ]),
    ],
    [
      'DM-02',
      lines([
        [12, 15, null],
        [9, 9, null],
        [3, 0, null],
      ]),
    ],
    [
      'AL-01',
      lines([
        [5, 5, null],
        [2, 0, null],
        [4, 6, null],
      ]),
    ],
  ];
  for (const [precinct, worksheet] of sheets) {
    expectOk(await h.api.submitWorksheet({ session: h.team.jordan, precinct, lines: worksheet, coinTosses: [] }));
  }
}

/** The state party's three commands (docs/CONTRACTS.md) on an unzipped bundle, with Debian's real tools. */
function standardTools(bagDir: string, publicKeyFile: string) {
  const run = (command: string, ...args: string[]) => {
    const result = spawnSync(command, args, { cwd: bagDir, encoding: 'utf8' });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  };
  return {
    minisign: run('minisign', '-Vm', 'tagmanifest-sha256.txt', '-p', publicKeyFile),
    tagManifest: run('sha256sum', '-c', 'tagmanifest-sha256.txt'),
    manifest: run('sha256sum', '-c', 'manifest-sha256.txt'),
  };
}

/** Unzips into `into` and returns the bag folder (the zip holds one folder named after the bag). */
function unzipBag(zip: Uint8Array, into: string): string {
  for (const [name, bytes] of Object.entries(unzipSync(zip))) {
    mkdirSync(dirname(join(into, name)), { recursive: true });
    writeFileSync(join(into, name), bytes);
  }
  const [bag] = readdirSync(into);
  if (!bag) throw new Error('empty zip');
  return join(into, bag);
}

describe('the county signing key', () => {
  it('is made by the chair only, shown with its fingerprint and public key, and recorded', async () => {
    expect(expectOk(await h.api.getSigningKey({}))).toEqual({
      key: null,
      passphraseRemembered: false,
      rememberSurvivesRestart: false,
    });
    const byEntry = await h.api.createSigningKey({ session: h.team.jordan, passphrase: PASSPHRASE });
    expect(byEntry.ok || byEntry.error.code).toBe('NOT_ALLOWED');
    expect(byEntry.ok || byEntry.error.message).toMatch(/Only the county chair signs for the county/);
    const short = await h.api.createSigningKey({ session: h.team.chair, passphrase: 'short' });
    expect(short.ok || short.error.message).toMatch(/at least 8 characters/);

    const state = await makeKey();
    const key = state.key;
    expect(key).toMatchObject({ createdBy: 'Pat Chair', keysMade: 1 });
    expect(key?.keyId).toMatch(/^[0-9A-F]{16}$/);
    expect(key?.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    // The key file names its county in its comment and is downloaded under the county's name.
    expect(key?.publicKeyText).toMatch(
      new RegExp(`^untrusted comment: minisign public key ${key?.keyId} for Polk County\n`),
    );
    expect(key?.publicKeyFileName).toBe('Polk County.pub');
    expect(state.passphraseRemembered).toBe(false);

    // The secret half sits encrypted beside the database, never in it.
    const keyFile = join(h.dir, 'signing-keys', 'key-1', 'county.key');
    expect(readFileSync(keyFile, 'utf8')).not.toContain(PASSPHRASE);
    const audit = expectOk(await h.api.getAuditLog({ limit: 3 })).entries;
    expect(audit[0]).toMatchObject({
      action: 'signing-key.created',
      operator: 'Pat Chair',
      payload: { keyId: key?.keyId, fingerprint: key?.fingerprint, replaces: null },
    });

    const again = await h.api.createSigningKey({ session: h.team.chair, passphrase: PASSPHRASE });
    expect(again.ok || again.error.code).toBe('KEY_EXISTS');
    const replaced = expectOk(
      await h.api.createSigningKey({ session: h.team.chair, passphrase: 'another passphrase', replace: true }),
    );
    expect(replaced.key?.keyId).not.toBe(key?.keyId);
    expect(replaced.key?.keysMade).toBe(2);
  });
});

describe('exporting a signed bundle', () => {
  it('requires the chair, the right passphrase, and writes nothing when refused', async () => {
    const none = await h.api.exportBundle({ session: h.team.chair, passphrase: PASSPHRASE });
    expect(none.ok || none.error.code).toBe('NO_SIGNING_KEY');
    await makeKey();
    const byEntry = await h.api.exportBundle({ session: h.team.jordan, passphrase: PASSPHRASE });
    expect(byEntry.ok || byEntry.error.code).toBe('NOT_ALLOWED');
    const noPassphrase = await h.api.exportBundle({ session: h.team.chair });
    expect(noPassphrase.ok || noPassphrase.error.code).toBe('PASSPHRASE_NEEDED');
    const wrong = await h.api.exportBundle({ session: h.team.chair, passphrase: 'not the passphrase' });
    expect(wrong.ok || wrong.error.code).toBe('WRONG_PASSPHRASE');
    expect(wrong.ok || wrong.error.message).toBe(
      'That passphrase does not open the county signing key. Type it again exactly as it was set; nothing was signed.',
    );
    expect(bundleRows()).toBe(0);
    expect(existsSync(join(h.dir, 'bundles'))).toBe(false);
  });

  it('verifies with real minisign -V and sha256sum -c, and carries the certification report', async () => {
    const { key } = await makeKey();
    await enterAllPrecincts();
    const exported = expectOk(await h.api.exportBundle({ session: h.team.chair, passphrase: PASSPHRASE }));
    expect(exported).toMatchObject({
      sequence: 1,
      status: 'unofficial-complete',
      keyId: key?.keyId,
      keyFingerprint: key?.fingerprint,
      precinctsReporting: 3,
      precinctsTotal: 3,
      scans: 0,
    });
    expect(exported.bundle.fileName).toBe('polk-county-bundle-1.zip');
    expect(bundleRows()).toBe(1);

    const work = join(h.dir, 'state-party');
    mkdirSync(work);
    const publicKeyFile = join(work, 'county.pub');
    writeFileSync(publicKeyFile, key?.publicKeyText ?? '');
    const bag = unzipBag(Buffer.from(exported.bundle.contentBase64, 'base64'), join(work, 'unzipped'));
    const tools = standardTools(bag, publicKeyFile);
    expect(tools.minisign.code, tools.minisign.output).toBe(0);
    expect(tools.minisign.output).toContain('"county":"Polk County"');
    expect(tools.tagManifest.code, tools.tagManifest.output).toBe(0);
    expect(tools.manifest.code, tools.manifest.output).toBe(0);
    expect(tools.manifest.output).toContain('data/certification-report.pdf: OK');

    const inside = readFileSync(join(bag, 'data/certification-report.pdf'));
    expect(inside.subarray(0, 5).toString()).toBe('%PDF-');
    const printed = Buffer.from(exported.report.contentBase64, 'base64');
    expect(printed.subarray(0, 5).toString()).toBe('%PDF-');
    expect(exported.report.fileName).toBe('polk-county-bundle-1-certification-report.pdf');
    await expectReadablePdf(printed, ['Certification report — Polk County', 'signature']);
    // The printed copy differs from the one inside: it names the finished bundle's fingerprint.
    expect(printed.equals(inside)).toBe(false);

    const second = expectOk(await h.api.exportBundle({ session: h.team.chair, passphrase: PASSPHRASE }));
    expect(second.sequence).toBe(2);
  });

  it('marks a bundle certified only once the chair has certified the county', async () => {
    await makeKey();
    await enterAllPrecincts();
    const refused = await h.api.exportBundle({ session: h.team.chair, passphrase: PASSPHRASE, status: 'certified' });
    expect(refused.ok || refused.error.code).toBe('COUNTY_NOT_CERTIFIED');
    expect(bundleRows()).toBe(0);
  });

  it('uses the passphrase the chair chose to remember, and forgets one that stopped working', async () => {
    await makeKey(true);
    expect(expectOk(await h.api.getSigningKey({})).passphraseRemembered).toBe(true);
    expect(expectOk(await h.api.exportBundle({ session: h.team.chair })).sequence).toBe(1);

    await h.secrets.set('signing-key-passphrase', 'stale passphrase');
    const stale = await h.api.exportBundle({ session: h.team.chair });
    expect(stale.ok || stale.error.code).toBe('PASSPHRASE_NEEDED');
    expect(await h.secrets.get('signing-key-passphrase')).toBeNull();
  });

  it('puts confirmed worksheet scans under data/scans/ with their sha256 in the manifest', async () => {
    await makeKey();
    const png = readFileSync(join(INTAKE_FIXTURES, 'good/DM-01-worksheet.png'));
    expectOk(
      await h.api.importFiles({
        session: h.team.jordan,
        source: 'scan',
        files: [{ fileName: 'DM-01-worksheet.png', contentBase64: png.toString('base64') }],
      }),
    );
    const [scan] = expectOk(await h.api.listScanQueue({}));
    if (!scan) throw new Error('the scan was not queued');
    h.readings.push([dm01Reading()]);
    const read = expectOk(await h.api.readScan({ session: h.team.jordan, scanId: scan.importFileId }));
    expectOk(
      await h.api.confirmScanReading({
        session: h.team.jordan,
        scanId: scan.importFileId,
        readingId: read.pages[0]?.readingId,
        precinct: 'DM-01',
        fields: dm01Reading().fields.map(({ candidate, column, value }) => ({ candidate, column, value })),
      }),
    );

    const exported = expectOk(await h.api.exportBundle({ session: h.team.chair, passphrase: PASSPHRASE }));
    expect(exported.scans).toBe(1);
    const files = unzipSync(Buffer.from(exported.bundle.contentBase64, 'base64'));
    const scanPath = `polk-county-bundle-1/data/scans/${scan.importFileId}-DM-01-worksheet.png`;
    expect(Buffer.from(files[scanPath] ?? []).equals(png)).toBe(true);
    const manifest = Buffer.from(files['polk-county-bundle-1/manifest-sha256.txt'] ?? []).toString();
    const sha256 = createHash('sha256').update(png).digest('hex');
    expect(manifest).toContain(`${sha256}  data/scans/${scan.importFileId}-DM-01-worksheet.png\n`);
  });
});

describe('export to USB', () => {
  it('writes the bundle to the stick, verifies it there, and says safe to remove only after the eject', async () => {
    const { key } = await makeKey();
    const stick = join(h.media, 'COUNTY-USB');
    mkdirSync(stick);
    const drives = expectOk(await h.api.listRemovableDrives({}));
    expect(drives).toEqual([{ id: stick, label: 'COUNTY-USB' }]);

    const elsewhere = await h.api.exportBundleToDrive({ session: h.team.chair, drive: h.dir, passphrase: PASSPHRASE });
    expect(elsewhere.ok || elsewhere.error.code).toBe('DRIVE_NOT_FOUND');
    const byEntry = await h.api.exportBundleToDrive({ session: h.team.jordan, drive: stick, passphrase: PASSPHRASE });
    expect(byEntry.ok || byEntry.error.code).toBe('NOT_ALLOWED');

    const copied = expectOk(
      await h.api.exportBundleToDrive({ session: h.team.chair, drive: stick, passphrase: PASSPHRASE }),
    );
    expect(copied).toMatchObject({
      drive: 'COUNTY-USB',
      safeToRemove: true,
      path: join(stick, 'polk-county-bundle-1.zip'),
    });
    expect(copied.message).toMatch(/safe to remove/);
    expect(h.ejected).toEqual([stick]);
    expect(readdirSync(stick)).toEqual(['polk-county-bundle-1.zip']);
    expect(
      readFileSync(join(stick, 'polk-county-bundle-1.zip')).equals(
        readFileSync(join(h.dir, 'bundles', 'polk-county-bundle-1.zip')),
      ),
    ).toBe(true);

    const work = join(h.dir, 'check');
    mkdirSync(work);
    writeFileSync(join(work, 'county.pub'), key?.publicKeyText ?? '');
    const tools = standardTools(unzipBag(readFileSync(copied.path), join(work, 'bag')), join(work, 'county.pub'));
    expect([tools.minisign.code, tools.tagManifest.code, tools.manifest.code]).toEqual([0, 0, 0]);
    const audit = expectOk(await h.api.getAuditLog({ limit: 1 })).entries[0];
    expect(audit).toMatchObject({
      action: 'bundle.copied-to-drive',
      operator: 'Pat Chair',
      payload: { ejected: true },
    });
  });

  it('keeps the bundle but does not say safe to remove when the eject fails', async () => {
    await makeKey();
    const stick = join(h.media, 'STICK');
    mkdirSync(stick);
    h.ejectFails = true;
    const copied = expectOk(
      await h.api.exportBundleToDrive({ session: h.team.chair, drive: stick, passphrase: PASSPHRASE }),
    );
    expect(copied.safeToRemove).toBe(false);
    expect(copied.message).toBe(
      'STICK could not be ejected (target is busy). Close any window showing its files and eject it from the computer before pulling it out.',
    );
    expect(readdirSync(stick)).toEqual(['polk-county-bundle-1.zip']);
  });
  it('never overwrites a bundle on the stick, and says where the signed bundle is', async () => {
    await makeKey();
    const stick = join(h.media, 'OLD-STICK');
    mkdirSync(stick);
    writeFileSync(join(stick, 'polk-county-bundle-1.zip'), 'an older file');
    const refused = await h.api.exportBundleToDrive({ session: h.team.chair, drive: stick, passphrase: PASSPHRASE });
    expect(refused.ok || refused.error.code).toBe('BUNDLE_EXISTS');
    expect(refused.ok || refused.error.message).toBe(
      'OLD-STICK already holds polk-county-bundle-1.zip; Tallyroom never overwrites a bundle. Use another drive. Bundle 1 was signed and is kept on this computer; download it, or try another stick.',
    );
    expect(readFileSync(join(stick, 'polk-county-bundle-1.zip'), 'utf8')).toBe('an older file');
    expect(readdirSync(stick)).toEqual(['polk-county-bundle-1.zip']);
    expect(h.ejected).toEqual([]);
  });
});

describe('the state party', () => {
  it('counts an authentic bundle and refuses a tampered one, each explained in plain words', async () => {
    const { key } = await makeKey();
    await enterAllPrecincts();
    const exported = expectOk(await h.api.exportBundle({ session: h.team.chair, passphrase: PASSPHRASE }));
    const zip = Buffer.from(exported.bundle.contentBase64, 'base64');
    const files = unzipSync(zip);
    const csvPath = 'polk-county-bundle-1/data/results.csv';
    files[csvPath] = new TextEncoder().encode(
      Buffer.from(files[csvPath] ?? [])
        .toString()
        .replace('Adams,20,20', 'Adams,90,90'),
    );
    const tampered = Buffer.from(zipSync(files)).toString('base64');

    const party = expectOk(
      await h.api.aggregateBundles({
        publicKeys: [
          // Any file name: the key is matched by its key id.
          { fileName: 'keys/county (3).pub', contentBase64: Buffer.from(key?.publicKeyText ?? '').toString('base64') },
        ],
        bundles: [
          { fileName: 'polk-tampered.zip', contentBase64: tampered },
          { fileName: exported.bundle.fileName, contentBase64: exported.bundle.contentBase64 },
        ],
      }),
    );
    expect(party.counties).toEqual({ registered: 1, reporting: 1 });
    expect(party.totals.map((total) => [total.candidate, total.firstAlignment, total.finalAlignment])).toEqual([
      ['Adams', 37, 40],
      ['Baker', 21, 19],
      ['Castillo', 14, 13],
    ]);
    expect(party.checks).toEqual([
      {
        fileName: 'polk-tampered.zip',
        county: 'Polk County',
        outcome: 'refused',
        message:
          'polk-tampered.zip (key of Polk County) was changed after it was signed or is damaged. data/results.csv was changed after the bundle was signed (its sha256 does not match manifest-sha256.txt).',
      },
      {
        fileName: 'polk-county-bundle-1.zip',
        county: 'Polk County',
        outcome: 'counted',
        message:
          "Verified: signed with Polk County's registered key, unchanged since signing, and its files agree. Bundle 1 (unofficial-complete), 3 of 3 precincts.",
      },
    ]);
    // The statewide download (every precinct, XLSX, NIST) is made only when asked for.
    expect(party.statewideExport).toBeNull();
    const withExport = expectOk(
      await h.api.aggregateBundles({
        publicKeys: [
          // Any file name: the key is matched by its key id.
          { fileName: 'keys/county (3).pub', contentBase64: Buffer.from(key?.publicKeyText ?? '').toString('base64') },
        ],
        bundles: [{ fileName: exported.bundle.fileName, contentBase64: exported.bundle.contentBase64 }],
        statewideExport: true,
      }),
    );
    expect(withExport.totals).toEqual(party.totals);
    const statewide = unzipSync(Buffer.from(withExport.statewideExport?.contentBase64 ?? '', 'base64'));
    expect(Object.keys(statewide).sort()).toEqual([
      'results.csv',
      'results.json',
      'results.nist-1500-100.json',
      'results.xlsx',
    ]);
  });

  it('refuses key files that are not county keys', async () => {
    const refused = await h.api.aggregateBundles({
      publicKeys: [{ fileName: 'Polk County.pub', contentBase64: Buffer.from('not a key').toString('base64') }],
      bundles: [{ fileName: 'x.zip', contentBase64: '' }],
    });
    expect(refused.ok).toBe(false);
  });
});

/** DM-01 read exactly as the paper says (20/20/4, 10/10/2, 7/7/1); only the OCR engine is left out. */
function dm01Reading(): ScanReading {
  const truth = { Adams: [20, 20, 4], Baker: [10, 10, 2], Castillo: [7, 7, 1] } as const;
  const fields = Object.entries(truth).flatMap(([candidate, values], row) =>
    (['first', 'final', 'delegates'] as const).map((column, col) => ({
      candidate,
      column,
      value: values[col] as number,
      confidence: 0.97,
      needsReview: false,
      reasons: [],
      engines: { tesseract: String(values[col]), classifier: String(values[col]) },
      box: { x: 10 + 30 * col, y: 10 + 12 * row, width: 25, height: 10 },
    })),
  );
  const png = new PNG({ width: 120, height: 60 });
  png.data.fill(255);
  return {
    precinct: 'DM-01',
    formVersion: 1,
    pageNumber: 1,
    rotationDegrees: 0,
    fields,
    problems: [],
    page: { png: new Uint8Array(PNG.sync.write(png)), width: 120, height: 60 },
    elapsedMs: 1,
  };
}

function preparedReader(queue: ScanReading[][]): ScanReader {
  return {
    engineVersions: { 'tesseract.js': 'test', classifier: 'test' },
    read: async () => ({ ok: true, value: queue.shift() ?? [] }),
    close: async () => undefined,
  };
}
