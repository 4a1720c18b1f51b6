import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBundle } from '../../electron/core/bundle/bundle-container';
import { exportBundle } from '../../electron/core/bundle/export-bundle';
import { verifyBundle } from '../../electron/core/bundle/verify-bundle';
import { generateCountySigningKey } from '../../electron/core/signing/county-key';
import { listBundleExports } from '../../electron/core/store/bundle-records';
import { expectOk, SMALL_COUNTY, type TempCounty, tempCounty } from '../helpers/temp-county';
import { cleanCounty, exportCounty } from '../unit/bundle/bundle-fixtures';

const key = generateCountySigningKey();
let county: TempCounty;
let out: string;

beforeEach(async () => {
  county = await cleanCounty('Polk County', 3);
  out = mkdtempSync(join(tmpdir(), 'tallyroom-export-'));
}, 60_000);
afterEach(() => {
  county.cleanup();
  rmSync(out, { recursive: true, force: true });
});

const input = (path: string, extra: object = {}) => ({
  out: path,
  key,
  operator: 'Pat Chair',
  appVersion: '0.1.0-test',
  now: () => new Date('2026-02-03T04:05:06.789Z'),
  ...extra,
});

describe('exporting a signed bundle', () => {
  it('numbers every export, records it, and ends the bundle audit log with the export', () => {
    const first = exportCounty(county, key, join(out, 'first.zip'));
    const second = exportCounty(county, key, join(out, 'second'), { status: 'certified' });
    expect([first.sequence, second.sequence]).toEqual([1, 2]);
    expect(second).toMatchObject({ format: 'folder', status: 'certified', precinctsReporting: 3, precinctsTotal: 3 });
    expect(
      listBundleExports(county.store).map((record) => [record.sequence, record.status, record.fingerprint]),
    ).toEqual([
      [1, 'unofficial-complete', first.fingerprint],
      [2, 'certified', second.fingerprint],
    ]);
    const head = county.store.listAudit(1, 0)[0];
    expect(head).toMatchObject({ action: 'bundle.exported', operator: 'Pat Chair', payload: { sequence: 2 } });
    const verification = verifyBundle(expectOk(readBundle(second.path)), key);
    expect(verification).toMatchObject({
      valid: true,
      claims: { county: 'Polk County', sequence: 2, status: 'certified' },
    });
    expect(verification.results?.auditLog.headHash).toBe(head?.hash);
  });

  it('records a change of signing key in the audit log', () => {
    exportCounty(county, key, join(out, 'one'));
    exportCounty(county, generateCountySigningKey(), join(out, 'two'));
    const actions = county.store.listAudit(2, 0).map((entry) => entry.action);
    expect(actions).toEqual(['bundle.exported', 'signing-key.changed']);
  });

  it('never overwrites a bundle and never writes into a missing folder', () => {
    mkdirSync(join(out, 'taken'));
    expect(exportBundle(county.store, input(join(out, 'taken')))).toMatchObject({
      ok: false,
      error: { code: 'BUNDLE_EXISTS' },
    });
    expect(exportBundle(county.store, input(join(out, 'nope', 'b.zip')))).toMatchObject({
      ok: false,
      error: { code: 'OUT_FOLDER_MISSING' },
    });
    expect(listBundleExports(county.store)).toEqual([]);
  });

  it('refuses a status the data cannot carry', async () => {
    const partial = tempCounty();
    try {
      expectOk(await partial.api.createCounty({ operator: 'Pat Chair', setup: SMALL_COUNTY }));
      const certified = exportBundle(partial.store, input(join(out, 'c'), { status: 'certified' }));
      expect(certified).toMatchObject({ ok: false, error: { code: 'STATUS_NOT_ALLOWED' } });
      expect(certified.ok ? '' : certified.error.message).toBe(
        'The bundle cannot be marked certified: 3 precincts have no settled result yet (DM-01, DM-02, AL-01). Export it as unofficial-partial, or resolve them first.',
      );
      expect(exportBundle(partial.store, input(join(out, 'r'), { status: 'correction' }))).toMatchObject({
        ok: false,
        error: { code: 'STATUS_NOT_ALLOWED' },
      });
      expect(expectOk(exportBundle(partial.store, input(join(out, 'p')))).status).toBe('unofficial-partial');
    } finally {
      partial.cleanup();
    }
  });

  for (const name of ['crashed', 'crashed.zip']) {
    it(`a crash mid-write leaves nothing under the final name and nothing recorded (${name})`, () => {
      const auditBefore = county.store.countAudit();
      let written = 0;
      expect(() =>
        exportBundle(
          county.store,
          input(join(out, name), {
            afterFileWritten: () => {
              written++;
              if (written === (name.endsWith('.zip') ? 1 : 4)) throw new Error('power cut');
            },
          }),
        ),
      ).toThrow('power cut');
      expect(readdirSync(out)).toEqual([]);
      expect(county.store.countAudit()).toBe(auditBefore);
      expect(listBundleExports(county.store)).toEqual([]);
      expect(exportCounty(county, key, join(out, name)).sequence).toBe(1);
    });
  }

  it('a disk error is a sentence, not a crash', () => {
    const result = exportBundle(
      county.store,
      input(join(out, 'full'), {
        afterFileWritten: () => {
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        },
      }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'BUNDLE_WRITE_FAILED' } });
    expect(existsSync(join(out, 'full'))).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });
});
