import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A temporary name beside `path`: same folder, so the final rename is atomic; hidden, so nobody
 * opens it; naming the process writing it, so what a killed process left can be told from work in
 * progress and cleaned up (finishInterruptedExports).
 */
export function temporaryPathBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.partial-${process.pid}-${randomBytes(6).toString('hex')}`);
}

/** For a name temporaryPathBeside made: the final name it stands for and the process that wrote it. */
export function temporaryOwner(name: string): { finalName: string; pid: number } | null {
  const match = /^\.(.+)\.partial-(\d+)-[0-9a-f]{12}$/.exec(name);
  return match?.[1] && match[2] ? { finalName: match[1], pid: Number(match[2]) } : null;
}

/** Writes bytes to a new file and forces them to disk before returning. */
export function writeFileDurably(path: string, bytes: Uint8Array | string, mode = 0o644): void {
  const fd = openSync(path, 'wx', mode);
  try {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** fsync of a folder makes a rename or a new entry in it durable (a no-op where the OS refuses). */
export function fsyncFolder(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Temp file, fsync, rename, fsync the folder: a reader sees the old state or the whole new file. */
export function writeFileAtomically(path: string, bytes: Uint8Array | string, mode = 0o644): void {
  const temporary = temporaryPathBeside(path);
  try {
    writeFileDurably(temporary, bytes, mode);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  fsyncFolder(dirname(path));
}
