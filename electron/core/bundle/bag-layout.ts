/** File names inside a bundle (DESIGN.md, "Signed result bundle", a contract). */
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

export const BAG_DECLARATION_TEXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/** A bundle in memory: bag-relative paths with forward slashes -> bytes. */
export type BundleFiles = Map<string, Uint8Array>;
