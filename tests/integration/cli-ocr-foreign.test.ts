/**
 * `tallyroom ocr` on a picture that is not a Tallyroom worksheet: the docs/CONTRACTS.md shape as before (no
 * precinct, no fields, NO_WORKSHEET_FOUND, exit 1), plus the additive `foreign` block: the numbers
 * found and the suggested mapping, every field to be checked by a person. Nothing is stored.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCounty } from '../../electron/core/demo/load-demo-county';
import { openCountyStore } from '../../electron/core/store';
import { testProgram } from '../helpers/test-programs';

const BIN = testProgram('tallyroom');
const FOREIGN = resolve(import.meta.dirname, '../fixtures/foreign-scans');
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tallyroom-cli-foreign-'));
  const store = openCountyStore(join(work, 'county.db'));
  const loaded = loadDemoCounty(store, resolve(import.meta.dirname, '../../resources'), 'Demo', () => new Date());
  store.close();
  if (!loaded.ok) throw new Error(loaded.error.message);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tallyroom ocr on a sheet that is not ours', () => {
  it('keeps the docs/CONTRACTS.md keys and adds the numbers found and the suggestion, all needing review', () => {
    const before = readFileSync(join(work, 'county.db'));
    const run = spawnSync(
      process.execPath,
      [BIN, 'ocr', '--db', 'county.db', join(FOREIGN, 'printed-table.png'), '--json'],
      {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, CI: '' },
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const output = JSON.parse(run.stdout);
    expect(output).toMatchObject({ precinct: null, fields: [] });
    expect(output.problems.map((problem: { code: string }) => problem.code)).toEqual(['NO_WORKSHEET_FOUND']);
    const [page] = output.foreign.pages;
    expect(page.suggestedPrecinct).toBe('P03');
    const truth = JSON.parse(readFileSync(join(FOREIGN, 'manifest.json'), 'utf8')).files.find(
      (file: { file: string }) => file.file === 'printed-table.png',
    );
    const values = page.tokens.map((token: { value: number }) => token.value);
    for (const field of truth.fields) expect(values).toContain(field.value);
    expect(page.fields).toHaveLength(truth.fields.length);
    expect(page.fields.every((field: { needsReview: boolean }) => field.needsReview)).toBe(true);
    expect(readFileSync(join(work, 'county.db'))).toEqual(before);
  });
});
