/**
 * npx tsx scripts/ocr/evaluate-corpus.ts --db FILE --corpus DIR [--verbose]
 * Reads a generated corpus and prints what went wrong, field by field (for tuning the reader).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createOcrEngine } from '../../electron/core/ocr/read-worksheet-scan';
import { scanCountyFromStore } from '../../electron/core/ocr/scan-county';
import { openCountyStore } from '../../electron/core/store';
import { isSilentError, scoreCorpus } from './score-corpus';

const { values } = parseArgs({
  options: { db: { type: 'string' }, corpus: { type: 'string' }, verbose: { type: 'boolean', default: false } },
});
if (!values.db || !values.corpus) throw new Error('--db FILE --corpus DIR');
const store = openCountyStore(resolve(values.db), { readonly: true });
const county = scanCountyFromStore(store);
store.close();
if (!county) throw new Error('no county');
const engine = createOcrEngine({ dataDir: mkdtempSync(join(tmpdir(), 'tallyroom-ocr-')) });
const score = await scoreCorpus(resolve(values.corpus), engine, county);
await engine.close();
for (const page of score.pages) {
  const problemOk =
    page.expectedProblem === null ? page.problems.length === 0 : page.problems.includes(page.expectedProblem);
  console.log(
    `${page.file}#${page.page} ${page.kind}/${page.fontKind}: ${page.fieldsRight}/${page.fields} right, problems [${page.problems}] expected ${page.expectedProblem ?? '-'}${problemOk ? '' : '  <-- PROBLEM MISMATCH'}, ${page.elapsedMs} ms`,
  );
}
for (const error of score.fileErrors) console.log(`${error.file}: refused ${error.code}`);
const readable = score.fields.filter((field) =>
  score.pages.some((p) => p.file === field.file && p.page === field.page && p.expectedProblem === null),
);
for (const kind of ['printed', 'handwritten'] as const) {
  const of = readable.filter((field) => field.fontKind === kind);
  const right = of.filter((field) => field.read === field.truth).length;
  const reviewed = of.filter((field) => field.needsReview).length;
  console.log(
    `${kind}: ${right}/${of.length} right (${((100 * right) / Math.max(1, of.length)).toFixed(1)}%), ${reviewed} flagged for review`,
  );
}
const silent = score.fields.filter(isSilentError);
console.log(`silent errors: ${silent.length}`);
for (const field of silent) console.log('  SILENT', JSON.stringify(field));
if (values.verbose) {
  for (const field of readable.filter((f) => f.read !== f.truth || f.needsReview)) {
    console.log(
      `  ${field.file}#${field.page} ${field.candidate}/${field.column}: truth ${field.truth} read ${field.read} t=${field.engines.tesseract} c=${field.engines.classifier} [${field.reasons}]`,
    );
  }
}
