import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyHomography,
  type Homography,
  homographyFromPairs,
  invertHomography,
} from '../../../electron/core/ocr/homography';

const square = [
  { x: 0, y: 0 },
  { x: 612, y: 0 },
  { x: 612, y: 792 },
  { x: 0, y: 792 },
];

describe('homography (4-point DLT)', () => {
  it('maps the four corners of a page onto a photographed quadrilateral exactly, and back', () => {
    const photo = [
      { x: 310, y: 120 },
      { x: 2410, y: 260 },
      { x: 2600, y: 3300 },
      { x: 140, y: 3050 },
    ];
    const h = homographyFromPairs(square.map((from, i) => ({ from, to: photo[i] as { x: number; y: number } })));
    expect(h).not.toBeNull();
    for (const [i, corner] of square.entries()) {
      const mapped = applyHomography(h as Homography, corner);
      expect(mapped.x).toBeCloseTo((photo[i] as { x: number }).x, 6);
      expect(mapped.y).toBeCloseTo((photo[i] as { y: number }).y, 6);
    }
    const inverse = invertHomography(h as Homography) as Homography;
    const back = applyHomography(inverse, applyHomography(h as Homography, { x: 300, y: 400 }));
    expect(back.x).toBeCloseTo(300, 6);
    expect(back.y).toBeCloseTo(400, 6);
  });

  it('turns a page upside down (180 degrees) as a homography', () => {
    const rotated = square.map((p) => ({ x: 612 - p.x, y: 792 - p.y }));
    const h = homographyFromPairs(square.map((from, i) => ({ from, to: rotated[i] as { x: number; y: number } })));
    const centre = applyHomography(h as Homography, { x: 100, y: 50 });
    expect(centre.x).toBeCloseTo(512, 6);
    expect(centre.y).toBeCloseTo(742, 6);
  });

  it('fits more than four noisy pairs by least squares', () => {
    const truth: Homography = [1.9, 0.12, 40, -0.08, 2.1, 60, 0.00005, 0.00002, 1];
    const points = [...square, { x: 306, y: 396 }, { x: 100, y: 700 }];
    const pairs = points.map((from, i) => {
      const to = applyHomography(truth, from);
      return { from, to: { x: to.x + (i % 2 ? 0.3 : -0.3), y: to.y + (i % 3 ? 0.2 : -0.2) } };
    });
    const h = homographyFromPairs(pairs) as Homography;
    const probe = applyHomography(h, { x: 400, y: 500 });
    const expected = applyHomography(truth, { x: 400, y: 500 });
    expect(Math.abs(probe.x - expected.x)).toBeLessThan(1);
    expect(Math.abs(probe.y - expected.y)).toBeLessThan(1);
  });

  it('refuses degenerate points (three on one line) instead of returning garbage', () => {
    const line = [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: 2 },
      { x: 3, y: 3 },
    ];
    expect(homographyFromPairs(line.map((from) => ({ from, to: from })))).toBeNull();
    expect(homographyFromPairs(square.slice(0, 3).map((from) => ({ from, to: from })))).toBeNull();
  });

  it('round-trips any point through a random perspective and its inverse', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -60, max: 60 }), fc.integer({ min: -60, max: 60 })), {
          minLength: 4,
          maxLength: 4,
        }),
        fc.tuple(fc.integer({ min: 0, max: 612 }), fc.integer({ min: 0, max: 792 })),
        (jitter, [px, py]) => {
          const to = square.map((p, i) => ({
            x: p.x * 3 + 200 + (jitter[i] as [number, number])[0],
            y: p.y * 3 + 200 + (jitter[i] as [number, number])[1],
          }));
          const h = homographyFromPairs(square.map((from, i) => ({ from, to: to[i] as { x: number; y: number } })));
          if (!h) return false;
          const inverse = invertHomography(h);
          if (!inverse) return false;
          const back = applyHomography(inverse, applyHomography(h, { x: px, y: py }));
          return Math.abs(back.x - px) < 1e-6 && Math.abs(back.y - py) < 1e-6;
        },
      ),
    );
  });
});
