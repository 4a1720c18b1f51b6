/**
 * The scan corpus: the app's own worksheets, filled in with known numbers (printed or
 * handwriting-like), then scanned or photographed badly, written as PNG, JPEG and PDF, with a
 * manifest.json holding the truth for every page. Deterministic from the seed.
 *
 * Used by the OCR benchmark and tests (generateScanCorpus) and from the command line (main.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Canvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import type { ScanProblemCode, WorksheetColumn } from '../../electron/core/ocr/scan-reading';
import {
  type WorksheetCandidate,
  type WorksheetElection,
  type WorksheetPrecinct,
  worksheetLayout,
  worksheetQrPayload,
} from '../../electron/core/ocr/worksheet-layout';
import type { CoinToss, FindingCode, RulesProfileId } from '../../electron/core/rules/types';
import { openCountyStore } from '../../electron/core/store';
import type { WriterPurpose } from '../ocr/stroke-hand';
import { type Degradations, degrade, NO_DEGRADATION, randomPhotoCorners, totalRotation } from './degrade';
import { encodePng } from './encode-png';
import { HANDWRITING_FONTS, type HandwritingFont, registerCorpusFonts } from './fonts';
import { type Random, seededRandom } from './random';
import { randomWriter, renderSheet, type Writing } from './render-sheet';
import { consistentValues, inconsistentValues, type SheetValues } from './sheet-values';

/** What kind of file to make: how it was scanned, or which special case it is. */
export const SCAN_KINDS = [
  'straight', // flat scan, barely turned: PNG
  'scan', // scanner: turned up to 3 degrees, a little blur and grain: JPEG
  'photo', // phone photo: perspective, uneven light, blur, grain: JPEG
  'rotated', // fed sideways (90 or 270 degrees): PNG or JPEG
  'upside-down', // 180 degrees: JPEG
  'pdf', // a scanner's PDF: the JPEG page image embedded in a one-page PDF
  'pdf-2page', // two precincts' sheets in one PDF
  'inconsistent', // the arithmetic does not hold (a value changed on purpose): PNG
  'blank', // nothing written: PNG
  'wrong-precinct', // the sheet of another precinct than the one expected (the QR decides): JPEG
  'unreadable', // a photo taken in the dark, shaken: JPEG
] as const;
export type ScanKind = (typeof SCAN_KINDS)[number];

/** The kinds a benchmark of reading accuracy uses: every way a good sheet can arrive. */
export const READABLE_KINDS: readonly ScanKind[] = [
  'straight',
  'scan',
  'photo',
  'rotated',
  'upside-down',
  'pdf',
  'pdf-2page',
];

export type CorpusWriting = 'printed' | 'handwritten' | 'mixed';

export interface CorpusCounty {
  readonly election: WorksheetElection & { readonly rulesProfile: RulesProfileId };
  readonly candidates: readonly WorksheetCandidate[];
  readonly precincts: readonly WorksheetPrecinct[];
}

export interface ScanCorpusOptions {
  /** A county database to take the election, candidates and precincts from... */
  readonly db?: string;
  /** ...or the county itself. */
  readonly county?: CorpusCounty;
  readonly outDir: string;
  /** Number of files (a 2-page PDF is one file); ignored when `sheets` is given. */
  readonly count?: number;
  readonly seed: string | number;
  /** Kinds to cycle through, in order; READABLE_KINDS by default. */
  readonly kinds?: readonly ScanKind[];
  /** Printed digits, handwriting, or both alternately (default). */
  readonly writing?: CorpusWriting;
  /** Handwriting fonts to draw writers from, 'strokes' for pen-stroke writers; the four fonts by default. */
  readonly fonts?: readonly (HandwritingFont | 'strokes')[];
  /** Which pen-stroke writers 'strokes' draws from (scripts/ocr/stroke-hand.ts); never-trained ones by default. */
  readonly strokeWriters?: WriterPurpose;
  /** Resolution of the clean page, dots per inch (default 200). */
  readonly dpi?: number;
  /** Caps the JPEG quality of every file (JPEG and PDF): the committed fixtures use it to stay small. */
  readonly maxJpegQuality?: number;
  /** Exactly these files instead of count/kinds/writing: each a kind, a writing and a file name (no extension). */
  readonly sheets?: readonly CorpusSheet[];
}

export interface CorpusSheet {
  readonly kind: ScanKind;
  readonly writing: 'printed' | 'handwritten';
  readonly name: string;
  /** PNG or JPEG instead of the kind's usual format (not for the PDF kinds). */
  readonly format?: 'png' | 'jpeg';
}

