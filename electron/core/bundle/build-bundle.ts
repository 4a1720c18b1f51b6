import { canonicalJson } from '../audit-log/canonical-json';
import type { AuditEntry } from '../model/audit-entry';
import { writePrecinctResultsCsv } from '../results-file/write-results';
import type { CountySigningKey } from '../signing/county-key';
import { formatMinisignSignature, signMinisign } from '../signing/minisign-signature';
import { auditLogJsonl } from './audit-log-jsonl';
import { bagInfoOf, formatBagInfo } from './bag-info';
import {
  AUDIT_LOG_JSONL,
  BAG_DECLARATION,
  BAG_DECLARATION_TEXT,
  BAG_INFO,
  type BundleFiles,
  isOptionalPayload,
  PAYLOAD_MANIFEST,
  RESULTS_CSV,
  RESULTS_JSON,
  RESULTS_NIST,
  RESULTS_XLSX,
  SIGNED_TAG_FILES,
  TAG_MANIFEST,
  TAG_MANIFEST_SIGNATURE,
} from './bag-layout';
import { bundleFingerprint } from './bundle-fingerprint';
import { formatManifest } from './manifest';
import { buildNistElectionReport } from './nist-election-report';
import { precinctResultsOf } from './precinct-results-of';
import type { ResultsDocument } from './results-document';
import { resultsXlsxFromCsv } from './results-xlsx';
import { formatTrustedComment } from './trusted-comment';

export interface BuiltBundle {
  readonly files: BundleFiles;
  /** sha256 of the signed tag manifest, which pins every other file: the bundle's identity. */
  readonly fingerprint: string;
}

/** Every file of a signed bundle, in memory. Pure apart from signing; writing is someone else's job. */
export function buildBundle(
  document: ResultsDocument,
  auditEntries: Iterable<AuditEntry>,
  key: CountySigningKey,
  /** Optional payload: worksheet scans under data/scans/ and the certification report. */
  attachments: ReadonlyMap<string, Uint8Array> = new Map(),
): BuiltBundle {
  const files: BundleFiles = new Map();
  const text = (value: string) => new Uint8Array(Buffer.from(value, 'utf8'));
  const csv = resultsCsvOf(document);
  files.set(RESULTS_JSON, text(resultsJsonOf(document)));
  files.set(RESULTS_CSV, text(csv));
  files.set(RESULTS_XLSX, resultsXlsxFromCsv(csv));
  files.set(RESULTS_NIST, text(nistJsonOf(document)));
  files.set(AUDIT_LOG_JSONL, text(auditLogJsonl(auditEntries)));
  for (const [path, bytes] of attachments) {
    if (!isOptionalPayload(path) || files.has(path)) throw new Error(`${path} cannot be attached to a bundle`);
    files.set(path, bytes);
  }

  const payloadPaths = [...files.keys()];
  const payloadBytes = payloadPaths.reduce((total, path) => total + (files.get(path)?.length ?? 0), 0);
  files.set(PAYLOAD_MANIFEST, text(formatManifest(files, payloadPaths)));
  files.set(BAG_DECLARATION, text(BAG_DECLARATION_TEXT));
  files.set(BAG_INFO, text(formatBagInfo(bagInfoOf(document), payloadBytes, payloadPaths.length)));
  const tagManifest = text(formatManifest(files, SIGNED_TAG_FILES));
  files.set(TAG_MANIFEST, tagManifest);

  const signature = signMinisign(
    key,
    tagManifest,
    formatTrustedComment({
      county: document.county,
      election: document.election.name,
      sequence: document.bundle.sequence,
      status: document.bundle.status,
      generatedAt: document.bundle.generatedAt,
    }),
  );
  files.set(TAG_MANIFEST_SIGNATURE, text(formatMinisignSignature(signature)));
  return { files, fingerprint: bundleFingerprint(tagManifest) };
}

/** results.json bytes: canonical JSON (sorted keys, no spaces) and one final LF. */
export function resultsJsonOf(document: ResultsDocument): string {
  return `${canonicalJson(document)}\n`;
}

export function resultsCsvOf(document: ResultsDocument): string {
  return writePrecinctResultsCsv(precinctResultsOf(document), document.county);
}

export function nistJsonOf(document: ResultsDocument): string {
  return `${JSON.stringify(buildNistElectionReport(document), null, 1)}\n`;
}
