import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type AppError, appError, err, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import { alignPage, type PageAlignment, resampleUpright } from './align-page';
import { type CandidateFieldRead, decideFields, digitVerdict, fieldVerdict } from './decide-fields';
import { decodeScan } from './decode-scan';
import { DIGIT_MODEL_PATH, type DigitModel, loadDigitModel } from './digit-classifier';
import type { DigitInk } from './digit-crop';
import { FINE_SIDE, findQr, findQrAt } from './find-qr';
import type { ForeignReading } from './foreign-reading';
import { encodeGrayPng, type GrayImage } from './gray-image';
import { type EngineDigit, fieldInk, readField, type TesseractNeeded } from './read-field';
import { readForeignPage } from './read-foreign-sheet';
import { type ScanCounty, scanCountyFromStore } from './scan-county';
import type { FieldReading, ScanProblem, ScanReading, TotalReading, WorksheetColumn } from './scan-reading';
import { TesseractPool } from './tesseract-pool';
import {
  type CombField,
  parseWorksheetQr,
  WORKSHEET_FORM_VERSION,
  type WorksheetPrecinct,
  worksheetElectionId,
  worksheetLayout,
} from './worksheet-layout';

/** Pixels per point of the aligned page: 180 dpi, a comb box is 50 x 60 pixels. */
export const ALIGNED_SCALE = 2.5;

export interface ScanRequest {
  /** The county database (read only: nothing is written), or the county itself. */
  readonly store?: CountyStore;
  readonly county?: ScanCounty;
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** The precinct the person says this is; the QR decides, a difference is PRECINCT_MISMATCH. */
  readonly expectedPrecinct?: string;
}

export interface OcrEngineOptions {
  /** A folder the app may write to: tesseract caches its unpacked language data there. */
  readonly dataDir: string;
  /** The app's resources folder (resources/ in the source tree): the digit model is in ocr/. */
  readonly resourcesDir?: string;
  /** tesseract workers; min(2, cores) by default. */
  readonly workers?: number;
}

const NO_WORKSHEET =
  'No Tallyroom worksheet was found in this picture: it may be too dark, blurred or cut off. Take the photo again with the whole sheet in view.';

// Not named `require`: the bundled main process already declares one (electron-vite's shim), and two are a syntax error.
const resolveFromHere = createRequire(import.meta.url);

/**
 * The long-lived reader: tesseract workers and the digit model are loaded on the first scan and
 * reused until close(). One per app (the API holds it); readWorksheetScan makes a throwaway one.
 */
export class OcrEngine {
  private pool: Promise<TesseractPool> | null = null;
  private model: DigitModel | null = null;
  private closed = false;
  readonly engineVersions: Readonly<Record<string, string>>;

  constructor(private readonly options: OcrEngineOptions) {
    this.engineVersions = {
      'tesseract.js': packageVersion('tesseract.js'),
      tesseractLanguage: `eng ${packageVersion('@tesseract.js-data/eng')} 4.0.0_best_int`,
      digitClassifier: `mlp sha256:${modelFingerprint(this.modelPath())}`,
    };
  }

  private modelPath(): string {
    return this.options.resourcesDir ? join(this.options.resourcesDir, 'ocr', 'digit-model.json') : DIGIT_MODEL_PATH;
  }

  private engines(): Promise<{ pool: TesseractPool; model: DigitModel }> {
    if (this.closed) return Promise.reject(new Error('The OCR engine was closed.'));
    this.model ??= loadDigitModel(this.modelPath());
    this.pool ??= TesseractPool.create(join(this.options.dataDir, 'tesseract-cache'), this.options.workers);
    const model = this.model;
    return this.pool.then((pool) => ({ pool, model }));
  }

  /** One reading per page; a file that cannot be decoded at all is an error (NOT_AN_IMAGE, IMAGE_TOO_LARGE). */
  async read(request: ScanRequest): Promise<Result<readonly ScanReading[], AppError>> {
    const county = request.county ?? (request.store ? scanCountyFromStore(request.store) : null);
    if (!county) return appError('NO_COUNTY', 'Set up the county before reading scans.');
    const decoded = await decodeScan(request.bytes, request.fileName);
    if (!decoded.ok) return err({ code: decoded.error.code, message: decoded.error.message });
    const { pool, model } = await this.engines();
    const readings: ScanReading[] = [];
    for (const page of decoded.value) {
      readings.push(await readPage(page.image, page.pageNumber, county, request.expectedPrecinct, pool, model));
    }
    return ok(readings);
  }

  private tesseractPool(): Promise<TesseractPool> {
    if (this.closed) return Promise.reject(new Error('The OCR engine was closed.'));
    this.pool ??= TesseractPool.create(join(this.options.dataDir, 'tesseract-cache'), this.options.workers);
    return this.pool;
  }

