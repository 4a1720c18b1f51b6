import { createHash } from 'node:crypto';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A BagIt manifest in the layout `sha256sum -c` reads: `<sha256>  <path>` per line, LF, sorted by
 * path. Our paths are fixed ASCII names, so RFC 8493's percent-encoding never applies.
 */
export function formatManifest(files: ReadonlyMap<string, Uint8Array>, paths: readonly string[]): string {
  return [...paths]
    .sort()
    .map((path) => {
      const bytes = files.get(path);
      if (!bytes) throw new Error(`manifest lists ${path}, which is not in the bundle`);
      return `${sha256Hex(bytes)}  ${path}\n`;
    })
    .join('');
}

export interface ManifestLine {
  readonly sha256: string;
  readonly path: string;
}

/** Manifest lines, or the 1-based numbers of lines that are not `<sha256>  <path>`. */
export function parseManifest(text: string): { lines: ManifestLine[]; badLines: number[] } {
  const lines: ManifestLine[] = [];
  const badLines: number[] = [];
  const rows = text.split('\n');
  if (rows.pop() !== '') badLines.push(rows.length + 1);
  for (const [index, row] of rows.entries()) {
    const match = /^([0-9a-f]{64}) {2}(\S(?:.*\S)?)$/.exec(row);
    if (match?.[1] && match[2]) lines.push({ sha256: match[1], path: match[2] });
    else badLines.push(index + 1);
  }
  return { lines, badLines };
}
