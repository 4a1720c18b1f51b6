import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { appError, ok, type Result } from '../result';
import type { BundleFiles } from './bag-layout';
import { zipEntryKinds } from './zip-central-directory';

/** Caps for reading a bundle someone sent us: it is untrusted until verified. */
export const BUNDLE_LIMITS = { maxFiles: 10_000, maxFileBytes: 256 * 1024 * 1024, maxTotalBytes: 1024 * 1024 * 1024 };

/** Reads a bundle from a bag folder or a .zip of one (told apart by what is on disk, not the name). */
export function readBundle(path: string): Result<BundleFiles> {
  let stats: ReturnType<typeof lstatSync>;
  try {
    stats = lstatSync(path);
  } catch {
    return appError('BUNDLE_NOT_FOUND', `There is no bundle at ${path}.`);
  }
  if (stats.isSymbolicLink()) {
    return appError('BUNDLE_UNREADABLE', `${path} is a shortcut (symbolic link); give the bundle itself.`);
  }
  if (stats.isDirectory()) return readBundleFolder(path);
  if (stats.size > BUNDLE_LIMITS.maxTotalBytes) {
    return appError('BUNDLE_TOO_LARGE', `${path} is larger than any result bundle can be.`);
  }
  return readBundleZip(readFileSync(path), path);
}

function readBundleFolder(root: string): Result<BundleFiles> {
  const files: BundleFiles = new Map();
  let total = 0;
  const walk = (dir: string, prefix: string): Result<null> => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const bagPath = `${prefix}${entry.name}`;
      if (entry.isSymbolicLink() || !(entry.isFile() || entry.isDirectory())) {
        return appError(
          'BUNDLE_UNREADABLE',
          `${join(root, bagPath)} is a link or a special file; a bundle holds only plain files.`,
        );
      }
      if (entry.isDirectory()) {
        const inner = walk(join(dir, entry.name), `${bagPath}/`);
        if (!inner.ok) return inner;
        continue;
      }
      const size = lstatSync(join(dir, entry.name)).size;
      total += size;
      if (
        files.size >= BUNDLE_LIMITS.maxFiles ||
        size > BUNDLE_LIMITS.maxFileBytes ||
        total > BUNDLE_LIMITS.maxTotalBytes
      ) {
        return appError('BUNDLE_TOO_LARGE', `${root} holds more files or bytes than any result bundle can.`);
      }
      files.set(bagPath, new Uint8Array(readFileSync(join(dir, entry.name))));
    }
    return ok(null);
  };
  const walked = walk(root, '');
  return walked.ok ? ok(files) : walked;
}

/**
 * A zipped bag: entries either at the top or all inside one folder (the bag's name). Paths are
 * checked before anything is inflated: no absolute paths, no "..", no backslashes, no duplicates.
 */
export function readBundleZip(bytes: Uint8Array, name: string): Result<BundleFiles> {
  const kinds = zipEntryKinds(bytes);
  if (!kinds) {
    return appError('BUNDLE_UNREADABLE', `${name} is not a readable .zip file; it may be damaged or cut short.`);
  }
  const link = kinds.find((entry) => entry.symlink);
  if (link) {
    return appError(
      'BUNDLE_UNSAFE_PATH',
      `${name} contains a link (${link.name}) instead of a file; a bundle holds only plain files, so it was not opened.`,
    );
  }
  const unsafe: string[] = [];
  const seen = new Set<string>();
  const twice: string[] = [];
  let oversized: string | null = null;
  let declared = 0;
  let count = 0;
  let entries: Record<string, Uint8Array>;
  try {
    // Sizes are checked as declared, before inflating: fflate inflates an entry no further than
    // its declared size, so a zip that lies about a size cannot grow past the caps either.
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (file.name.endsWith('/')) return false;
        count++;
        declared += file.originalSize;
        if (!isSafeZipPath(file.name)) unsafe.push(file.name);
        if (seen.has(file.name)) twice.push(file.name);
        seen.add(file.name);
        if (file.originalSize > BUNDLE_LIMITS.maxFileBytes) oversized ??= file.name;
        return (
          unsafe.length === 0 &&
          twice.length === 0 &&
          count <= BUNDLE_LIMITS.maxFiles &&
          file.originalSize <= BUNDLE_LIMITS.maxFileBytes &&
          declared <= BUNDLE_LIMITS.maxTotalBytes
        );
      },
    });
  } catch {
    return appError('BUNDLE_UNREADABLE', `${name} is not a readable .zip file; it may be damaged or cut short.`);
  }
  if (unsafe.length > 0) {
    return appError(
      'BUNDLE_UNSAFE_PATH',
      `${name} contains a file path that points outside the bundle (${unsafe[0]}); it was not opened.`,
    );
  }
  if (twice.length > 0) {
    return appError('BUNDLE_UNSAFE_PATH', `${name} contains ${twice[0]} twice; it was not opened.`);
  }
  if (count > BUNDLE_LIMITS.maxFiles || declared > BUNDLE_LIMITS.maxTotalBytes || oversized !== null) {
    return appError('BUNDLE_TOO_LARGE', `${name} holds more files or bytes than any result bundle can.`);
  }
  const names = Object.keys(entries);
  const tops = new Set(names.map((entry) => entry.split('/')[0]));
  const folder = tops.size === 1 && names.every((entry) => entry.includes('/')) ? `${[...tops][0]}/` : '';
  const files: BundleFiles = new Map();
  for (const entry of names.sort()) {
    const bagPath = entry.slice(folder.length);
    if (files.has(bagPath)) return appError('BUNDLE_UNSAFE_PATH', `${name} contains ${bagPath} twice.`);
    files.set(bagPath, entries[entry] as Uint8Array);
  }
  return ok(files);
}

function isSafeZipPath(path: string): boolean {
  return (
    path.length > 0 &&
    path.length < 1024 &&
    !path.startsWith('/') &&
    !path.includes('\\') &&
    !/^[A-Za-z]:/.test(path) &&
    !path.includes('\0') &&
    path.split('/').every((part) => part !== '..' && part !== '.' && part !== '')
  );
}

/** The zip of a bag: every file inside one folder named after the bag, times fixed to the bundle's own. */
export function zipBundle(files: BundleFiles, folderName: string, generatedAt: Date): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [path, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    entries[`${folderName}/${path}`] = [bytes, { mtime: generatedAt }];
  }
  return zipSync(entries, { level: 6 });
}
