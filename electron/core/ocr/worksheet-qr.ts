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

/** The dark modules as squares inside `rect` (points from the top-left), for any drawing surface. */
export function qrSquares(payload: string, rect: Rect): Rect[] {
  const modules = qrModules(payload);
  const side = rect.width / modules.size;
  const squares: Rect[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.dark(row, column)) {
        squares.push({ x: rect.x + column * side, y: rect.y + row * side, width: side, height: side });
      }
    }
  }
  return squares;
}
