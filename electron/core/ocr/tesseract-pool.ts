import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createWorker, OEM, PSM, type Worker, type WorkerOptions } from 'tesseract.js';

/**
 * tesseract.js, fully offline (docs/ARCHITECTURE.md: "OCR language data ships with the app"): the English
 * best_int LSTM model comes from the bundled @tesseract.js-data/eng package, its unpacked copy is
 * cached in the app's data folder, and nothing is ever fetched (without `langPath`, tesseract.js
 * would download from a CDN). A small pool of workers (worker threads, off the main thread) is
 * created once and reused for every scan; starting one costs far more than reading a page.
 */
export interface TesseractRead {
  readonly text: string;
  /** Per recognised character, tesseract's confidence 0..100. */
  readonly symbols: readonly { readonly text: string; readonly confidence: number }[];
  readonly confidence: number;
}

export type TesseractMode = 'single-char' | 'single-line';

/** A rectangle in the pixels of the picture tesseract was given. */
export interface PageBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A word of a full page, with where it is and how sure tesseract was (0..100). */
export interface PageWord {
  readonly text: string;
  readonly confidence: number;
  readonly bbox: PageBox;
}

/** A line of text as tesseract's layout analysis found it. */
export interface PageLine {
  readonly text: string;
  readonly bbox: PageBox;
  readonly words: readonly PageWord[];
}

// Not named `require`: the bundled main process already declares one (electron-vite's shim), and two are a syntax error.
const resolveFromHere = createRequire(import.meta.url);

/** The folder holding eng.traineddata.gz (best_int) of the bundled language data package. */
export function bundledLangPath(): string {
  return join(dirname(resolveFromHere.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

/**
 * Unpacks the bundled model into the cache folder once and returns the folder holding
 * `eng.traineddata`. tesseract.js's own cache is not safe for two workers (or two processes)
 * starting together: one writes the file in place while another reads it half written and fails
 * with "Error opening data file ./eng.traineddata". Here the file is written under a temporary
 * name and renamed, so the final name only ever holds a whole model; the folder is named after
 * the bundled file's sha256, so a new model never meets an old cache.
 */
export function unpackedLanguageFolder(cachePath: string): string {
  const packed = readFileSync(join(bundledLangPath(), 'eng.traineddata.gz'));
  const version = createHash('sha256').update(packed).digest('hex').slice(0, 16);
  const folder = join(cachePath, `eng-${version}`);
  const model = join(folder, 'eng.traineddata');
  if (existsSync(model)) return folder;
  mkdirSync(folder, { recursive: true });
  const partial = join(folder, `eng.traineddata.${process.pid}.${randomUUID()}.partial`);
  writeFileSync(partial, gunzipSync(packed));
  renameSync(partial, model);
  return folder;
}

/**
 * The options every worker is created with: the model unpacked in the given cache folder, read
 * as a local file; tesseract.js's own cache is off (see unpackedLanguageFolder).
 */
export function tesseractWorkerOptions(cachePath: string): Partial<WorkerOptions> {
  return {
    langPath: unpackedLanguageFolder(cachePath),
    cachePath,
    cacheMethod: 'none',
    gzip: false,
    // Errors come back through the job's promise; the default handler would also print them.
    errorHandler: () => {},
  };
}

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(2, cpus().length));
}

interface Slot {
  readonly worker: Worker;
  /** 'page': full-page text, every character allowed (a table that is not our worksheet). */
  mode: TesseractMode | 'page' | null;
  busy: boolean;
}

export class TesseractPool {
  private readonly queue: (() => void)[] = [];
  private closed = false;

  private constructor(private readonly slots: Slot[]) {}

  static async create(cachePath: string, size = defaultPoolSize()): Promise<TesseractPool> {
    const options = tesseractWorkerOptions(cachePath);
    const workers = await Promise.all(Array.from({ length: size }, () => createWorker('eng', OEM.LSTM_ONLY, options)));
    for (const worker of workers) {
      await worker.setParameters({ tessedit_char_whitelist: '0123456789', user_defined_dpi: '150' });
    }
    return new TesseractPool(workers.map((worker) => ({ worker, mode: null, busy: false })));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Reads a PNG with digits only, as one character or one line. */
  async read(png: Uint8Array, mode: TesseractMode): Promise<TesseractRead> {
    const slot = await this.acquire();
    try {
      if (slot.mode !== mode) {
        await slot.worker.setParameters({
          tessedit_pageseg_mode: mode === 'single-char' ? PSM.SINGLE_CHAR : PSM.SINGLE_LINE,
          // Back from a full page: digits only again.
          ...(slot.mode === 'page' ? { tessedit_char_whitelist: '0123456789' } : {}),
        });
        slot.mode = mode;
      }
      const result = await slot.worker.recognize(Buffer.from(png), {}, { text: true, blocks: true });
      const symbols: { text: string; confidence: number }[] = [];
      for (const block of result.data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            for (const word of line.words) {
              for (const symbol of word.symbols) symbols.push({ text: symbol.text, confidence: symbol.confidence });
            }
          }
        }
      }
      return { text: result.data.text.replace(/\s+/g, ''), symbols, confidence: result.data.confidence };
    } finally {
      this.release(slot);
    }
  }

  /**
   * Reads a whole page (PNG) as text: every word with its box and confidence, grouped in lines.
   * One block of text: each table row comes back as one line, its cells in reading order (sparse-text
   * layout loses lone digits in ruled cells).
   */
  async readPage(png: Uint8Array): Promise<readonly PageLine[]> {
    const slot = await this.acquire();
    try {
      if (slot.mode !== 'page') {
        await slot.worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK, tessedit_char_whitelist: '' });
        slot.mode = 'page';
      }
      const result = await slot.worker.recognize(Buffer.from(png), {}, { text: true, blocks: true });
      const lines: PageLine[] = [];
      for (const block of result.data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            lines.push({
              text: line.text.trim(),
              bbox: line.bbox,
              words: line.words.map((word) => ({ text: word.text, confidence: word.confidence, bbox: word.bbox })),
            });
          }
        }
      }
      return lines;
    } finally {
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new Error('The OCR engine was closed.'));
    const free = this.slots.find((slot) => !slot.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolveSlot) => {
      this.queue.push(() => {
        const slot = this.slots.find((candidate) => !candidate.busy) as Slot;
        slot.busy = true;
        resolveSlot(slot);
      });
    });
  }

  private release(slot: Slot): void {
    slot.busy = false;
    this.queue.shift()?.();
  }
}
