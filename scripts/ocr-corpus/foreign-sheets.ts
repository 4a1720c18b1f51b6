/**
 * npx tsx scripts/ocr-corpus/foreign-sheets.ts [OUT_DIR]
 * Sheets that are NOT Tallyroom worksheets, for the full-page fallback (docs/OCR.md): a tally a
 * precinct chair drew up themselves, one printed cleanly and one handwritten and photographed a
 * little askew. The demo county's candidates and precincts, numbers that obey iowa-dem-2020, and
 * the slips people make (a name misspelt, upper case, a totals row, a note under the table).
 * Deterministic (seed "foreign"); truth in manifest.json beside the pictures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Canvas, createCanvas } from '@napi-rs/canvas';
import { degrade, NO_DEGRADATION, randomPhotoCorners } from './degrade';
import { encodePng } from './encode-png';
import { corpusFamily, registerCorpusFonts } from './fonts';
import { seededRandom } from './random';

export interface ForeignSheetRow {
  /** As written on the paper (may be misspelt). */
  readonly written: string;
  /** The county's candidate it stands for. */
  readonly candidate: string;
  readonly first: number;
  readonly final: number;
  readonly delegates: number;
}

export interface ForeignSheet {
  readonly file: string;
  readonly precinct: string;
  readonly title: string;
  readonly font: 'printed' | 'DkgHandwriting';
  readonly rows: readonly ForeignSheetRow[];
  readonly photographed: boolean;
}

export const FOREIGN_SHEETS: readonly ForeignSheet[] = [
  {
    file: 'printed-table.png',
    precinct: 'P03',
    title: 'Caucus tally - P03 Ames 3',
    font: 'printed',
    photographed: false,
    rows: [
      { written: 'Adams', candidate: 'Adams', first: 40, final: 46, delegates: 5 },
      { written: 'Baker', candidate: 'Baker', first: 30, final: 34, delegates: 3 },
      { written: 'Castillo', candidate: 'Castillo', first: 15, final: 20, delegates: 2 },
      { written: 'Dunn', candidate: 'Dunn', first: 9, final: 0, delegates: 0 },
      { written: 'Everett', candidate: 'Everett', first: 4, final: 0, delegates: 0 },
      { written: 'Uncommitted', candidate: 'Uncommitted', first: 2, final: 0, delegates: 0 },
    ],
  },
  {
    file: 'handwritten-photo.jpg',
    precinct: 'P02',
    title: 'Precinct Ames 2 results',
    font: 'DkgHandwriting',
    photographed: true,
    rows: [
      { written: 'ADAMS', candidate: 'Adams', first: 22, final: 25, delegates: 3 },
      { written: 'Baker', candidate: 'Baker', first: 18, final: 20, delegates: 3 },
      { written: 'Castilo', candidate: 'Castillo', first: 12, final: 13, delegates: 2 },
      { written: 'Dunn', candidate: 'Dunn', first: 5, final: 0, delegates: 0 },
      { written: 'Everett', candidate: 'Everett', first: 3, final: 0, delegates: 0 },
      { written: 'Uncommitted', candidate: 'Uncommitted', first: 0, final: 0, delegates: 0 },
    ],
  },
];

const WIDTH = 1400;
const HEIGHT = 1000;

/** The sheet as drawn: a title, a ruled table with a header and a totals row, a signature note. */
export function drawForeignSheet(sheet: ForeignSheet): Canvas {
  registerCorpusFonts();
  const canvas = createCanvas(WIDTH, HEIGHT);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, WIDTH, HEIGHT);
  const family = corpusFamily(sheet.font);
  const ink = sheet.font === 'printed' ? '#111111' : '#1a2a6c';
  const size = sheet.font === 'printed' ? 34 : 44;
  context.fillStyle = ink;
  context.strokeStyle = ink;
  context.font = `${size + 8}px "${family}"`;
  context.fillText(sheet.title, 110, 120);

  const columns = [110, 560, 790, 1020, 1290];
  const top = 190;
  const rowHeight = 82;
  const rows = sheet.rows.length + 2;
  context.lineWidth = sheet.font === 'printed' ? 2 : 3;
  for (let row = 0; row <= rows; row += 1) {
    context.beginPath();
    context.moveTo(columns[0] as number, top + row * rowHeight);
    context.lineTo(columns[columns.length - 1] as number, top + row * rowHeight);
    context.stroke();
  }
  for (const x of columns) {
    context.beginPath();
    context.moveTo(x, top);
    context.lineTo(x, top + rows * rowHeight);
    context.stroke();
  }
  context.font = `${size}px "${family}"`;
  const cell = (text: string, column: number, row: number) =>
    context.fillText(text, (columns[column] as number) + 24, top + row * rowHeight + rowHeight * 0.68);
  ['Candidate', 'First', 'Final', 'Delegates'].forEach((text, column) => {
    cell(text, column, 0);
  });
  sheet.rows.forEach((line, index) => {
    cell(line.written, 0, index + 1);
    cell(String(line.first), 1, index + 1);
    cell(String(line.final), 2, index + 1);
    cell(String(line.delegates), 3, index + 1);
  });
  const sum = (pick: (line: ForeignSheetRow) => number) =>
    String(sheet.rows.reduce((total, line) => total + pick(line), 0));
  cell('Total', 0, rows - 1);
  cell(
    sum((line) => line.first),
    1,
    rows - 1,
  );
  cell(
    sum((line) => line.final),
    2,
    rows - 1,
  );
  cell(
    sum((line) => line.delegates),
    3,
    rows - 1,
  );
  context.font = `${size - 6}px "${family}"`;
  context.fillText('Counted twice, signed by the precinct chair and secretary.', 110, top + rows * rowHeight + 80);
  return canvas;
}

/** Writes every foreign sheet and manifest.json into `outDir`. */
export function writeForeignSheets(outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  const random = seededRandom('foreign');
  for (const sheet of FOREIGN_SHEETS) {
    const drawn = drawForeignSheet(sheet);
    if (!sheet.photographed) {
      writeFileSync(join(outDir, sheet.file), encodePng(drawn, true));
      continue;
    }
    const page = random.fork(sheet.file);
    const photo = degrade(
      drawn,
      {
        ...NO_DEGRADATION,
        skewDegrees: 2.5,
        perspective: randomPhotoCorners(page, WIDTH, HEIGHT, 0.35),
        shading: 0.35,
        blur: 0.6,
        noise: 5,
        jpegQuality: 80,
      },
      page,
    );
    writeFileSync(join(outDir, sheet.file), photo.encodeSync('jpeg', 80));
  }
  const manifest = {
    about:
      'Sheets that are not Tallyroom worksheets, for the full-page fallback. Demo county; scripts/ocr-corpus/foreign-sheets.ts.',
    files: FOREIGN_SHEETS.map((sheet) => ({
      file: sheet.file,
      precinct: sheet.precinct,
      photographed: sheet.photographed,
      fields: sheet.rows.flatMap((line) =>
        (['first', 'final', 'delegates'] as const).map((column) => ({
          candidate: line.candidate,
          written: line.written,
          column,
          value: line[column],
        })),
      ),
    })),
  };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const outDir = resolve(process.argv[2] ?? 'tests/fixtures/foreign-scans');
  writeForeignSheets(outDir);
  console.log(`Wrote ${FOREIGN_SHEETS.length} foreign sheets and manifest.json to ${outDir}.`);
}
