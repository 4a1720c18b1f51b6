import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCounty } from '../../electron/core/demo/load-demo-county';
import { openCountyStore } from '../../electron/core/store';
import type { ScanCorpusManifest } from '../../scripts/ocr-corpus/generate';
import { testProgram } from '../helpers/test-programs';

const BIN = testProgram('tallyroom');
const SCANS = resolve(import.meta.dirname, '../fixtures/scans');
const HOSTILE = resolve(import.meta.dirname, '../fixtures/hostile-scans');
const manifest = JSON.parse(readFileSync(join(SCANS, 'manifest.json'), 'utf8')) as ScanCorpusManifest;
let work: string;
let db: string;

function tallyroom(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, CI: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The database file's bytes, and what is in a write-ahead log beside it (SQLite opens one even read-only). */
function databaseFingerprint(): { db: string; walBytes: number } {
  const wal = readdirSync(work).includes('county.db-wal') ? readFileSync(join(work, 'county.db-wal')).length : 0;
  return {
    db: createHash('sha256')
      .update(readFileSync(join(work, 'county.db')))
      .digest('hex'),
    walBytes: wal,
  };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tallyroom-cli-ocr-'));
  db = join(work, 'county.db');
  const store = openCountyStore(db);
  const loaded = loadDemoCounty(store, resolve(import.meta.dirname, '../../resources'), 'Demo', () => new Date());
  store.close();
  if (!loaded.ok) throw new Error(loaded.error.message);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tallyroom ocr --db FILE SCAN [--json]', () => {
  it('prints the docs/CONTRACTS.md shape for a printed sheet, exits 0 when nothing needs review, and stores nothing', () => {
    const before = databaseFingerprint();
    const run = tallyroom('ocr', '--db', 'county.db', join(SCANS, 'printed-straight.png'), '--json');
    expect(run.stderr).toBe('');
    const output = JSON.parse(run.stdout);
    const truth = manifest.files.find((file) => file.file === 'printed-straight.png')?.pages[0];
    expect(output.precinct).toBe(truth?.precinct);
    expect(output.problems).toEqual([]);
    for (const field of output.fields) {
      expect(Object.keys(field)).toEqual(['candidate', 'column', 'value', 'confidence', 'needsReview']);
      const expected = truth?.fields.find((f) => f.candidate === field.candidate && f.column === field.column);
      expect(field.value).toBe(expected?.value);
    }
    expect(output.fields).toHaveLength(truth?.fields.length ?? -1);
    expect(run.code).toBe(output.fields.some((field: { needsReview: boolean }) => field.needsReview) ? 1 : 0);
    expect(run.code).toBe(0);
    expect(databaseFingerprint()).toEqual(before);
    expect(before.walBytes).toBe(0);
  });

  it('exits 1 with the problem when the sheet is blank, and prints plain lines without --json', () => {
    const run = tallyroom('ocr', '--db', 'county.db', join(SCANS, 'blank.png'));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/BLANK_SHEET: Nothing is written in the boxes/);
  });

  it('exits 2 with one sentence for a file that is not a picture, a missing file or no --db', () => {
    const zip = tallyroom('ocr', '--db', 'county.db', join(HOSTILE, 'zip-renamed.pdf'), '--json');
    expect(zip.code).toBe(2);
    expect(zip.stderr).toMatch(/zip-renamed\.pdf could not be read as a worksheet scan/);
    expect(zip.stdout).toBe('');
    const bomb = tallyroom('ocr', '--db', 'county.db', join(HOSTILE, 'huge-dimensions.png'));
    expect(bomb.code).toBe(2);
    expect(bomb.stderr).toMatch(/too large to read safely/);
    expect(tallyroom('ocr', '--db', 'county.db', 'nowhere.png').code).toBe(2);
    expect(tallyroom('ocr', join(SCANS, 'blank.png')).code).toBe(2);
    expect(tallyroom('ocr', '--db', 'missing.db', join(SCANS, 'blank.png')).code).toBe(2);
  });
});
