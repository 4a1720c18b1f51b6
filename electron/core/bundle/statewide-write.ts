import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../files/atomic-write';
import { appError, ok, type Result } from '../result';
import type { StatewideFiles } from './statewide-export';

/**
 * Writes the statewide files into a folder (created if missing), each atomically: a reader sees an
 * earlier export's file or the whole new one. Returns the paths written.
 */
export function writeStatewideFiles(folder: string, files: StatewideFiles): Result<string[]> {
  try {
    mkdirSync(folder, { recursive: true });
    const written: string[] = [];
    for (const [name, bytes] of files) {
      const path = join(folder, name);
      writeFileAtomically(path, bytes);
      written.push(path);
    }
    return ok(written);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    return appError('WRITE_FAILED', `The statewide results could not be written to ${folder}${reason}.`);
  }
}