export interface FieldTruth {
  readonly candidate: string;
  readonly column: WorksheetColumn;
  /** What is written in the boxes; null when left empty. */
  readonly value: number | null;
}

export interface PageTruth {
  /** 1-based page within the file. */
  readonly page: number;
  /** The precinct whose sheet this is: printed on it and in its QR. */
  readonly precinct: string;
  /** The precinct the person scanning said it was (differs for 'wrong-precinct'). */
  readonly expectedPrecinct: string;
  readonly qrPayload: string;
  readonly kind: ScanKind;
  readonly fontKind: 'printed' | 'handwritten';
  readonly writing: Writing;
  /** False for sheets made inconsistent on purpose; the reader must flag them. */
  readonly consistent: boolean;
  readonly findings: readonly FindingCode[];
  readonly mistake?: SheetValues['mistake'];
  /** Every candidate field (first, final, delegates), row by row. */
  readonly fields: readonly FieldTruth[];
  readonly totals: { readonly first: number | null; readonly final: number | null; readonly delegates: number | null };
  readonly coinTosses: readonly CoinToss[];
  /** Clockwise turn of the page in the image, degrees (quarter turns plus skew). */
  readonly rotationDegrees: number;
  readonly degradations: Degradations;
  /** The problem a correct reader reports for this page, or null when it should read the fields. */
  readonly expectedProblem: ScanProblemCode | null;
  /** Size of the page image in pixels. */
  readonly width: number;
  readonly height: number;
}

export interface FileTruth {
  readonly file: string;
  readonly format: 'png' | 'jpeg' | 'pdf';
  readonly pages: readonly PageTruth[];
}

export interface ScanCorpusManifest {
  readonly generator: 'scripts/ocr-corpus';
  readonly version: 1;
  readonly seed: string;
  readonly dpi: number;
  readonly election: CorpusCounty['election'];
  readonly files: readonly FileTruth[];
}

