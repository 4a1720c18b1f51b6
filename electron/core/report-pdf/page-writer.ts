/**
 * Printed reports (recount, audit): US Letter pages drawn top to bottom with pdf-lib's standard
 * Helvetica, so there are no font files to ship. One writer for every report.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

export const PAGE = { width: 612, height: 792, margin: 48 } as const;
export const INK = rgb(0.12, 0.14, 0.18);
export const MUTED = rgb(0.38, 0.42, 0.48);
export type Color = ReturnType<typeof rgb>;

export interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly color?: Color;
}

/** A new report document with its metadata set and a writer on its first page. */
export async function createReport(title: string, createdAt: Date) {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setCreator('Tallyroom');
  pdf.setCreationDate(createdAt);
  pdf.setModificationDate(createdAt);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  return { pdf, regular, bold };
}

export class PageWriter {
  protected page: PDFPage;
  protected y: number;

  constructor(
    protected readonly pdf: PDFDocument,
    protected readonly font: PDFFont,
    protected readonly bold: PDFFont,
  ) {
    this.page = pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y - height >= PAGE.margin) return;
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  gap(height: number): void {
    this.y -= height;
  }

  /** A paragraph, wrapped to the page width. */
  text(value: string, style: TextStyle): void {
    const font = style.bold ? this.bold : this.font;
    for (const line of wrap(printable(value), font, style.size, PAGE.width - 2 * PAGE.margin)) {
      this.ensure(style.size + 4);
      this.y -= style.size + 4;
      this.page.drawText(line, { x: PAGE.margin, y: this.y, size: style.size, font, color: style.color ?? INK });
    }
  }
}

/** Helvetica in a PDF covers Windows-1252 only: other characters (a name in another script) become "?". */
export function printable(text: string): string {
  return [...text.replace(/[\r\n\t]+/g, ' ')]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || '‘’“”–—…•'.includes(char) ? char : '?';
    })
    .join('');
}

/** Shortens text with "..." so it stays inside a column `width` points wide. */
export function fitToWidth(font: PDFFont, text: string, width: number, size: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let shortened = text;
  while (shortened.length > 1 && font.widthOfTextAtSize(`${shortened}...`, size) > width) {
    shortened = shortened.slice(0, -1);
  }
  return `${shortened}...`;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  lines.push(line);
  return lines;
}
