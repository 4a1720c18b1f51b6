/**
 * The names and kinds of a zip's entries, read from its central directory without inflating
 * anything. fflate reports names and sizes but not the Unix mode, so a symbolic link stored in a
 * zip (mode 0120000 in the external attributes, as `zip --symlinks` writes it) would read as a
 * small file holding the link's target: a bundle must hold plain files only, so it is refused.
 */
export interface ZipEntryKind {
  readonly name: string;
  readonly symlink: boolean;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const UNIX = 3;
const FILE_TYPE_MASK = 0o170000;
const SYMLINK = 0o120000;

/** Every central-directory entry, or null when the directory cannot be found or runs past the file. */
export function zipEntryKinds(bytes: Uint8Array): ZipEntryKind[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last 22 bytes plus a comment of up to 65,535 bytes.
  let end = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries: ZipEntryKind[] = [];
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const madeBy = view.getUint16(offset + 4, true) >> 8;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const attributes = view.getUint32(offset + 38, true);
    if (offset + 46 + nameLength > bytes.length) return null;
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    const mode = attributes >>> 16;
    entries.push({ name, symlink: madeBy === UNIX && (mode & FILE_TYPE_MASK) === SYMLINK });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
