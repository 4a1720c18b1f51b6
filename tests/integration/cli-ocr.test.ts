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
    // docs/CONTRACTS.md's keys first, then what was added beside them.
    expect(Object.keys(output).slice(0, 2)).toEqual(['precinct', 'fields']);
    // A straight scan is turned by its skew alone (359.2 is -0.8).
    expect(Math.min(output.rotationDegrees, 360 - output.rotationDegrees)).toBeLessThan(2);
    expect(output.elapsedMs).toBeGreaterThan(0);
    expect(output.totals.first).toEqual({ written: true, value: truth?.totals.first, sure: true });
    for (const field of output.fields) {
      expect(Object.keys(field)).toEqual(['candidate', 'column', 'value', 'confidence', 'needsReview', 'reasons']);
      expect(field.reasons).toEqual([]);
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

  it('says why a field needs review, as codes, and the rotation it applied', () => {
    const run = tallyroom('ocr', '--db', 'county.db', join(SCANS, 'inconsistent.jpg'), '--json');
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout);
    const truth = manifest.files.find((file) => file.file === 'inconsistent.jpg')?.pages[0];
    const changed = output.fields.find(
      (field: { candidate: string; column: string }) =>
        field.candidate === truth?.mistake?.candidate && field.column === truth?.mistake?.column,
    );
    expect(changed.needsReview).toBe(true);
    expect(changed.reasons.some((reason: string) => reason === 'ARITHMETIC' || reason === 'RULES')).toBe(true);
    const sideways = JSON.parse(
      tallyroom('ocr', '--db', 'county.db', join(SCANS, 'printed-sideways.jpg'), '--json').stdout,
    );
    const turn = manifest.files.find((file) => file.file === 'printed-sideways.jpg')?.pages[0]?.rotationDegrees ?? -1;
    expect(Math.round(sideways.rotationDegrees / 90) % 4).toBe(Math.round(turn / 90) % 4);
  });

  it('exits 3 when nothing at all could be read from the page', () => {
    const run = tallyroom('ocr', '--db', 'county.db', join(SCANS, 'unreadable.jpg'), '--json');
    expect(run.code).toBe(3);
    const output = JSON.parse(run.stdout);
    expect(output.fields).toEqual([]);
    expect(output.problems.map((problem: { code: string }) => problem.code)).toContain('NO_WORKSHEET_FOUND');
  });

  it('reads many scans with one engine: one JSON document, progress on stderr, the worst exit code', () => {
    const files = ['printed-straight.png', 'blank.png', 'printed-upside-down.jpg'];
    const run = tallyroom('ocr', '--db', 'county.db', ...files.map((file) => join(SCANS, file)), '--json');
    const output = JSON.parse(run.stdout);
    expect(output.scans.map((scan: { file: string }) => scan.file)).toEqual(files);
    const [straight, blank, upsideDown] = output.scans;
    expect(straight.precinct).toBe(manifest.files.find((file) => file.file === files[0])?.pages[0]?.precinct);
    expect(blank.problems.map((problem: { code: string }) => problem.code)).toEqual(['BLANK_SHEET']);
    expect(Math.round(upsideDown.rotationDegrees)).toBe(180);
    expect(run.stderr.trim().split('\n')).toHaveLength(3);
    expect(run.stderr).toMatch(/^ocr: 1\/3 printed-straight\.png: 18 fields, 0 to review/);
    expect(run.code).toBe(1);
    // A scan that is not a picture is named in the document, and makes the batch exit 2.
    const withBad = tallyroom(
      'ocr',
      '--db',
      'county.db',
      join(SCANS, files[0] as string),
      join(HOSTILE, 'zip-renamed.pdf'),
      '--json',
    );
    expect(withBad.code).toBe(2);
    expect(JSON.parse(withBad.stdout).scans[1].error.code).toBe('NOT_AN_IMAGE');
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
