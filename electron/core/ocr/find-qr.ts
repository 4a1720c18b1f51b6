import jsQR from 'jsqr';
import { downscale, type GrayImage, grayImage, rotateQuarterTurns, sampleBilinear, toRgba } from './gray-image';
import { applyHomography, type Homography, type Point } from './homography';
import type { Rect } from './worksheet-layout';

/** The QR code found on a page: its text and its four corners in the page image's pixels. */
export interface FoundQr {
  readonly text: string;
  /** Corners of the symbol as the code itself orients them: top-left, top-right, bottom-right, bottom-left. */
  readonly corners: readonly [Point, Point, Point, Point];
}

/** Longest side of the first, fast attempt: the QR is about 1/7 of the page width, plenty at this size. */
const FAST_SIDE = 900;
/**
 * Longest side of a finer second look, only once the corner marks say a worksheet is there: a
 * scanner's faint white streaks across the QR can survive a 3:1 reduction but not a 2:1 one.
 */
export const FINE_SIDE = 1300;

/**
 * Finds the worksheet's QR code on a small copy of the page (fast: jsQR finds a QR at any angle).
 * When that fails, the reader finds the corner marks and looks again at the QR's own spot, upright
 * (findQrAt): cheaper than searching a dark, noisy photo at full size, which can take seconds.
 */
export function findQr(image: GrayImage, side: number = FAST_SIDE): FoundQr | null {
  const factor = Math.max(1, Math.ceil(Math.max(image.width, image.height) / side));
  const small = downscale(image, factor);
  const found = decode(small);
  if (!found) return null;
  const back = (point: Point): Point => ({ x: (point.x + 0.5) * factor - 0.5, y: (point.y + 0.5) * factor - 0.5 });
  return {
    text: found.text,
    corners: [back(found.corners[0]), back(found.corners[1]), back(found.corners[2]), back(found.corners[3])],
  };
}

/**
 * Looks for the QR inside `region` (layout points) of a page whose map to the image is known: the
 * region is resampled upright at `scale` pixels per point, tried at each quarter turn in case the
 * map is turned, and the corners are mapped back to the image.
 */
export function findQrAt(image: GrayImage, toImage: Homography, region: Rect, scale: number): FoundQr | null {
  const width = Math.round(region.width * scale);
  const height = Math.round(region.height * scale);
  const upright = grayImage(width, height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const point = applyHomography(toImage, { x: region.x + (x + 0.5) / scale, y: region.y + (y + 0.5) / scale });
      upright.data[y * width + x] = sampleBilinear(image, point.x, point.y);
    }
  }
  for (const turns of [0, 1, 2, 3]) {
    const found = decode(rotateQuarterTurns(upright, turns));
    if (!found) continue;
    const back = (point: Point): Point => {
      const unturned = unrotate(point, turns, width, height);
      return applyHomography(toImage, {
        x: region.x + (unturned.x + 0.5) / scale,
        y: region.y + (unturned.y + 0.5) / scale,
      });
    };
    return {
      text: found.text,
      corners: [back(found.corners[0]), back(found.corners[1]), back(found.corners[2]), back(found.corners[3])],
    };
  }
  return null;
}

function decode(image: GrayImage): FoundQr | null {
  const result = jsQR(toRgba(image), image.width, image.height, { inversionAttempts: 'dontInvert' });
  if (!result || result.data.length === 0) return null;
  const { topLeftCorner, topRightCorner, bottomRightCorner, bottomLeftCorner } = result.location;
  return { text: result.data, corners: [topLeftCorner, topRightCorner, bottomRightCorner, bottomLeftCorner] };
}

/** A point of the image turned clockwise `turns` quarter turns, back in the unturned image. */
function unrotate(point: Point, turns: number, width: number, height: number): Point {
  // rotateQuarterTurns: turns=1 maps (x, y) to (height-1-y, x); invert each case.
  switch (turns) {
    case 1:
      return { x: point.y, y: height - 1 - point.x };
    case 2:
      return { x: width - 1 - point.x, y: height - 1 - point.y };
    case 3:
      return { x: width - 1 - point.y, y: point.x };
    default:
      return point;
  }
}