/** Writes the corpus files and manifest.json into outDir; returns the manifest. */
export async function generateScanCorpus(options: ScanCorpusOptions): Promise<ScanCorpusManifest> {
  registerCorpusFonts();
  const county = options.county ?? readCounty(options.db);
  if (county.precincts.length === 0) throw new Error('The county has no precincts to make worksheets for.');
  const kinds = options.kinds ?? READABLE_KINDS;
  if (kinds.length === 0) throw new Error('Give at least one kind of scan to make.');
  const dpi = options.dpi ?? 200;
  const fonts = options.fonts ?? HANDWRITING_FONTS;
  mkdirSync(options.outDir, { recursive: true });
  const root = seededRandom(options.seed);
  const files: FileTruth[] = [];
  const sheets =
    options.sheets ??
    Array.from({ length: options.count ?? 0 }, (_, index): CorpusSheet => {
      const kind = kinds[index % kinds.length] as ScanKind;
      const writing = writingFor(options.writing ?? 'mixed', index, kinds.length);
      return { kind, writing, name: `${String(index + 1).padStart(4, '0')}-${kind}-${writing}` };
    });
  for (const [index, sheet] of sheets.entries()) {
    const random = root.fork(`file-${index}`);
    files.push(
      await makeFile({
        county,
        kind: sheet.kind,
        fontKind: sheet.writing,
        random,
        dpi,
        fonts,
        strokeWriters: options.strokeWriters ?? 'evaluation',
        stem: sheet.name,
        ...(sheet.format ? { format: sheet.format } : {}),
        outDir: options.outDir,
        maxJpegQuality: options.maxJpegQuality ?? 100,
      }),
    );
    // Canvas pixels live outside the JS heap, so V8 does not see the pressure and a long run
    // grew past 3 GB: collect after each file.
    collectGarbage();
    // Native memory is released by finalizers, which run on a later turn of the event loop.
    await new Promise((resolveTurn) => setImmediate(resolveTurn));
  }
  const manifest: ScanCorpusManifest = {
    generator: 'scripts/ocr-corpus',
    version: 1,
    seed: String(options.seed),
    dpi,
    election: county.election,
    files,
  };
  writeFileSync(join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

let gc: (() => void) | null = null;

function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/** Reads the election, candidates (ballot order) and precincts of a county database. */
export function readCounty(db: string | undefined): CorpusCounty {
  if (!db) throw new Error('Give a county database (db) or the county itself (county).');
  const store = openCountyStore(db);
  try {
    const election = store.getElection();
    if (!election) throw new Error(`${db} has no county set up.`);
    return {
      election: {
        county: election.county,
        name: election.name,
        date: election.date,
        rulesProfile: election.rulesProfile,
      },
      candidates: store.listCandidates().map(({ name, ballotOrder }) => ({ name, ballotOrder })),
      precincts: store.listPrecincts().map(({ code, name, delegates }) => ({ code, name, delegates })),
    };
  } finally {
    store.close();
  }
}

function writingFor(writing: CorpusWriting, index: number, kinds: number): 'printed' | 'handwritten' {
  if (writing !== 'mixed') return writing;
  // Each kind gets both writings in turn: file i and file i + kinds differ.
  return Math.floor(index / kinds) % 2 === 0 ? 'printed' : 'handwritten';
}

interface MakeFile {
  readonly county: CorpusCounty;
  readonly kind: ScanKind;
  readonly fontKind: 'printed' | 'handwritten';
  readonly random: Random;
  readonly dpi: number;
  readonly fonts: readonly (HandwritingFont | 'strokes')[];
  readonly strokeWriters: WriterPurpose;
  readonly stem: string;
  readonly outDir: string;
  readonly maxJpegQuality: number;
  readonly format?: 'png' | 'jpeg';
}

async function makeFile(spec: MakeFile): Promise<FileTruth> {
  const { kind, random } = spec;
  const usual = formatOf(kind, random);
  const format = spec.format && usual !== 'pdf' ? spec.format : usual;
  const pageCount = kind === 'pdf-2page' ? 2 : 1;
  const precincts = pickPrecincts(spec.county, random, pageCount);
  const pages: { truth: PageTruth; canvas: Canvas }[] = [];
  precincts.forEach((precinct, index) => {
    pages.push(makePage(spec, precinct, index + 1, random.fork(`page-${index + 1}`), format));
  });
  const file = `${spec.stem}.${format === 'jpeg' ? 'jpg' : format}`;
  const path = join(spec.outDir, file);
  if (format === 'png') {
    const page = pages[0];
    if (page) {
      const colour = page.truth.writing.kind === 'handwritten' && page.truth.writing.ink === 'blue';
      writeFileSync(path, encodePng(page.canvas, !colour));
    }
  } else if (format === 'jpeg') {
    const page = pages[0];
    if (page) writeFileSync(path, page.canvas.encodeSync('jpeg', page.truth.degradations.jpegQuality ?? 90));
  } else {
    const pdf = await PDFDocument.create();
    pdf.setCreator('Tallyroom scan corpus');
    // Fixed dates: the same seed must give the same bytes.
    pdf.setCreationDate(new Date('2026-01-01T00:00:00Z'));
    pdf.setModificationDate(new Date('2026-01-01T00:00:00Z'));
    for (const { canvas, truth } of pages) {
      const image = await pdf.embedJpg(canvas.encodeSync('jpeg', truth.degradations.jpegQuality ?? 90));
      const width = (canvas.width * 72) / spec.dpi;
      const height = (canvas.height * 72) / spec.dpi;
      pdf.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
    }
    writeFileSync(path, await pdf.save({ useObjectStreams: false }));
  }
  return { file, format, pages: pages.map((page) => page.truth) };
}

function formatOf(kind: ScanKind, random: Random): FileTruth['format'] {
  switch (kind) {
    case 'straight':
    case 'inconsistent':
    case 'blank':
      return 'png';
    case 'rotated':
      return random.chance(0.5) ? 'png' : 'jpeg';
    case 'pdf':
    case 'pdf-2page':
      return 'pdf';
    default:
      return 'jpeg';
  }
}

function pickPrecincts(county: CorpusCounty, random: Random, count: number): WorksheetPrecinct[] {
  const start = random.int(0, county.precincts.length - 1);
  return Array.from(
    { length: count },
    (_, offset) => county.precincts[(start + offset) % county.precincts.length] as WorksheetPrecinct,
  );
}

function makePage(
  spec: MakeFile,
  precinct: WorksheetPrecinct,
  pageNumber: number,
  random: Random,
  format: FileTruth['format'],
): { truth: PageTruth; canvas: Canvas } {
  const { county, kind } = spec;
  const layout = worksheetLayout({ election: county.election, candidates: county.candidates, precinct });
  if (!layout.ok) throw new Error(layout.error.message);
  const candidates = layout.value.rows.map((row) => row.candidate);
  const rules = county.election.rulesProfile;
  const values: SheetValues | null =
    kind === 'blank'
      ? null
      : kind === 'inconsistent'
        ? inconsistentValues(random.fork('values'), rules, precinct, candidates)
        : consistentValues(random.fork('values'), rules, precinct, candidates);
  const writing: Writing =
    spec.fontKind === 'printed' ? { kind: 'printed' } : randomWriter(random, spec.fonts, spec.strokeWriters);
  const clean = renderSheet({
    layout: layout.value,
    election: county.election,
    precinct,
    values,
    writing,
    dpi: spec.dpi,
    random: random.fork('ink'),
  });
  const drawn = degradationsFor(kind, random, clean, format);
  const degradations =
    drawn.jpegQuality === null ? drawn : { ...drawn, jpegQuality: Math.min(drawn.jpegQuality, spec.maxJpegQuality) };
  const canvas = degrade(clean, degradations, random.fork('degrade'));
  const expectedPrecinct = kind === 'wrong-precinct' ? otherPrecinct(county, precinct, random) : precinct.code;
  return {
    canvas,
    truth: {
      page: pageNumber,
      precinct: precinct.code,
      expectedPrecinct,
      qrPayload: worksheetQrPayload({ election: county.election, precinct: precinct.code }),
      kind,
      fontKind: spec.fontKind,
      writing,
      consistent: values?.consistent ?? true,
      findings: values?.findings ?? [],
      ...(values?.mistake ? { mistake: values.mistake } : {}),
      fields: layout.value.rows.flatMap((row) => {
        const line = values?.lines.find((entry) => entry.candidate === row.candidate);
        return (['first', 'final', 'delegates'] as const).map((column) => ({
          candidate: row.candidate,
          column,
          value: line?.[column] ?? null,
        }));
      }),
      totals: values?.totals ?? { first: null, final: null, delegates: null },
      coinTosses: values?.coinTosses ?? [],
      rotationDegrees: Math.round(totalRotation(degradations) * 100) / 100,
      degradations,
      expectedProblem:
        kind === 'blank'
          ? 'BLANK_SHEET'
          : kind === 'wrong-precinct'
            ? 'PRECINCT_MISMATCH'
            : kind === 'unreadable'
              ? 'NO_WORKSHEET_FOUND'
              : null,
      width: canvas.width,
      height: canvas.height,
    },
  };
}

function otherPrecinct(county: CorpusCounty, precinct: WorksheetPrecinct, random: Random): string {
  const others = county.precincts.filter((entry) => entry.code !== precinct.code);
  return others.length === 0 ? `${precinct.code}-other` : random.pick(others).code;
}

function degradationsFor(kind: ScanKind, random: Random, page: Canvas, format: FileTruth['format']): Degradations {
  const jpeg = (min: number, max: number) => (format === 'png' ? null : random.int(min, max));
  // PNG pages are a scanner's cleaned-up output: grain would also make them huge.
  const grain = (min: number, max: number) => (format === 'png' ? 0 : round(random.between(min, max)));
  const scanner = (): Degradations => ({
    ...NO_DEGRADATION,
    skewDegrees: round(random.between(-3, 3)),
    blur: round(random.chance(0.5) ? random.between(0.3, 1) : 0),
    noise: grain(2, 8),
    jpegQuality: jpeg(60, 92),
  });
  const phone = (strength: number): Degradations => ({
    ...NO_DEGRADATION,
    perspective: randomPhotoCorners(random, page.width, page.height, strength).map((point) => ({
      x: round(point.x),
      y: round(point.y),
    })),
    shading: round(random.between(0.2, 0.7)),
    blur: round(random.between(0.4, 1.3)),
    noise: round(random.between(3, 10)),
    jpegQuality: jpeg(55, 85),
  });
  switch (kind) {
    case 'straight':
    case 'inconsistent':
    case 'blank':
      return { ...NO_DEGRADATION, skewDegrees: round(random.between(-0.8, 0.8)), jpegQuality: jpeg(80, 95) };
    case 'scan':
    case 'pdf':
    case 'pdf-2page':
      return scanner();
    case 'photo':
    case 'wrong-precinct':
      return phone(random.between(0.5, 1));
    case 'rotated':
      return { ...scanner(), quarterTurns: random.chance(0.5) ? 1 : 3 };
    case 'upside-down':
      return { ...scanner(), quarterTurns: 2 };
    case 'unreadable':
      return {
        ...phone(1),
        blur: round(random.between(10, 14)),
        noise: round(random.between(15, 25)),
        brightness: 0.06,
        // A dark phone photo is grainy and small; low quality also keeps the fixture small.
        jpegQuality: jpeg(20, 35),
      };
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
