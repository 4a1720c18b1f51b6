import { extname } from 'node:path';
import { addedFileKindByExtension } from './added-file-kinds';

/** The kinds intake reads itself. */
export type BuiltInFileKind = 'results-table' | 'precinct-report' | 'scan' | 'email' | 'unsupported';

/**
 * What intake does with a file, told by its name; each reader then checks the content itself.
 * Besides its own kinds, a kind added at start-up by its own name (added-file-kinds.ts).
 */
export type FileKind = BuiltInFileKind | (string & Record<never, never>);

const KIND_BY_EXTENSION: Readonly<Record<string, BuiltInFileKind>> = {
  '.csv': 'results-table',
  '.xlsx': 'results-table',
  '.json': 'precinct-report',
  '.png': 'scan',
  '.jpg': 'scan',
  '.jpeg': 'scan',
  '.pdf': 'scan',
  '.eml': 'email',
};

export function fileKindOf(fileName: string): FileKind {
  const extension = extname(fileName).toLowerCase();
  return KIND_BY_EXTENSION[extension] ?? addedFileKindByExtension(extension)?.kind ?? 'unsupported';
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
