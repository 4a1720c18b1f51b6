/**
 * PNG without the alpha channel, grayscale when nothing on the page is in colour: a third of
 * the size of the canvas's own RGBA PNG, which keeps the committed fixtures small.
 */
import type { Canvas } from '@napi-rs/canvas';
import { PNG } from 'pngjs';

export function encodePng(canvas: Canvas, grayscale: boolean): Buffer {
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const png = new PNG({
    width: canvas.width,
    height: canvas.height,
    colorType: grayscale ? 0 : 2,
    inputHasAlpha: true,
  });
  png.data = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return PNG.sync.write(png, { colorType: grayscale ? 0 : 2, inputHasAlpha: true, deflateLevel: 9 });
}
