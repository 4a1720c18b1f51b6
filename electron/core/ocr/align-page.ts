import { adaptiveThreshold } from './adaptive-threshold';
import { type FoundQr, findQr } from './find-qr';
import { downscale, type GrayImage, sampleBilinear } from './gray-image';
import { applyHomography, type Homography, homographyFromPairs, type Point } from './homography';
import { type InkBlob, inkBlobs } from './ink-components';
import type { Rect, WorksheetLayout } from './worksheet-layout';

/**
 * Finds a worksheet on a page image and maps it upright: the QR (which also says which precinct
 * it is) gives a first estimate, the four corner marks give the exact map (a homography from the
 * layout's points to the image's pixels), and the orientation square beside the top-left mark
 * decides which way is up when the QR cannot be read. Rotation by any angle, upside-down pages and
 * a phone's perspective are all the same problem here.
 */
export interface PageAlignment {
  /** Layout points (from the top-left) to image pixels. */
  readonly toImage: Homography;
  readonly qr: FoundQr | null;
  /** How many of the four corner marks were found (4 for an exact map). */
  readonly marksFound: number;
  /** Clockwise degrees the page is turned in the image. */
  readonly rotationDegrees: number;
}

/** Longest side the marks are searched at: a mark is still 20+ pixels wide there. */
const SEARCH_SIDE = 1400;

export function alignPage(
  image: GrayImage,
  layout: WorksheetLayout,
  qr: FoundQr | null = findQr(image),
): PageAlignment | null {
  const factor = Math.max(1, Math.ceil(Math.max(image.width, image.height) / SEARCH_SIDE));
  const small = downscale(image, factor);
  const mask = adaptiveThreshold(small, 1 / 10, 0.2);
  const toFull = (blob: InkBlob): Point => ({
    x: (blob.centerX + 0.5) * factor - 0.5,
    y: (blob.centerY + 0.5) * factor - 0.5,
  });
  const markPoints = layout.marks.map((mark) => mark.center);

  if (qr) {
    // An affine map from the three finder-pattern corners only: jsQR places those precisely, while
    // its fourth corner is an estimate, and a homography from four close points extrapolates
    // wildly across the page. Affine is close enough to find the marks, which then give the exact map.
    const rough = affineFromThree(layout.qr.rect, qr);
    if (rough) {
      const markPixels = ((layout.marks[0]?.rect.width ?? 18) * (qrSide(qr) / layout.qr.rect.width)) / factor;
      const squares = squareBlobs(mask, small, markPixels * 0.65, markPixels * 1.6);
      // Up to four candidate blobs per mark (the nearest to where the QR predicts it); every
      // combination is tried and the one that puts the QR exactly where it was found wins. A digit
      // or a letter near a predicted spot can look like a mark, but it cannot pass that test.
      const options = layout.marks.map((mark) => {
        const predicted = applyHomography(rough, mark.center);
        const target = { x: (predicted.x + 0.5) / factor - 0.5, y: (predicted.y + 0.5) / factor - 0.5 };
        return nearestFew(squares, target, Math.max(small.width, small.height) * 0.16, 4);
      });
      let best: { h: Homography; error: number } | null = null;
      const [first, second, third, fourth] = options as [InkBlob[], InkBlob[], InkBlob[], InkBlob[]];
      for (const a of first) {
        for (const b of second) {
          for (const c of third) {
            for (const d of fourth) {
              const h = homographyFromPairs(
                [a, b, c, d].map((blob, index) => ({ from: markPoints[index] as Point, to: toFull(blob) })),
              );
              if (!h) continue;
              // Each blob must be as big as its mark looks under this map (a letter or the page's
              // edge is not), and the orientation square must be where the map puts it.
              if (![a, b, c, d].every((blob, index) => sizeFits(blob, h, layout.marks[index]?.rect, factor))) continue;
              if (orientationScore(small, factor, h, layout) < 0.2) continue;
              const error = qrError(h, layout, qr);
              if (!best || error < best.error) best = { h, error };
            }
          }
        }
      }
      if (best && best.error < qrSide(qr) * 0.12) return alignment(best.h, qr, 4, layout);
      const pairs = options.flatMap((list, index) =>
        list[0] ? [{ from: markPoints[index] as Point, to: toFull(list[0]) }] : [],
      );
      const qrCorners = rectCorners(layout.qr.rect);
      const mixed = homographyFromPairs([
        ...[0, 1, 3].map((index) => ({ from: qrCorners[index] as Point, to: qr.corners[index] as Point })),
        ...pairs,
      ]);
      if (mixed && pairs.length >= 2 && qrAgrees(mixed, layout, qr)) return alignment(mixed, qr, pairs.length, layout);
      return alignment(rough, qr, 0, layout);
    }
  }
  return alignByMarksAlone(small, mask, factor, layout, toFull);
}

