/**
 * The writer-held-out evaluation (docs/OCR.md, "Measured on writers never trained on"):
 * worksheets filled in by pen-stroke writers of the evaluation range (stroke-hand.ts), which
 * neither the training nor the threshold calibration ever drew from, scanned in every way a good
 * sheet arrives (straight, scanner, phone photo, sideways, upside down, PDF) plus sheets made
 * inconsistent on purpose, read by the real reader.
 *
 *   nice -n 10 npx tsx scripts/ocr/evaluate-writers.ts [--files 28] [--seed writers] [--work DIR]
 *     [--writers evaluation|calibration] [--resources DIR] [--verbose]
 *
 * Work on the reader (looking at what it gets wrong) is done with --writers calibration; the
 * evaluation writers are only read to report the figures, so nothing is tuned on them.
 * Prints: read right, accepted without review on consistent sheets, silent errors, misreads and
 * how many of them the digit reading itself flagged (not only the arithmetic).
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDemoCounty } from '../../electron/core/demo/load-demo-county';
import { createOcrEngine } from '../../electron/core/ocr/read-worksheet-scan';
import { type ScanCounty, scanCountyFromStore } from '../../electron/core/ocr/scan-county';
import { openCountyStore } from '../../electron/core/store';
import { generateScanCorpus, READABLE_KINDS, type ScanCorpusManifest } from '../ocr-corpus/generate';
import { type CorpusFigures, corpusFigures, type FieldOutcome, ratio, scoreCorpus } from './score-corpus';
import { strokeWriter, type WriterPurpose } from './stroke-hand';

/** The kinds of the evaluation corpus: every way a good sheet arrives, and a sheet whose sums do not hold. */
export const WRITER_EVALUATION_KINDS = [...READABLE_KINDS, 'inconsistent'] as const;

/** Generates and reads a corpus of never-trained pen-stroke writers; `dir` is made and left for inspection. */
export async function evaluateWriters(options: {
  readonly dir: string;
  readonly files: number;
  readonly seed: string;
  readonly writers?: WriterPurpose;
  readonly resourcesDir?: string;
  /** Read the corpus already in `dir` instead of generating it again (generating is most of the time). */
  readonly reuse?: boolean;
}) {
  mkdirSync(options.dir, { recursive: true });
  const db = join(options.dir, 'county.db');
  const corpus = join(options.dir, 'corpus');
  const reuse = options.reuse === true && existsSync(join(corpus, 'manifest.json')) && existsSync(db);
  if (!reuse) rmSync(db, { force: true });
  const store = openCountyStore(db);
  if (!reuse) {
    const loaded = loadDemoCounty(
      store,
      resolve(import.meta.dirname, '../../resources'),
      'Bench',
      () => new Date('2026-02-03T01:00:00Z'),
    );
    if (!loaded.ok) throw new Error(loaded.error.message);
  }
  const county = scanCountyFromStore(store) as ScanCounty;
  store.close();
  const manifest: ScanCorpusManifest = reuse
    ? (JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as ScanCorpusManifest)
    : await generateScanCorpus({
        db,
        outDir: corpus,
        count: options.files,
        seed: options.seed,
        kinds: WRITER_EVALUATION_KINDS,
        writing: 'handwritten',
        fonts: ['strokes'],
        strokeWriters: options.writers ?? 'evaluation',
      });
  const engine = createOcrEngine({
    dataDir: join(options.dir, 'ocr-data'),
    ...(options.resourcesDir ? { resourcesDir: options.resourcesDir } : {}),
  });
  try {
    const score = await scoreCorpus(corpus, engine, county);
    // The issue's corpus told a normal hand from a hurried one: so does this.
    const hurried = new Set(
      manifest.files.flatMap((file) =>
        file.pages
          .filter((page) => page.writing.kind === 'handwritten' && strokeWriter(page.writing.writer ?? 0).hurried)
          .map((page) => `${file.file}#${page.page}`),
      ),
    );
    const isHurried = (field: FieldOutcome) => hurried.has(`${field.file}#${field.page}`);
    return {
      score,
      figures: corpusFigures(score.fields),
      hurried: corpusFigures(score.fields, isHurried),
      steady: corpusFigures(score.fields, (field) => !isHurried(field)),
    };
  } finally {
    await engine.close();
  }
}

export function figureLines(figures: CorpusFigures): string[] {
  return [
    `read right: ${ratio(figures.right, figures.fields)}`,
    `accepted without review on consistent sheets: ${ratio(figures.consistentAccepted, figures.consistentFields)}`,
    `silent errors: ${figures.silent}`,
    `misreads flagged by the digit reading itself: ${ratio(figures.misreadFlaggedByDigits, figures.misread)}`,
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      files: { type: 'string', default: '28' },
      seed: { type: 'string', default: 'writers' },
      work: { type: 'string', default: join(tmpdir(), 'tallyroom-evaluate-writers') },
      resources: { type: 'string' },
      writers: { type: 'string', default: 'evaluation' },
      verbose: { type: 'boolean', default: false },
      reuse: { type: 'boolean', default: false },
    },
  });
  const { score, figures, hurried, steady } = await evaluateWriters({
    dir: resolve(values.work),
    files: Number(values.files),
    seed: values.seed,
    writers: values.writers === 'calibration' ? 'calibration' : 'evaluation',
    reuse: values.reuse,
    ...(values.resources ? { resourcesDir: resolve(values.resources) } : {}),
  });
  for (const line of figureLines(figures)) console.log(line);
  console.log(
    `steady hands: read right ${ratio(steady.right, steady.fields)}; hurried hands: ${ratio(hurried.right, hurried.fields)}`,
  );
  const pages = score.pages.length;
  const ms = score.pages.map((page) => page.elapsedMs).sort((a, b) => a - b);
  console.log(`${pages} pages, median ${ms[Math.floor(ms.length / 2)] ?? 0} ms a page`);
  const reasons = new Map<string, number>();
  for (const field of score.fields.filter((entry) => entry.consistentPage && entry.needsReview)) {
    for (const reason of field.reasons) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  console.log(
    `review reasons on consistent sheets: ${[...reasons].map(([reason, count]) => `${reason} ${count}`).join(', ')}`,
  );
  const wrong = score.fields.filter((field) => field.readablePage && field.read !== field.truth);
  for (const field of values.verbose ? wrong : figures.misreadsNotFlaggedByDigits) {
    console.log(
      `  ${field.file}#${field.page} ${field.candidate}/${field.column}: truth ${field.truth} read ${field.read} (t=${field.engines.tesseract} c=${field.engines.classifier}) [${field.reasons.join(', ')}]`,
    );
  }
}

if (process.argv[1]?.endsWith('evaluate-writers.ts')) await main();
