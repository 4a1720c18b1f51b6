/** File names inside a bundle (docs/CONTRACTS.md, "Signed result bundle"). */
export const BAG_DECLARATION = 'bagit.txt';
export const BAG_INFO = 'bag-info.txt';
export const PAYLOAD_MANIFEST = 'manifest-sha256.txt';
export const TAG_MANIFEST = 'tagmanifest-sha256.txt';
export const TAG_MANIFEST_SIGNATURE = 'tagmanifest-sha256.txt.minisig';

export const RESULTS_JSON = 'data/results.json';
export const RESULTS_CSV = 'data/results.csv';
export const RESULTS_XLSX = 'data/results.xlsx';
export const RESULTS_NIST = 'data/results.nist-1500-100.json';
export const AUDIT_LOG_JSONL = 'data/audit-log.jsonl';

export const REQUIRED_PAYLOAD = [RESULTS_JSON, RESULTS_CSV, RESULTS_XLSX, RESULTS_NIST, AUDIT_LOG_JSONL] as const;
/** Tag files the tag manifest lists; the signature signs the tag manifest, so it is outside it. */
export const SIGNED_TAG_FILES = [BAG_DECLARATION, BAG_INFO, PAYLOAD_MANIFEST] as const;
/** Optional payload: worksheet images. */
export const SCANS_FOLDER = 'data/scans/';
/** Optional payload: the printable certification report (the app puts it in every bundle it exports). */
export const CERTIFICATION_REPORT = 'data/certification-report.pdf';

export const BAG_DECLARATION_TEXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/** A bundle in memory: bag-relative paths with forward slashes -> bytes. */
export type BundleFiles = Map<string, Uint8Array>;

/**
 * Optional payload a bundle may carry: the certification report, and scans named
 * `data/scans/<file>` with a plain name (letters, digits, dot, dash, underscore: no folders, no
 * spaces), so every manifest line reads the same in `sha256sum -c` and in BagIt tools.
 */
export function isOptionalPayload(path: string): boolean {
  if (path === CERTIFICATION_REPORT) return true;
  if (!path.startsWith(SCANS_FOLDER)) return false;
  const name = path.slice(SCANS_FOLDER.length);
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(name) && !name.includes('..');
}
