/**
 * Caps on what intake reads from a drive or a mailbox (docs/ARCHITECTURE.md, "Untrusted input everywhere").
 * A real precinct report is a few kilobytes; a scanned worksheet a few megabytes. The caps are
 * generous for those and small enough that a hostile stick cannot fill memory or the disk.
 */
import { XLSX_LIMITS } from '../results-file/xlsx-limits';

export const INTAKE_LIMITS = {
  /** Largest single file read from a drive or attached to an email. */
  maxFileBytes: 25 * 1024 * 1024,
  /** Largest precinct report JSON: one precinct's lines. */
  maxJsonBytes: 1024 * 1024,
  /** Deepest nesting in a precinct report JSON (the format itself needs 4). */
  maxJsonDepth: 16,
  /** Files taken from one import (a whole county is a few hundred). */
  maxFilesPerImport: 5000,
  /** Folder depth walked on a drive. */
  maxFolderDepth: 8,
  /** Largest email accepted, raw. */
  maxMessageBytes: 40 * 1024 * 1024,
  /** Attachments read from one email. */
  maxAttachmentsPerMessage: 20,
  /** XLSX: entries in the zip, what they may inflate to, the compression ratio. */
  ...XLSX_LIMITS,
} as const;

export type IntakeLimits = typeof INTAKE_LIMITS;
