/**
 * Connected blobs of ink (8-connected) in a mask, 1 = ink: the corner marks on a page
 * (align-page.ts) and the strokes in a comb box (digit-crop.ts) are found by the same walk.
 */
export interface InkBlob {
  readonly area: number;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  readonly centerX: number;
  readonly centerY: number;
}

/** A blob with its pixels (indices into the mask). */
export interface InkComponent extends InkBlob {
  readonly pixels: Int32Array;
}

/** Every blob of the mask, in the order their first pixels come in it. */
export function inkComponents(mask: Uint8Array, width: number, height: number): InkComponent[] {
  const seen = new Uint8Array(mask.length);
  // Each blob's pixels end up side by side in `order`; a blob is a view of its stretch.
  const order = new Int32Array(mask.length);
  let filled = 0;
  const components: InkComponent[] = [];
  for (let start = 0; start < mask.length; start += 1) {
    if (!mask[start] || seen[start]) continue;
    const first = filled;
    order[filled++] = start;
    seen[start] = 1;
    let sumX = 0;
    let sumY = 0;
    let minX = width;
    let minY = height;
    let maxX = 0;
    let maxY = 0;
    // `order` doubles as the queue: pixels between `next` and `filled` are found, not yet visited.
    for (let next = first; next < filled; next += 1) {
      const index = order[next] as number;
      const x = index % width;
      const y = (index - x) / width;
      sumX += x;
      sumY += y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      for (let dy = -1; dy <= 1; dy += 1) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const neighbour = ny * width + nx;
          if (mask[neighbour] && !seen[neighbour]) {
            seen[neighbour] = 1;
            order[filled++] = neighbour;
          }
        }
      }
    }
    const area = filled - first;
    components.push({
      area,
      minX,
      minY,
      maxX,
      maxY,
      centerX: sumX / area,
      centerY: sumY / area,
      pixels: order.subarray(first, filled),
    });
  }
  return components;
}

/** Every blob with at least `minArea` pixels and at most `maxArea`. */
export function inkBlobs(mask: Uint8Array, width: number, height: number, minArea: number, maxArea: number): InkBlob[] {
  return inkComponents(mask, width, height).filter((blob) => blob.area >= minArea && blob.area <= maxArea);
}
