import { decodePDFRawStream, PDFArray, PDFDocument, type PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { candidateFields, type Rect, worksheetLayout } from '../../../electron/core/ocr/worksheet-layout';
import { worksheetPdf } from '../../../electron/core/ocr/worksheet-pdf';
import { qrSquares } from '../../../electron/core/ocr/worksheet-qr';
import { expectReadablePdf } from '../../helpers/pdf-accessibility';

const ELECTION = {
  county: 'Tally County',
  name: 'Tally County Democratic Caucus',
  date: '2026-02-02',
  rulesProfile: 'iowa-dem-2020' as const,
};
const CANDIDATES = ['Adams', 'Baker', 'Castillo', 'Dunn', 'Everett', 'Uncommitted'].map((name, index) => ({
  name,
  ballotOrder: index + 1,
}));
const PRECINCTS = [
  { code: 'P01', name: 'Ames 1', delegates: 9 },
  { code: 'P02', name: 'Ames 2', delegates: 2 },
];

interface DrawnRect extends Rect {
  readonly paint: 'fill' | 'stroke';
}

/**
 * The rectangles drawn on a page, from its content stream, in layout coordinates (points from
 * the top-left). pdf-lib draws each rectangle as: q ... 1 0 0 1 X Y cm ... 0 0 m 0 H l W H l W 0 l h f|S|B Q.
 */
async function drawnRects(bytes: Uint8Array, pageIndex: number): Promise<DrawnRect[]> {
  const pdf = await PDFDocument.load(bytes);
  const page = pdf.getPage(pageIndex);
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref)) : [contents];
  const text = streams
    .map((stream) => Buffer.from(decodePDFRawStream(stream as PDFRawStream).decode()).toString('latin1'))
    .join('\n');
  const rects: DrawnRect[] = [];
  const block =
    /1 0 0 1 ([\d.-]+) ([\d.-]+) cm\n(?:1 0 0 1 0 0 cm\n)*0 0 m\n0 ([\d.]+) l\n([\d.]+) [\d.]+ l\n[\d.]+ 0 l\nh\n([fSB])/g;
  for (const match of text.matchAll(block)) {
    const [, x, y, height, width, paint] = match;
    const h = Number(height);
    rects.push({
      x: Number(x),
      y: page.getHeight() - Number(y) - h,
      width: Number(width),
      height: h,
      paint: paint === 'f' ? 'fill' : 'stroke',
    });
  }
  return rects;
}

function near(a: Rect, b: Rect): boolean {
  const close = (p: number, q: number) => Math.abs(p - q) < 0.01;
  return close(a.x, b.x) && close(a.y, b.y) && close(a.width, b.width) && close(a.height, b.height);
}

describe('worksheet PDF', () => {
  it('has one US Letter page per precinct, in order', async () => {
    const pdf = await worksheetPdf({ election: ELECTION, candidates: CANDIDATES, precincts: PRECINCTS }, new Date());
    expect(pdf.ok).toBe(true);
    if (!pdf.ok) return;
    const document = await PDFDocument.load(pdf.value);
    expect(document.getPageCount()).toBe(2);
    expect(document.getPage(1).getSize()).toEqual({ width: 612, height: 792 });
  });

  it('prints text a screen reader can extract, dark enough to read on white paper', async () => {
    const pdf = await worksheetPdf({ election: ELECTION, candidates: CANDIDATES, precincts: PRECINCTS }, new Date());
    if (!pdf.ok) throw new Error(pdf.error.message);
    await expectReadablePdf(pdf.value, ['Tally County', 'P01', 'Ames 2', 'Castillo', 'Uncommitted']);
  });

  it('draws marks, QR modules and every comb box exactly where the layout puts them', async () => {
    const pdf = await worksheetPdf({ election: ELECTION, candidates: CANDIDATES, precincts: PRECINCTS }, new Date());
    if (!pdf.ok) throw new Error(pdf.error.message);
    for (const [index, precinct] of PRECINCTS.entries()) {
      const layout = worksheetLayout({ election: ELECTION, candidates: CANDIDATES, precinct });
      if (!layout.ok) throw new Error(layout.error.message);
      const drawn = await drawnRects(pdf.value, index);
      const filled = drawn.filter((rect) => rect.paint === 'fill');
      const stroked = drawn.filter((rect) => rect.paint === 'stroke');
      for (const mark of [...layout.value.marks.map((entry) => entry.rect), layout.value.orientationMark]) {
        expect(filled.some((rect) => near(rect, mark))).toBe(true);
      }
      const modules = qrSquares(layout.value.qr.payload, layout.value.qr.rect);
      for (const module of modules) expect(filled.some((rect) => near(rect, module))).toBe(true);
      const boxes = [
        ...candidateFields(layout.value),
        layout.value.totals.first,
        layout.value.totals.final,
        layout.value.totals.delegates,
      ].flatMap((field) => field.boxes);
      expect(boxes.length).toBe(6 * 11 + 11);
      for (const box of boxes) expect(stroked.some((rect) => near(rect, box))).toBe(true);
      // Nothing else is filled black inside a digit box (a reader would take it for ink).
      for (const box of boxes) {
        expect(
          filled.some(
            (rect) => rect.x >= box.x && rect.x < box.x + box.width && rect.y >= box.y && rect.y < box.y + box.height,
          ),
        ).toBe(false);
      }
    }
  });

  it('refuses a county with more candidates than fit, naming the limit', async () => {
    const many = Array.from({ length: 13 }, (_, index) => ({ name: `C${index}`, ballotOrder: index }));
    const pdf = await worksheetPdf({ election: ELECTION, candidates: many, precincts: PRECINCTS }, new Date());
    expect(pdf.ok ? null : pdf.error.code).toBe('WORKSHEET_TOO_MANY_CANDIDATES');
  });
});