  /**
   * The full-page fallback for a picture that is not a Tallyroom worksheet: every page read as a
   * table of numbers, with a suggested mapping that always needs a person (read-foreign-sheet.ts).
   */
  async readForeign(request: ScanRequest): Promise<Result<readonly ForeignReading[], AppError>> {
    const county = request.county ?? (request.store ? scanCountyFromStore(request.store) : null);
    if (!county) return appError('NO_COUNTY', 'Set up the county before reading scans.');
    const decoded = await decodeScan(request.bytes, request.fileName);
    if (!decoded.ok) return err({ code: decoded.error.code, message: decoded.error.message });
    // Tesseract alone: the digit classifier reads comb boxes, and a table has none.
    const pool = await this.tesseractPool();
    const readings: ForeignReading[] = [];
    for (const page of decoded.value) readings.push(await readForeignPage(page.image, page.pageNumber, county, pool));
    return ok(readings);
  }

  async close(): Promise<void> {
    this.closed = true;
    const pool = this.pool;
    this.pool = null;
    if (pool) await (await pool).close();
  }
}

export function createOcrEngine(options: OcrEngineOptions): OcrEngine {
  return new OcrEngine(options);
}

/** Reads one scan with a throwaway engine (the CLI; the app keeps one OcrEngine instead). */
export async function readWorksheetScan(
  request: ScanRequest & { readonly dataDir: string; readonly resourcesDir?: string },
): Promise<Result<readonly ScanReading[], AppError>> {
  const engine = new OcrEngine({ dataDir: request.dataDir, resourcesDir: request.resourcesDir });
  try {
    return await engine.read(request);
  } finally {
    await engine.close();
  }
}

