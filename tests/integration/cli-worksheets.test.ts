import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCounty } from '../../electron/core/demo/load-demo-county';
import { openCountyStore } from '../../electron/core/store';
import { tempCounty } from '../helpers/temp-county';
import { testProgram } from '../helpers/test-programs';

const BIN = testProgram('tallyroom');
const RESOURCES = resolve(import.meta.dirname, '../../resources');
let work: string;
let db: string;
let precinctCodes: string[];

/** Runs the real `tallyroom` command as a user would, in a subprocess. */
function tallyroom(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function pdfAt(path: string): Promise<PDFDocument> {
  return PDFDocument.load(readFileSync(path));
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tallyroom-worksheets-'));
  db = join(work, 'county.db');
  const store = openCountyStore(db);
  const loaded = loadDemoCounty(store, RESOURCES, 'Demo', () => new Date('2026-02-03T01:00:00Z'));
  precinctCodes = store.listPrecincts().map((precinct) => precinct.code);
  store.close();
  if (!loaded.ok) throw new Error(loaded.error.message);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tallyroom worksheets', () => {
  it('writes one US Letter worksheet per precinct and one file with every precinct', async () => {
    const run = tallyroom('worksheets', '--db', db, '--out', 'sheets');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Wrote ${precinctCodes.length} precinct worksheets`);
    const out = join(work, 'sheets');
    const files = readdirSync(out).sort();
    expect(files).toEqual(
      [...precinctCodes.map((code) => `worksheet-${code}.pdf`), 'worksheets-Tally-County.pdf'].sort(),
    );
    for (const code of precinctCodes) {
      const pdf = await pdfAt(join(out, `worksheet-${code}.pdf`));
      expect(pdf.getPageCount()).toBe(1);
      expect(pdf.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
      expect(pdf.getTitle()).toBe(`Worksheet, precinct ${code}`);
    }
    const all = await pdfAt(join(out, 'worksheets-Tally-County.pdf'));
    expect(all.getPageCount()).toBe(precinctCodes.length);
    for (const page of all.getPages()) expect(page.getSize()).toEqual({ width: 612, height: 792 });
  });

  it('prints one precinct with --precinct, and lists what it wrote with --json', async () => {
    const code = precinctCodes[2] as string;
    const run = tallyroom('worksheets', '--db', db, '--out', 'one', '--precinct', code, '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { out: string; files: { path: string; precincts: string[] }[] };
    expect(report.files).toEqual([{ path: join(work, 'one', `worksheet-${code}.pdf`), precincts: [code] }]);
    expect((await pdfAt(report.files[0]?.path ?? '')).getPageCount()).toBe(1);
  });

  it('exits 1 with a plain sentence for a precinct the county does not have, writing nothing', () => {
    const run = tallyroom('worksheets', '--db', db, '--out', 'none', '--precinct', 'P99');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('There is no precinct "P99" in Tally County.');
    expect(existsSync(join(work, 'none'))).toBe(false);
  });

  it('exits 2 on bad usage: no --out, or a database that does not exist', () => {
    const noOut = tallyroom('worksheets', '--db', db);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out DIR');
    const noDb = tallyroom('worksheets', '--db', 'missing.db', '--out', 'x');
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toContain('There is no county database');
    expect(existsSync(join(work, 'missing.db'))).toBe(false);
  });
});

describe('api.worksheetPdf', () => {
  it("gives one precinct's worksheet or all of them as base64 PDF, and plain errors otherwise", async () => {
    const county = tempCounty();
    try {
      const none = await county.api.worksheetPdf({});
      expect(none.ok ? null : none.error.code).toBe('NO_COUNTY');
      expect((await county.api.loadDemoCounty({})).ok).toBe(true);
      const one = await county.api.worksheetPdf({ precinct: 'P05' });
      if (!one.ok) throw new Error(one.error.message);
      expect(one.value.fileName).toBe('worksheet-P05.pdf');
      expect((await PDFDocument.load(Buffer.from(one.value.pdfBase64, 'base64'))).getPageCount()).toBe(1);
      const all = await county.api.worksheetPdf({});
      if (!all.ok) throw new Error(all.error.message);
      expect(all.value.fileName).toBe('worksheets-Tally-County.pdf');
      expect((await PDFDocument.load(Buffer.from(all.value.pdfBase64, 'base64'))).getPageCount()).toBe(24);
      const unknown = await county.api.worksheetPdf({ precinct: 'P99' });
      expect(unknown.ok ? null : unknown.error).toMatchObject({ code: 'UNKNOWN_PRECINCT' });
      // Printing a blank form changes nothing: no audit entry.
      const entries = county.store.countAudit();
      await county.api.worksheetPdf({ precinct: 'P01' });
      expect(county.store.countAudit()).toBe(entries);
    } finally {
      county.cleanup();
    }
  });
});
