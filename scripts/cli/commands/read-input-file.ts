import { readFile, stat } from 'node:fs/promises';
import { UsageError } from '../io';

/** Reads a file named on the command line, or says plainly why it cannot. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UsageError(`${path} is a folder; give a file.`);
    return await readFile(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`There is no file at ${path}.`);
    if (code === 'EACCES') throw new UsageError(`${path} cannot be read (permission denied).`);
    throw error;
  }
}
