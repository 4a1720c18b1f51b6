import jsQR from 'jsqr';
import { downscale, type GrayImage, rotateQuarterTurns, toRgba } from './gray-image';
import type { Point } from './homography';

/** The QR code found on a page: its text and its four corners in the page image's pixels. */
export interface FoundQr {
  readonly text: string;
  /** Corners of the symbol as the code itself orients them: top-left, top-right, bottom-right, bottom-left. */
  readonly corners: readonly [Point, Point, Point, Point];
}

/** Longest side of the first, fast attempt: the QR is about 1/7 of the page width, plenty at this size. */
const FAST_SIDE = 900;
const DETAIL_SIDE = 1800;

/**
 * Finds the worksheet's QR code. jsQR is tried on a small copy first (fast), then on a larger one,
 * then on the copy turned by each quarter turn (its finder-pattern search is not equally good at
 * every angle). Corners are mapped back to the original image's pixels.
 */
export function findQr(image: GrayImage): FoundQr | null {
  const longest = Math.max(image.width, image.height);
  const factors = [...new Set([Math.ceil(longest / FAST_SIDE), Math.ceil(longest / DETAIL_SIDE)])].filter(
    (f) => f >= 1,
  );
  for (const factor of factors) {
    const small = downscale(image, factor);
    // Quarter turns only on the small copy: on a photo with no QR at all, every attempt at the
    // larger size costs a second for nothing.
    for (const turns of factor === factors[0] ? [0, 1, 2, 3] : [0]) {
      const found = decode(rotateQuarterTurns(small, turns));
      if (!found) continue;
      const back = (point: Point): Point => {
        const upright = unrotate(point, turns, small.width, small.height);
        return { x: (upright.x + 0.5) * factor - 0.5, y: (upright.y + 0.5) * factor - 0.5 };
      };
      return {
        text: found.text,
        corners: [back(found.corners[0]), back(found.corners[1]), back(found.corners[2]), back(found.corners[3])],
      };
    }
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
