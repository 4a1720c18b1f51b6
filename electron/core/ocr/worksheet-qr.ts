/**
 * The worksheet's QR symbol as a grid of modules, drawn as squares by the PDF writer and the
 * scan corpus generator alike (vector squares: no image, so it lands exactly on layout.qr.rect).
 */
import QRCode from 'qrcode';
import type { Rect } from './worksheet-layout';

export interface QrModules {
  /** Modules per side. */
  readonly size: number;
  /** True where the module at (row, column) is dark. */
  readonly dark: (row: number, column: number) => boolean;
}

/** Error correction M: about 15% of the code can be smudged or folded and it still reads. */
export function qrModules(payload: string): QrModules {
  const symbol = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  return { size: symbol.modules.size, dark: (row, column) => symbol.modules.get(row, column) === 1 };
}

/**
 * The dark modules inside `rect` (points from the top-left), each row's runs of dark modules
 * joined into one rectangle: fewer shapes, and no hairline seams between neighbours when a
 * viewer or printer anti-aliases.
 */
export function qrSquares(payload: string, rect: Rect): Rect[] {
  const modules = qrModules(payload);
  const side = rect.width / modules.size;
  const runs: Rect[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    let column = 0;
    while (column < modules.size) {
      if (!modules.dark(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < modules.size && modules.dark(row, column)) column += 1;
      runs.push({ x: rect.x + start * side, y: rect.y + row * side, width: (column - start) * side, height: side });
    }
  }
  return runs;
}
