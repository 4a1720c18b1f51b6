import { crc32 } from 'node:zlib';
import { Inflate, zipSync } from 'fflate';
import { formatBytes } from '../files/format-bytes';
import { type AppError, appError, ok, type Result } from '../result';
import { XLSX_LIMITS, type XlsxLimits } from './xlsx-limits';
import { entryData, readZipDirectory, type ZipEntry } from './zip-directory';

/** Text in a spreadsheet's XML that is only there to attack a parser (prototype pollution). */
const POLLUTION_MARKERS = /__proto__|\bprototype\b|["'>]constructor["'<]/;

/**
 * Makes an XLSX safe to hand to the spreadsheet reader. The zip's central directory is judged
 * first (entry count, declared sizes, compression ratio: a zip bomb is refused before any byte is
 * inflated); then every entry is inflated here with a hard cap, checked against its declared size
 * and CRC, and scanned for prototype-pollution bait. The reader gets a fresh zip of exactly
 * those checked bytes, so a directory that lies about its sizes cannot reach it.
 */
export function guardXlsx(
  fileName: string,
  bytes: Uint8Array,
  limits: XlsxLimits = XLSX_LIMITS,
): Result<Uint8Array, AppError> {
  const directory = readZipDirectory(fileName, bytes);
  if (!directory.ok) return directory;
  const entries = directory.value;
  if (entries.length === 0) return appError('FILE_UNREADABLE', `${fileName} is an empty zip, not a spreadsheet.`);
  if (entries.length > limits.maxZipEntries) {
    return bomb(fileName, `it holds ${entries.length} files; a spreadsheet holds a few dozen`);
  }
  let declaredTotal = 0;
  for (const entry of entries) {
    const problem = judgeEntry(fileName, entry, limits);
    if (problem) return problem;
    declaredTotal += entry.uncompressedSize;
  }
  if (declaredTotal > limits.maxZipTotalBytes) {
    return bomb(fileName, `it would unpack to ${formatBytes(declaredTotal)}`);
  }
  const checked: Record<string, Uint8Array> = Object.create(null);
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const data = entryData(bytes, entry);
    if (!data) return damaged(fileName);
    const inflated = inflateCapped(data, entry);
    if (inflated === 'too-large') return bomb(fileName, `${entry.name} unpacks to more than the size it declares`);
    if (inflated === 'damaged' || crc32(inflated) !== entry.crc32) return damaged(fileName);
    if (/\.(xml|rels)$/i.test(entry.name) && POLLUTION_MARKERS.test(Buffer.from(inflated).toString('latin1'))) {
      return appError(
        'FORBIDDEN_CONTENT',
        `${fileName} contains text crafted to attack spreadsheet readers ("__proto__", "prototype" or "constructor" in ${entry.name}); no real results file has it.`,
      );
    }
    checked[entry.name] = inflated;
  }
  return ok(zipSync(checked, { level: 0 }));
}

function judgeEntry(fileName: string, entry: ZipEntry, limits: XlsxLimits): Result<never, AppError> | null {
  const name = entry.name;
  if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..') || /^[a-z]:/i.test(name)) {
    return appError(
      'FORBIDDEN_CONTENT',
      `${fileName} contains a file path that escapes the spreadsheet (${name.slice(0, 80)}).`,
    );
  }
  if (POLLUTION_MARKERS.test(name)) {
    return appError(
      'FORBIDDEN_CONTENT',
      `${fileName} contains a part named to attack spreadsheet readers (${name.slice(0, 80)}).`,
    );
  }
  if ((entry.flags & 0x1) !== 0) {
    return appError(
      'FILE_UNREADABLE',
      `${fileName} is password-protected; save it without a password and import it again.`,
    );
  }
  if (entry.method !== 0 && entry.method !== 8) return damaged(fileName);
  if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) return damaged(fileName);
  if (entry.uncompressedSize > limits.maxZipEntryBytes) {
    return bomb(fileName, `${name} would unpack to ${formatBytes(entry.uncompressedSize)}`);
  }
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxZipRatio) {
    return bomb(fileName, `${name} is compressed ${Math.round(ratio)} to 1`);
  }
  return null;
}

/** Inflates in small slices and stops as soon as the output passes the declared size. */
function inflateCapped(data: Uint8Array, entry: ZipEntry): Uint8Array | 'too-large' | 'damaged' {
  if (entry.method === 0) return data.slice();
  const output = new Uint8Array(entry.uncompressedSize);
  let written = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > output.length) {
      overflow = true;
      throw new Error('declared size exceeded');
    }
    output.set(chunk, written);
    written += chunk.length;
  });
  const slice = 16 * 1024;
  try {
    for (let at = 0; at < data.length; at += slice) {
      inflater.push(data.subarray(at, Math.min(at + slice, data.length)), at + slice >= data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch {
    return overflow ? 'too-large' : 'damaged';
  }
  return written === output.length ? output : 'damaged';
}

function bomb(fileName: string, why: string): Result<never, AppError> {
  return appError(
    'ZIP_BOMB',
    `${fileName} is not a normal spreadsheet: ${why}, which is how a "zip bomb" attacks a computer.`,
  );
}

function damaged(fileName: string): Result<never, AppError> {
  return appError(
    'FILE_UNREADABLE',
    `${fileName} could not be read as an XLSX spreadsheet; it may be damaged or cut short.`,
  );
}