function alignment(
  toImage: Homography,
  qr: FoundQr | null,
  marksFound: number,
  layout: WorksheetLayout,
): PageAlignment {
  const origin = applyHomography(toImage, { x: 0, y: layout.page.height / 2 });
  const across = applyHomography(toImage, { x: layout.page.width, y: layout.page.height / 2 });
  const degrees = (Math.atan2(across.y - origin.y, across.x - origin.x) * 180) / Math.PI;
  return { toImage, qr, marksFound, rotationDegrees: (Math.round((((degrees % 360) + 360) % 360) * 10) / 10) % 360 };
}

/**
 * No QR: the four solid squares nearest the image's corners are the marks, and the orientation
 * square (ink beside one of them only) says which of them is the top-left one.
 */
function alignByMarksAlone(
  small: GrayImage,
  mask: Uint8Array,
  factor: number,
  layout: WorksheetLayout,
  toFull: (blob: InkBlob) => Point,
): PageAlignment | null {
  const shortSide = Math.min(small.width, small.height);
  const squares = squareBlobs(mask, small, shortSide * 0.012, shortSide * 0.07);
  if (squares.length < 4) return null;
  const pick = (score: (blob: InkBlob) => number) =>
    squares.reduce((best, blob) => (score(blob) > score(best) ? blob : best), squares[0] as InkBlob);
  // Image corners in clockwise order: top-left, top-right, bottom-right, bottom-left.
  const corners = [
    pick((b) => -(b.centerX + b.centerY)),
    pick((b) => b.centerX - b.centerY),
    pick((b) => b.centerX + b.centerY),
    pick((b) => b.centerY - b.centerX),
  ];
  if (new Set(corners).size !== 4) return null;
  const sizes = corners.map((blob) => Math.max(blob.maxX - blob.minX, blob.maxY - blob.minY));
  if (Math.max(...sizes) > Math.min(...sizes) * 2) return null;
  // Layout marks in the same clockwise order.
  const order = ['top-left', 'top-right', 'bottom-right', 'bottom-left'] as const;
  const layoutClockwise = order.map((corner) => layout.marks.find((mark) => mark.corner === corner)?.center as Point);
  let best: { h: Homography; score: number } | null = null;
  for (let turn = 0; turn < 4; turn += 1) {
    const pairs = layoutClockwise.map((from, index) => ({ from, to: toFull(corners[(index + turn) % 4] as InkBlob) }));
    const h = homographyFromPairs(pairs);
    if (!h) continue;
    const score = orientationScore(small, factor, h, layout);
    if (!best || score > best.score) best = { h, score };
  }
  if (!best || best.score < 0.35) return null;
  return alignment(best.h, null, 4, layout);
}

/** Ink at the orientation square minus ink where its mirror images would be (0..1 each). */
function orientationScore(small: GrayImage, factor: number, h: Homography, layout: WorksheetLayout): number {
  const square = layout.orientationMark;
  const centre = { x: square.x + square.width / 2, y: square.y + square.height / 2 };
  const { width, height } = layout.page;
  const decoys = [
    { x: width - centre.x, y: centre.y },
    { x: centre.x, y: height - centre.y },
    { x: width - centre.x, y: height - centre.y },
  ];
  const darkness = (point: Point) => {
    const pixel = applyHomography(h, point);
    const value = sampleBilinear(small, (pixel.x + 0.5) / factor - 0.5, (pixel.y + 0.5) / factor - 0.5);
    return 1 - value / 255;
  };
  return darkness(centre) - Math.max(...decoys.map(darkness));
}

/** Solid, roughly square blobs of about the given side (pixels of the searched copy). */
function squareBlobs(mask: Uint8Array, image: GrayImage, minSide: number, maxSide: number): InkBlob[] {
  const blobs = inkBlobs(
    mask,
    image.width,
    image.height,
    Math.max(4, minSide * minSide * 0.5),
    maxSide * maxSide * 1.2,
  );
  return blobs.filter((blob) => {
    const w = blob.maxX - blob.minX + 1;
    const h = blob.maxY - blob.minY + 1;
    const side = Math.max(w, h);
    // A turned square's bounding box is bigger than the square: fill drops to 0.5 at 45 degrees.
    return side >= minSide && side <= maxSide && Math.min(w, h) / side > 0.6 && blob.area / (w * h) > 0.45;
  });
}

