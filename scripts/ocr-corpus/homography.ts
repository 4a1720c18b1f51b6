/**
 * Plane-to-plane projective maps (homographies) for the phone-photo degradation: a page seen at
 * an angle is the flat page under a homography. Solved from four point pairs.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** 3x3 matrix, row-major, h[8] = 1. */
export type Homography = readonly number[];

/** The homography that maps each `from[i]` to `to[i]` (four pairs, no three points on a line). */
export function homographyFrom(from: readonly Point[], to: readonly Point[]): Homography {
  if (from.length !== 4 || to.length !== 4) throw new RangeError('A homography needs four point pairs.');
  const rows: number[][] = [];
  for (let i = 0; i < 4; i += 1) {
    const { x, y } = from[i] as Point;
    const { x: u, y: v } = to[i] as Point;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  return [...solve(rows), 1];
}

export function applyHomography(h: Homography, point: Point): Point {
  const w = (h[6] as number) * point.x + (h[7] as number) * point.y + (h[8] as number);
  return {
    x: ((h[0] as number) * point.x + (h[1] as number) * point.y + (h[2] as number)) / w,
    y: ((h[3] as number) * point.x + (h[4] as number) * point.y + (h[5] as number)) / w,
  };
}

/** Gaussian elimination with partial pivoting on an n x (n+1) augmented matrix. */
function solve(matrix: number[][]): number[] {
  const n = matrix.length;
  for (let column = 0; column < n; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < n; row += 1) {
      if (Math.abs(matrix[row]?.[column] ?? 0) > Math.abs(matrix[pivot]?.[column] ?? 0)) pivot = row;
    }
    const pivotRow = matrix[pivot] as number[];
    if (Math.abs(pivotRow[column] ?? 0) < 1e-12) throw new RangeError('Degenerate points: no homography.');
    matrix[pivot] = matrix[column] as number[];
    matrix[column] = pivotRow;
    for (let row = 0; row < n; row += 1) {
      if (row === column) continue;
      const target = matrix[row] as number[];
      const factor = (target[column] ?? 0) / (pivotRow[column] ?? 1);
      for (let k = column; k <= n; k += 1) target[k] = (target[k] ?? 0) - factor * (pivotRow[k] ?? 0);
    }
  }
  return matrix.map((row, index) => (row[n] ?? 0) / (row[index] ?? 1));
}
