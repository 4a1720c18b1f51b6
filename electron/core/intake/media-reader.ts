import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * How intake reads a file from hostile media: chunk by chunk, so a cap stops it early and a
 * drive pulled mid-read surfaces as an error on the next chunk. Tests pass readers that fail.
 */
export interface MediaReader {
  /** The file's bytes in chunks; throws the OS error (code ELOOP for a link, ENOTREG for a non-file). */
  read(path: string): AsyncIterable<Uint8Array>;
}

const CHUNK_BYTES = 64 * 1024;

/**
 * Reads from the disk without following a symbolic link even if one is swapped in after the
 * folder was listed (O_NOFOLLOW), and only regular files: a FIFO or device on a stick would block
 * or never end.
 */
export const diskReader: MediaReader = {
  async *read(path: string) {
    // O_NOFOLLOW does not exist on Windows, which has no such links on removable FAT/exFAT drives.
    const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: 'ENOTREG' });
      // A buffer per read, handed over as it is (no copy), sized to the file: a 4 KB report costs
      // 4 KB, not 64 (a 2,000-file import allocated 128 MB of garbage), and one read. One byte more
      // than its size, so a file that grew meanwhile is still read on to its end.
      let size = Math.min(CHUNK_BYTES, info.size + 1);
      for (;;) {
        const buffer = new Uint8Array(size);
        const { bytesRead } = await handle.read(buffer, 0, size, null);
        if (bytesRead === 0) return;
        yield buffer.subarray(0, bytesRead);
        // A regular file returns fewer bytes than asked only at its end (POSIX read): no read to confirm it.
        if (bytesRead < size) return;
        size = CHUNK_BYTES;
      }
    } finally {
      await handle.close();
    }
  },
};
