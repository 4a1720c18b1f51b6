import { extname } from 'node:path';

/** What intake does with a file, told by its name; each reader then checks the content itself. */
export type FileKind = 'results-table' | 'precinct-report' | 'scan' | 'email' | 'station-batch' | 'unsupported';

const KIND_BY_EXTENSION: Readonly<Record<string, FileKind>> = {
  '.csv': 'results-table',
  '.xlsx': 'results-table',
  '.json': 'precinct-report',
  '.png': 'scan',
  '.jpg': 'scan',
  '.jpeg': 'scan',
  '.pdf': 'scan',
  '.eml': 'email',
  /** A signed batch a team-mode station wrote for a USB stick (electron/core/team/station-batch.ts). */
  '.tallyroom-batch': 'station-batch',
};

export function fileKindOf(fileName: string): FileKind {
  return KIND_BY_EXTENSION[extname(fileName).toLowerCase()] ?? 'unsupported';
}

/** Files on a stick that are not reports: OS litter, never worth a "rejected" line. */
const LITTER_FILES = /^(\._.*|\.DS_Store|Thumbs\.db|ehthumbs\.db|desktop\.ini|~\$.*|\.~lock\..*#|\.localized)$/i;
const LITTER_FOLDERS =
  /^(System Volume Information|\$RECYCLE\.BIN|RECYCLER|\.Trashes|\.Trash-\d+|\.Spotlight-V100|\.fseventsd|\.TemporaryItems|\.DocumentRevisions-V100|lost\+found|FOUND\.\d{3})$/i;

export function isLitterFile(name: string): boolean {
  return LITTER_FILES.test(name);
}

export function isLitterFolder(name: string): boolean {
  return LITTER_FOLDERS.test(name);
}

/**
 * A file name from a hostile source (an email attachment, a stick) made safe to show and store:
 * no folders, no control characters, not empty, not absurdly long.
 */
export function safeFileName(name: string | null | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = Array.from(base)
    .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned;
}
