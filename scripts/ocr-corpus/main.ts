/**
 * npx tsx scripts/ocr-corpus/main.ts --db FILE --out DIR [--count N] [--seed S]
 *   [--kinds straight,scan,...|all] [--writing printed|handwritten|mixed] [--dpi 200]
 * Writes a corpus of badly scanned worksheets with known values, and DIR/manifest.json.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type CorpusWriting, generateScanCorpus, READABLE_KINDS, SCAN_KINDS, type ScanKind } from './generate';

const USAGE =
  'Usage: tsx scripts/ocr-corpus/main.ts --db FILE --out DIR [--count N] [--seed S] [--kinds LIST|all] [--writing printed|handwritten|mixed] [--dpi N]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      out: { type: 'string' },
      count: { type: 'string', default: '20' },
      seed: { type: 'string', default: '1' },
      kinds: { type: 'string' },
      writing: { type: 'string', default: 'mixed' },
      dpi: { type: 'string', default: '200' },
    },
  });
  if (!values.db || !values.out) {
    console.error(USAGE);
    return 2;
  }
  const kinds = parseKinds(values.kinds);
  const count = Number(values.count);
  const dpi = Number(values.dpi);
  if (!kinds || !Number.isInteger(count) || count < 1 || !Number.isFinite(dpi) || dpi < 50 || dpi > 600) {
    console.error(`${USAGE}\nKinds: ${SCAN_KINDS.join(', ')}`);
    return 2;
  }
  if (!['printed', 'handwritten', 'mixed'].includes(values.writing)) {
    console.error('--writing is printed, handwritten or mixed.');
    return 2;
  }
  const outDir = resolve(values.out);
  const manifest = await generateScanCorpus({
    db: resolve(values.db),
    outDir,
    count,
    seed: values.seed,
    kinds,
    writing: values.writing as CorpusWriting,
    dpi,
  });
  const pages = manifest.files.reduce((total, file) => total + file.pages.length, 0);
  console.log(`Wrote ${manifest.files.length} files (${pages} pages) and manifest.json to ${outDir}.`);
  return 0;
}

function parseKinds(text: string | undefined): readonly ScanKind[] | null {
  if (text === undefined) return READABLE_KINDS;
  if (text === 'all') return SCAN_KINDS;
  const kinds = text.split(',').map((kind) => kind.trim());
  return kinds.every((kind): kind is ScanKind => (SCAN_KINDS as readonly string[]).includes(kind)) ? kinds : null;
}

process.exitCode = await main();
