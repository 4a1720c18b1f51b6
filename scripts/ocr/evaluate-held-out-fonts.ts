/**
 * npx tsx scripts/ocr/evaluate-held-out-fonts.ts [--work DIR] [--files N] [--families A,B]
 *
 * The honest handwriting figure. The scan corpus writes its "handwriting" with the same four
 * font families the digit networks are trained on, which flatters the reader. Here, for each
 * family: the networks are trained WITHOUT it (train-digit-classifier.ts, TRAIN_HOLD_OUT), a
 * corpus of sheets written only in it is generated, and the reader reads that corpus with the
 * model that has never seen the family. Printed in docs/OCR.md ("Measured").
 * Reuses a model or corpus already in --work (training takes minutes), so a rerun is cheap.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDemoCounty } from '../../electron/core/demo/load-demo-county';
import { createOcrEngine } from '../../electron/core/ocr/read-worksheet-scan';
import { type ScanCounty, scanCountyFromStore } from '../../electron/core/ocr/scan-county';
import { openCountyStore } from '../../electron/core/store';
import { HANDWRITING_FONTS, type HandwritingFont } from '../ocr-corpus/fonts';
import { generateScanCorpus, READABLE_KINDS } from '../ocr-corpus/generate';
import { isSilentError, scoreCorpus } from './score-corpus';

const { values } = parseArgs({
  options: {
    work: { type: 'string', default: join(tmpdir(), 'tallyroom-held-out-fonts') },
    files: { type: 'string', default: '7' },
    families: { type: 'string', default: HANDWRITING_FONTS.join(',') },
  },
});
const work = resolve(values.work);
mkdirSync(work, { recursive: true });
const db = join(work, 'county.db');
if (!existsSync(db)) {
  const store = openCountyStore(db);
  const loaded = loadDemoCounty(
    store,
    resolve(import.meta.dirname, '../../resources'),
    'Bench',
    () => new Date('2026-02-03T01:00:00Z'),
  );
  store.close();
  if (!loaded.ok) throw new Error(loaded.error.message);
}
const store = openCountyStore(db, { readonly: true });
const county = scanCountyFromStore(store) as ScanCounty;
store.close();

const rows: string[] = [];
for (const family of values.families.split(',') as HandwritingFont[]) {
  const resources = join(work, `model-without-${family}`);
  const model = join(resources, 'ocr', 'digit-model.json');
  if (!existsSync(model)) {
    console.error(`training without ${family} ...`);
    const run = spawnSync('npx', ['tsx', join(import.meta.dirname, 'train-digit-classifier.ts')], {
      env: { ...process.env, TRAIN_HOLD_OUT: family, TRAIN_OUT: model },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (run.status !== 0) throw new Error(`training without ${family} failed`);
  }
  const corpus = join(work, `corpus-${family}`);
  if (!existsSync(join(corpus, 'manifest.json'))) {
    await generateScanCorpus({
      db,
      outDir: corpus,
      count: Number(values.files),
      seed: `lofo-${family}`,
      kinds: READABLE_KINDS,
      writing: 'handwritten',
      fonts: [family],
    });
  }
  const engine = createOcrEngine({ dataDir: join(work, 'ocr-data'), resourcesDir: resources });
  const score = await scoreCorpus(corpus, engine, county);
  await engine.close();
  const readable = score.fields.filter((field) =>
    score.pages.some((page) => page.file === field.file && page.page === field.page && page.expectedProblem === null),
  );
  const right = readable.filter((field) => field.read === field.truth).length;
  const accepted = readable.filter((field) => !field.needsReview).length;
  const silent = score.fields.filter(isSilentError).length;
  const row = `| ${family} | ${right}/${readable.length} (${((100 * right) / Math.max(1, readable.length)).toFixed(1)}%) | ${accepted}/${readable.length} | ${silent} |`;
  console.log(row);
  rows.push(row);
}
console.log(
  '\n| family left out of training | handwritten fields read right | accepted without review | silent errors |',
);
console.log('|---|---|---|---|');
for (const row of rows) console.log(row);
