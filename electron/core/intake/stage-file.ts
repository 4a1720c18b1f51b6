import { createHash } from 'node:crypto';
import { type AppError, appError, ok, type Result } from '../result';
import { INTAKE_LIMITS } from './limits';
import type { MediaReader } from './media-reader';
import { formatBytes } from './safe-json';

export interface StagedFile {
  readonly fileName: string;
  /** The private copy everything after staging reads from; the drive is not touched again. */
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/**
 * Copies one file off hostile media into memory, hashing it on the way, before anything parses
 * it; everything after reads that copy, never the drive again, and the database keeps those bytes
 * with the report. (There is no copy on disk: it was written for every file and never read back,
 * and creating it was a sixth of an import's time, npm run bench.) A file over the cap stops being
 * read at the cap; a read that fails part-way (a drive pulled out) returns an error value and
 * nothing of the file is kept.
 */
export async function stageFile(
  reader: MediaReader,
  path: string,
  fileName: string,
  maxBytes: number = INTAKE_LIMITS.maxFileBytes,
): Promise<Result<StagedFile, AppError>> {
  const hash = createHash('sha256');
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of reader.read(path)) {
      total += chunk.length;
      if (total > maxBytes) {
        return appError(
          'FILE_TOO_LARGE',
          `${fileName} is larger than ${formatBytes(maxBytes)}, far more than a precinct report or worksheet scan. Check that it is the right file. Nothing was imported.`,
        );
      }
      hash.update(chunk);
      chunks.push(chunk);
    }
  } catch (error) {
    return readFailure(fileName, path, error);
  }
  // One chunk (most reports) is used as it is; more are joined.
  const only = chunks.length === 1 ? chunks[0] : undefined;
  const bytes = only ? Buffer.from(only.buffer, only.byteOffset, only.length) : Buffer.concat(chunks, total);
  return ok({
    fileName,
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
    sha256: hash.digest('hex'),
  });
}

function readFailure(fileName: string, path: string, error: unknown): Result<never, AppError> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ELOOP' || code === 'EMLINK') {
    return appError('SYMLINK', `${fileName} is a link; links are not followed. Nothing was imported.`);
  }
  if (code === 'ENOTREG') return appError('NOT_A_FILE', `${fileName} is not an ordinary file. Nothing was imported.`);
  if (code === 'ENOENT') {
    return appError(
      'READ_FAILED',
      `${fileName} disappeared before it could be read (was the drive removed?). Nothing from it was imported; import it again.`,
    );
  }
  return appError(
    'READ_FAILED',
    `${fileName} could not be read to the end${code ? ` (${code})` : ''}; the drive may have been removed or be damaged. Nothing from it was imported; import it again. (${path})`,
  );
}
