/**
 * Caps on what an XLSX (a zip of XML) may hold before the spreadsheet reader sees it: entries,
 * what they inflate to, and the compression ratio. Intake's caps include these (intake/limits.ts).
 */
export const XLSX_LIMITS = {
  /** Entries in the zip, and what they may inflate to (a results sheet is a few MB of XML). */
  maxZipEntries: 1000,
  maxZipEntryBytes: 50 * 1024 * 1024,
  maxZipTotalBytes: 100 * 1024 * 1024,
  /** Deflate rarely compresses spreadsheet XML past ~50:1; far beyond that is a zip bomb. */
  maxZipRatio: 200,
} as const;

export type XlsxLimits = typeof XLSX_LIMITS;
