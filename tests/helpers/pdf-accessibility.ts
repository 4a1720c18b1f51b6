/**
 * What a printed PDF gives a reader who cannot see it well (docs/ACCESSIBILITY.md): its text as
 * poppler's `pdftotext` extracts it (what a screen reader or a copy gets), and the colours its text
 * is drawn in, read from the pages' content streams, each against the white paper.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDocument, type PDFRawStream } from 'pdf-lib';
import { expect } from 'vitest';
import { contrastRatio, MIN_TEXT_CONTRAST, type Rgb } from './contrast';

/** The PDF's text in reading order, as `pdftotext` (poppler-utils) extracts it. */
export function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'tallyroom-pdf-text-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Every fill colour text is shown in, on every page: the colour set by the last `rg` (RGB) or `g`
 * (grey) operator before each text-showing operator (Tj, TJ, ' and ").
 */
export async function textColours(bytes: Uint8Array): Promise<Rgb[]> {
  const pdf = await PDFDocument.load(bytes);
  const seen = new Map<string, Rgb>();
  for (const page of pdf.getPages()) {
    const contents = page.node.Contents();
    if (!contents) continue;
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref)) : [contents];
    const program = streams
      .map((stream) => Buffer.from(decodePDFRawStream(stream as PDFRawStream).decode()).toString('latin1'))
      .join('\n');
    // Black until a fill colour is set; q/Q save and restore it.
    let fill: Rgb = [0, 0, 0];
    const saved: Rgb[] = [];
    const operands: string[] = [];
    for (const token of program.match(/\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\[|\]|[^\s()<>[\]]+/g) ?? []) {
      if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(token)) {
        operands.push(token);
        continue;
      }
      if (token === 'q') saved.push(fill);
      else if (token === 'Q') fill = saved.pop() ?? [0, 0, 0];
      else if (token === 'rg') fill = operands.slice(-3).map(Number) as unknown as Rgb;
      else if (token === 'g') {
        const grey = Number(operands.at(-1));
        fill = [grey, grey, grey];
      } else if (token === 'Tj' || token === 'TJ' || token === "'" || token === '"') {
        seen.set(fill.join(','), fill);
      }
      if (!token.startsWith('(') && !token.startsWith('<') && token !== '[' && token !== ']') operands.length = 0;
    }
  }
  return [...seen.values()];
}

/** The text colours of a PDF that are too light on white paper for `minimum` (4.5:1 for text). */
export async function textColoursBelow(bytes: Uint8Array, minimum: number): Promise<string[]> {
  const white: Rgb = [1, 1, 1];
  return (await textColours(bytes))
    .map((colour) => ({ colour, ratio: contrastRatio(colour, white) }))
    .filter(({ ratio }) => ratio < minimum)
    .map(({ colour, ratio }) => `rgb(${colour.join(', ')}) is ${ratio.toFixed(2)}:1 on white`);
}

/** The words can be extracted from the PDF as text, and no text is drawn lighter than 4.5:1 on white. */
export async function expectReadablePdf(bytes: Uint8Array, words: readonly string[]): Promise<void> {
  const text = pdfText(bytes).replace(/\s+/g, ' ');
  for (const word of words) expect(text, 'text extracted by pdftotext').toContain(word);
  expect((await textColours(bytes)).length, 'text drawn in the content streams').toBeGreaterThan(0);
  expect(await textColoursBelow(bytes, MIN_TEXT_CONTRAST), 'text colours too light to read').toEqual([]);
}
