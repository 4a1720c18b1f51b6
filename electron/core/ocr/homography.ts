/**
 * Plane-to-plane projective maps (homographies), for turning a photographed or scanned page
 * back into the worksheet's own coordinates. A 3x3 matrix H, row-major, h[8] normalised to 1,
 * maps (x, y) to ((h0 x + h1 y + h2) / w, (h3 x + h4 y + h5) / w) with w = h6 x + h7 y + h8.
 * Four point pairs fix it exactly (direct linear transform); more pairs are fitted by least squares.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export type Homography = readonly [number, number, number, number, number, number, number, number, number];

export interface PointPair {
  readonly from: Point;
  readonly to: Point;
}

/**
 * The homography taking every `from` to its `to` (exactly for 4 pairs, least squares for more).
 * Null when the points are degenerate (three in a line, repeated points): no page can be read from them.
 */
export function homographyFromPairs(pairs: readonly PointPair[]): Homography | null {
  if (pairs.length < 4) return null;
  // Normalise both point sets (Hartley): centred, mean distance sqrt(2). Without this the system is
  // badly conditioned for pixel coordinates in the thousands.
  const fromNorm = normaliser(pairs.map((pair) => pair.from));
  const toNorm = normaliser(pairs.map((pair) => pair.to));
  if (!fromNorm || !toNorm) return null;
  // Each pair gives two rows of A h = b in the 8 unknowns h0..h7 (h8 = 1).
  const ata = Array.from({ length: 8 }, () => new Array<number>(8).fill(0));
  const atb = new Array<number>(8).fill(0);
  for (const pair of pairs) {
    const { x, y } = applyAffine(fromNorm.matrix, pair.from);
    const { x: u, y: v } = applyAffine(toNorm.matrix, pair.to);
    const rows: [number[], number][] = [
      [[x, y, 1, 0, 0, 0, -u * x, -u * y], u],
      [[0, 0, 0, x, y, 1, -v * x, -v * y], v],
    ];
    for (const [row, rhs] of rows) {
      for (let i = 0; i < 8; i += 1) {
        atb[i] = (atb[i] as number) + (row[i] as number) * rhs;
        const ataRow = ata[i] as number[];
        for (let j = 0; j < 8; j += 1) ataRow[j] = (ataRow[j] as number) + (row[i] as number) * (row[j] as number);
      }
    }
  }
  const h = solveLinear(ata, atb);
  if (!h) return null;
  const normalised: Homography = [...h, 1] as unknown as Homography;
  // H = T_to^-1 * Hn * T_from
  const result = multiply(multiply(invertAffine(toNorm.matrix), normalised), fromNorm.matrix);
  const scale = result[8];
  if (!Number.isFinite(scale) || Math.abs(scale) < 1e-12) return null;
  const out = result.map((value) => value / scale) as unknown as Homography;
  return out.every(Number.isFinite) ? out : null;
}

export function applyHomography(h: Homography, point: Point): Point {
  const w = h[6] * point.x + h[7] * point.y + h[8];
  return {
    x: (h[0] * point.x + h[1] * point.y + h[2]) / w,
    y: (h[3] * point.x + h[4] * point.y + h[5]) / w,
  };
}

export function invertHomography(h: Homography): Homography | null {
  const [a, b, c, d, e, f, g, i, j] = h;
  const det = a * (e * j - f * i) - b * (d * j - f * g) + c * (d * i - e * g);
  if (!Number.isFinite(det) || Math.abs(det) < 1e-15) return null;
  const inverse = [
    (e * j - f * i) / det,
    (c * i - b * j) / det,
    (b * f - c * e) / det,
    (f * g - d * j) / det,
    (a * j - c * g) / det,
    (c * d - a * f) / det,
    (d * i - e * g) / det,
    (b * g - a * i) / det,
    (a * e - b * d) / det,
  ];
  const scale = inverse[8] as number;
  if (Math.abs(scale) < 1e-15) return null;
  return inverse.map((value) => value / scale) as unknown as Homography;
}

export function multiply(left: Homography, right: Homography): Homography {
  const out = new Array<number>(9).fill(0);
  for (let r = 0; r < 3; r += 1) {
    for (let c = 0; c < 3; c += 1) {
      let sum = 0;
      for (let k = 0; k < 3; k += 1) sum += (left[r * 3 + k] as number) * (right[k * 3 + c] as number);
      out[r * 3 + c] = sum;
    }
  }
  return out as unknown as Homography;
}

/** Similarity transform (as a homography) that centres points and scales their mean distance to sqrt(2). */
function normaliser(points: readonly Point[]): { matrix: Homography } | null {
  const cx = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const cy = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  const mean = points.reduce((sum, p) => sum + Math.hypot(p.x - cx, p.y - cy), 0) / points.length;
  if (!Number.isFinite(mean) || mean < 1e-9) return null;
  const s = Math.SQRT2 / mean;
  return { matrix: [s, 0, -s * cx, 0, s, -s * cy, 0, 0, 1] };
}

function applyAffine(m: Homography, p: Point): Point {
  return { x: m[0] * p.x + m[1] * p.y + m[2], y: m[3] * p.x + m[4] * p.y + m[5] };
}

function invertAffine(m: Homography): Homography {
  // Only used on the normalisers: uniform scale s and translation t.
  const s = m[0];
  return [1 / s, 0, -m[2] / s, 0, 1 / s, -m[5] / s, 0, 0, 1];
}

/** Gaussian elimination with partial pivoting; null when the system is singular. */
export function solveLinear(matrix: readonly (readonly number[])[], rhs: readonly number[]): number[] | null {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i] as number]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < n; row += 1) {
      if (Math.abs((a[row] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number)) pivot = row;
    }
    const pivotRow = a[pivot] as number[];
    if (Math.abs(pivotRow[col] as number) < 1e-12) return null;
    [a[col], a[pivot]] = [pivotRow, a[col] as number[]];
    const current = a[col] as number[];
    for (let row = 0; row < n; row += 1) {
      if (row === col) continue;
      const target = a[row] as number[];
      const factor = (target[col] as number) / (current[col] as number);
      if (factor === 0) continue;
      for (let k = col; k <= n; k += 1) target[k] = (target[k] as number) - factor * (current[k] as number);
    }
  }
  return a.map((row, i) => (row[n] as number) / (row[i] as number));
}