async function readPage(
  image: GrayImage,
  pageNumber: number,
  county: ScanCounty,
  expectedPrecinct: string | undefined,
  pool: TesseractPool,
  model: DigitModel,
): Promise<ScanReading> {
  const started = performance.now();
  const problems: ScanProblem[] = [];
  const base = { pageNumber, formVersion: null, precinct: null, rotationDegrees: 0, fields: [] as FieldReading[] };
  const done = (reading: Omit<ScanReading, 'elapsedMs' | 'problems'>): ScanReading => ({
    ...reading,
    problems,
    elapsedMs: Math.round(performance.now() - started),
  });

  const layoutOf = (precinct: WorksheetPrecinct) =>
    worksheetLayout({ election: county.election, candidates: county.candidates, precinct });
  let qr = findQr(image);
  let marksOnly: PageAlignment | null = null;
  if (!qr && county.precincts[0]) {
    // No QR at first sight: the marks say where it should be; look there, upright and closer.
    const probe = layoutOf(county.precincts[0]);
    marksOnly = probe.ok ? alignPage(image, probe.value, null) : null;
    if (marksOnly && probe.ok) {
      const { rect, quietZone } = probe.value.qr;
      const region = {
        x: rect.x - quietZone,
        y: rect.y - quietZone,
        width: rect.width + 2 * quietZone,
        height: rect.height + 2 * quietZone,
      };
      qr = findQrAt(image, marksOnly.toImage, region, 4);
      // The marks can be right while the orientation square is misread: a finer look at the whole page.
      qr ??= findQr(image, FINE_SIDE);
    }
  }
  const parsed = qr ? parseWorksheetQr(qr.text) : null;
  const qrInfo = parsed?.ok ? parsed.value : null;
  if (qrInfo && qrInfo.formVersion !== WORKSHEET_FORM_VERSION) {
    problems.push({
      code: 'FORM_VERSION',
      message: `This worksheet is form version ${qrInfo.formVersion}, which this version of Tallyroom cannot read. Key the numbers in by hand, or print the current worksheet.`,
    });
    return done({ ...base, formVersion: qrInfo.formVersion, precinct: qrInfo.precinct });
  }
  if (qrInfo && qrInfo.electionId !== worksheetElectionId(county.election)) {
    problems.push({
      code: 'WRONG_ELECTION',
      message: `This worksheet was printed for another election or county, not ${county.election.county} — ${county.election.name}. Nothing was read from it.`,
    });
    return done({ ...base, formVersion: qrInfo.formVersion, precinct: qrInfo.precinct });
  }
  const known = qrInfo ? county.precincts.find((precinct) => precinct.code === qrInfo.precinct) : undefined;
  const sheetPrecinct: WorksheetPrecinct | undefined =
    known ?? county.precincts.find((precinct) => precinct.code === expectedPrecinct) ?? county.precincts[0];
  if (!sheetPrecinct) {
    problems.push({ code: 'UNKNOWN_PRECINCT', message: 'This county has no precincts yet.' });
    return done(base);
  }
  const layoutResult = layoutOf(sheetPrecinct);
  if (!layoutResult.ok) {
    problems.push({ code: 'NO_WORKSHEET_FOUND', message: layoutResult.error.message });
    return done(base);
  }
  const layout = layoutResult.value;
  const alignment = qrInfo ? alignPage(image, layout, qr) : (marksOnly ?? alignPage(image, layout, null));
  if (!alignment) {
    problems.push({ code: 'NO_WORKSHEET_FOUND', message: NO_WORKSHEET });
    return done({ ...base, formVersion: qrInfo?.formVersion ?? null, precinct: qrInfo?.precinct ?? null });
  }
  if (!qrInfo) {
    problems.push({
      code: 'NO_WORKSHEET_FOUND',
      message:
        'The QR code of this worksheet could not be read, so Tallyroom cannot tell which precinct it is. Check the precinct on the sheet, or scan it again with the QR code (top right) clean and in view.',
    });
  } else if (!known) {
    problems.push({
      code: 'UNKNOWN_PRECINCT',
      message: `This worksheet is for precinct ${qrInfo.precinct}, which is not a precinct of ${county.election.county}. Check the county setup, or whether this sheet belongs to another county.`,
    });
  } else if (expectedPrecinct !== undefined && expectedPrecinct !== qrInfo.precinct) {
    problems.push({
      code: 'PRECINCT_MISMATCH',
      message: `This is the worksheet of precinct ${qrInfo.precinct}, not ${expectedPrecinct}.`,
    });
  }

  const page = resampleUpright(image, alignment.toImage, layout, ALIGNED_SCALE);
  const candidateFields = layout.rows.flatMap((row) => [row.first, row.final, row.delegates]);
  const totals = [layout.totals.first, layout.totals.final, layout.totals.delegates];
  const inks = new Map<CombField, DigitInk[]>();
  for (const field of [...candidateFields, ...totals]) inks.set(field, fieldInk(page, field, ALIGNED_SCALE));
  const blank = [...inks.values()].every((boxes) => boxes.every((ink) => ink.normalized === null));
  if (blank) {
    problems.push({
      code: 'BLANK_SHEET',
      message: `Nothing is written in the boxes of this worksheet${qrInfo ? ` (precinct ${qrInfo.precinct})` : ''}. Scan the filled-in sheet.`,
    });
  }
  const reads = await Promise.all(
    [...candidateFields, ...totals].map((field) =>
      readField(field, inks.get(field) as DigitInk[], ALIGNED_SCALE, model, pool, networksUnsure),
    ),
  );
  const candidateReads: CandidateFieldRead[] = candidateFields.map((field, index) => ({
    candidate: field.candidate,
    column: field.column,
    read: reads[index] as (typeof reads)[number],
  }));
  const totalOf = (index: number): TotalReading => {
    const read = reads[candidateFields.length + index] as (typeof reads)[number];
    const verdict = fieldVerdict(read);
    return { written: verdict.value !== null, value: verdict.value, sure: verdict.reasons.length === 0 };
  };
  const totalsRead: Record<WorksheetColumn, TotalReading> = {
    first: totalOf(0),
    final: totalOf(1),
    delegates: totalOf(2),
  };
  const fields = decideFields(candidateReads, {
    profile: county.election.rulesProfile,
    precinct: sheetPrecinct.code,
    precinctDelegates: known ? known.delegates : null,
    sdePerDelegate: county.election.sdePerDelegate,
    totals: totalsRead,
    candidates: layout.rows.map((row) => row.candidate),
  });
  // Without a trusted QR the values may belong to any precinct: a person checks every one.
  // Nor when fewer than four corner marks were found: the boxes may be a little off.
  const trusted = qrInfo !== null && known !== undefined && alignment.marksFound === 4;
  return done({
    pageNumber,
    formVersion: qrInfo?.formVersion ?? null,
    precinct: qrInfo?.precinct ?? null,
    rotationDegrees: alignment.rotationDegrees,
    fields: trusted
      ? fields
      : fields.map((field) => ({ ...field, needsReview: true, reasons: [...field.reasons, 'PAGE_NOT_TRUSTED'] })),
    totals: totalsRead,
    page: { png: encodeGrayPng(page), width: page.width, height: page.height },
  });
}

/** tesseract is asked about a field only when the networks alone are not sure of every digit of it. */
const networksUnsure: TesseractNeeded = (pixels, gradients) =>
  pixels.some((guess, index) => !digitVerdict(guess, gradients[index] as EngineDigit, null).sure);

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(resolveFromHere.resolve(`${name}/package.json`), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'unknown';
  }
}

function modelFingerprint(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 12);
  } catch {
    return 'missing';
  }
}