function nearestFew(blobs: readonly InkBlob[], target: Point, radius: number, count: number): InkBlob[] {
  return blobs
    .map((blob) => ({ blob, distance: Math.hypot(blob.centerX - target.x, blob.centerY - target.y) }))
    .filter((entry) => entry.distance < radius)
    .sort((x, y) => x.distance - y.distance)
    .slice(0, count)
    .map((entry) => entry.blob);
}

function affineFromThree(rect: Rect, qr: FoundQr): Homography | null {
  const [topLeft, topRight, , bottomLeft] = qr.corners;
  const ax = (topRight.x - topLeft.x) / rect.width;
  const ay = (topRight.y - topLeft.y) / rect.width;
  const bx = (bottomLeft.x - topLeft.x) / rect.height;
  const by = (bottomLeft.y - topLeft.y) / rect.height;
  if (Math.abs(ax * by - ay * bx) < 1e-9) return null;
  // image = topLeft + (p.x - rect.x) * a + (p.y - rect.y) * b
  return [ax, bx, topLeft.x - ax * rect.x - bx * rect.y, ay, by, topLeft.y - ay * rect.x - by * rect.y, 0, 0, 1];
}

/** The blob's area against the area of the mark's square as `h` maps it (in the searched copy). */
function sizeFits(blob: InkBlob, h: Homography, rect: Rect | undefined, factor: number): boolean {
  if (!rect) return false;
  const corners = rectCorners(rect).map((corner) => applyHomography(h, corner));
  let area = 0;
  for (let i = 0; i < 4; i += 1) {
    const p = corners[i] as Point;
    const q = corners[(i + 1) % 4] as Point;
    area += p.x * q.y - q.x * p.y;
  }
  const expected = Math.abs(area) / 2 / (factor * factor);
  return blob.area > expected * 0.55 && blob.area < expected * 1.6;
}

/** Largest distance, in pixels, between the QR's finder-pattern corners as mapped and as found. */
function qrError(h: Homography, layout: WorksheetLayout, qr: FoundQr): number {
  const corners = rectCorners(layout.qr.rect);
  // The three finder-pattern corners (jsQR's fourth is an estimate).
  return Math.max(
    ...[0, 1, 3].map((index) => {
      const mapped = applyHomography(h, corners[index] as Point);
      const found = qr.corners[index] as Point;
      return Math.hypot(mapped.x - found.x, mapped.y - found.y);
    }),
  );
}

function qrAgrees(h: Homography, layout: WorksheetLayout, qr: FoundQr): boolean {
  return qrError(h, layout, qr) < qrSide(qr) * 0.12;
}

function qrSide(qr: FoundQr): number {
  const [a, b, , d] = qr.corners;
  return (Math.hypot(b.x - a.x, b.y - a.y) + Math.hypot(d.x - a.x, d.y - a.y)) / 2;
}

/** Top-left, top-right, bottom-right, bottom-left. */
export function rectCorners(rect: Rect): [Point, Point, Point, Point] {
  return [
    { x: rect.x, y: rect.y },
    { x: rect.x + rect.width, y: rect.y },
    { x: rect.x + rect.width, y: rect.y + rect.height },
    { x: rect.x, y: rect.y + rect.height },
  ];
}

/**
 * The page upright at `scale` pixels per point: every output pixel is looked up through the
 * homography and sampled bilinearly from the original image.
 */
export function resampleUpright(
  image: GrayImage,
  toImage: Homography,
  layout: WorksheetLayout,
  scale: number,
): GrayImage {
  const width = Math.round(layout.page.width * scale);
  const height = Math.round(layout.page.height * scale);
  const data = new Uint8Array(width * height);
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = toImage;
  for (let y = 0; y < height; y += 1) {
    const py = (y + 0.5) / scale;
    for (let x = 0; x < width; x += 1) {
      const px = (x + 0.5) / scale;
      const w = h6 * px + h7 * py + h8;
      data[y * width + x] = sampleBilinear(image, (h0 * px + h1 * py + h2) / w, (h3 * px + h4 * py + h5) / w);
    }
  }
  return { width, height, data };
}
