/**
 * npx tsx scripts/ocr-corpus/make-fixtures.ts [OUT_DIR]
 * The small scan fixture set the OCR tests use (tests/fixtures/scans): the demo county's
 * worksheets, one file per case, seed "fixtures". Rerun it after changing the worksheet layout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadDemoCounty } from '../../electron/core/demo/load-demo-county';
import { openCountyStore } from '../../electron/core/store';
import { type CorpusSheet, generateScanCorpus, readCounty } from './generate';

export const FIXTURE_SHEETS: readonly CorpusSheet[] = [
  { kind: 'straight', writing: 'printed', name: 'printed-straight' },
  { kind: 'upside-down', writing: 'printed', name: 'printed-upside-down' },
  { kind: 'rotated', writing: 'printed', name: 'printed-sideways', format: 'jpeg' },
  { kind: 'photo', writing: 'printed', name: 'phone-photo' },
  { kind: 'straight', writing: 'handwritten', name: 'handwritten-straight' },
  { kind: 'scan', writing: 'handwritten', name: 'handwritten-scan' },
  { kind: 'pdf-2page', writing: 'printed', name: 'two-pages' },
  { kind: 'inconsistent', writing: 'printed', name: 'inconsistent', format: 'jpeg' },
  { kind: 'blank', writing: 'printed', name: 'blank' },
  { kind: 'wrong-precinct', writing: 'printed', name: 'wrong-precinct' },
  { kind: 'unreadable', writing: 'printed', name: 'unreadable' },
];

const outDir = resolve(process.argv[2] ?? 'tests/fixtures/scans');
const work = mkdtempSync(join(tmpdir(), 'tallyroom-fixtures-'));
try {
  const db = join(work, 'county.db');
  const store = openCountyStore(db);
  const loaded = loadDemoCounty(store, resolve(import.meta.dirname, '../../resources'), 'Demo', () => new Date());
  store.close();
  if (!loaded.ok) throw new Error(loaded.error.message);
  const manifest = await generateScanCorpus({
    county: readCounty(db),
    outDir,
    seed: 'fixtures',
    sheets: FIXTURE_SHEETS,
    // Keeps the whole set near 3 MB; the benchmark corpus uses the full range of qualities.
    maxJpegQuality: 50,
  });
  console.log(`Wrote ${manifest.files.length} fixture files and manifest.json to ${outDir}.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
