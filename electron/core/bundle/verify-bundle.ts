import { isDeepStrictEqual } from 'node:util';
import { canonicalJson } from '../audit-log/canonical-json';
import { verifyAuditChain } from '../audit-log/chain';
import { checkPrecinct } from '../rules/check';
import type { FindingCode } from '../rules/types';
import { type CountyPublicKey, keyIdHex } from '../signing/county-key';
import { parseMinisignSignature, verifyMinisign } from '../signing/minisign-signature';
import { parseAuditLogJsonl } from './audit-log-jsonl';
import { bagInfoOf, parseBagInfo } from './bag-info';
import {
  AUDIT_LOG_JSONL,
  BAG_DECLARATION,
  BAG_DECLARATION_TEXT,
  BAG_INFO,
  type BundleFiles,
  isOptionalPayload,
  PAYLOAD_MANIFEST,
  REQUIRED_PAYLOAD,
  RESULTS_CSV,
  RESULTS_JSON,
  RESULTS_NIST,
  RESULTS_XLSX,
  SIGNED_TAG_FILES,
  TAG_MANIFEST,
  TAG_MANIFEST_SIGNATURE,
} from './bag-layout';
import { nistJsonOf, resultsCsvOf } from './build-bundle';
import { bundleFingerprint } from './bundle-fingerprint';
import { parseManifest, sha256Hex } from './manifest';
import { precinctResultsOf } from './precinct-results-of';
import { type ResultsDocument, resultsDocumentSchema } from './results-document';
import { totalsFromPrecinctsWithFindings, totalsOf } from './results-totals';
import { readXlsxRows, xlsxRowsOfCsv } from './results-xlsx';
import { parseTrustedComment, type SignedBundleClaims } from './trusted-comment';
import { xlsxIsCanonicalFor } from './xlsx-canonical-check';

/** One thing wrong with a bundle, in words the state party's staff understand. */
export interface BundleProblem {
  readonly code: string;
  readonly file?: string;
  readonly message: string;
}

export interface PrecinctFinding {
  readonly precinct: string;
  readonly code: FindingCode;
  readonly candidate?: string;
  readonly message: string;
}

export interface BundleVerification {
  /** Signature, manifests and structure hold: the files are exactly what the key holder signed. */
  readonly authentic: boolean;
  /** Authentic, internally consistent, and the results break no rule. */
  readonly valid: boolean;
  readonly problems: readonly BundleProblem[];
  readonly findings: readonly PrecinctFinding[];
  readonly keyId: string | null;
  readonly fingerprint: string | null;
  /** What the signature vouches for (null when the signature file cannot be read). */
  readonly claims: SignedBundleClaims | null;
  /** data/results.json when it parses against the schema. */
  readonly results: ResultsDocument | null;
}

/**
 * Everything `tallyroom verify` checks: structure, signature, both manifests, bag-info, results.json
 * against its schema, that the CSV/XLSX/NIST files and totals are exactly what results.json gives,
 * the audit log's hash chain, and each precinct's arithmetic against the rules. Every problem is
 * collected, not just the first, so a tampered bundle shows all that was changed.
 */
export function verifyBundle(files: BundleFiles, publicKey: CountyPublicKey): BundleVerification {
  const problems: BundleProblem[] = [];
  const problem = (code: string, message: string, file?: string) =>
    problems.push(file === undefined ? { code, message } : { code, file, message });

  checkStructure(files, problem);

  const declaration = files.get(BAG_DECLARATION);
  if (declaration && Buffer.from(declaration).toString('utf8') !== BAG_DECLARATION_TEXT) {
    problem('BAG_DECLARATION_INVALID', 'bagit.txt is not the BagIt 1.0 declaration Tallyroom writes.', BAG_DECLARATION);
  }

  const tagManifest = files.get(TAG_MANIFEST);
  const signatureFile = files.get(TAG_MANIFEST_SIGNATURE);
  let claims: SignedBundleClaims | null = null;
  let keyId: string | null = null;
  if (tagManifest && signatureFile) {
    const parsed = parseMinisignSignature(Buffer.from(signatureFile).toString('utf8'));
    if (!parsed.ok) {
      problem(parsed.error.code, parsed.error.message, TAG_MANIFEST_SIGNATURE);
    } else {
      keyId = keyIdHex(parsed.value.keyNumber);
      const check = verifyMinisign(publicKey, tagManifest, parsed.value);
      if (!check.valid)
        problem(check.code, signatureMessage(check.code, keyId, keyIdHex(publicKey.keyNumber)), TAG_MANIFEST_SIGNATURE);
      claims = parseTrustedComment(parsed.value.trustedComment);
      if (!claims) {
        problem(
          'TRUSTED_COMMENT_INVALID',
          'The signed comment does not name the county, election, sequence and status the way Tallyroom writes it.',
          TAG_MANIFEST_SIGNATURE,
        );
      }
    }
  }

  if (tagManifest) checkManifest(files, TAG_MANIFEST, tagManifest, 'tag', problem);
  const payloadManifest = files.get(PAYLOAD_MANIFEST);
  if (payloadManifest) checkManifest(files, PAYLOAD_MANIFEST, payloadManifest, 'payload', problem);

  const bagInfo = files.get(BAG_INFO);
  const parsedBagInfo = bagInfo ? parseBagInfo(Buffer.from(bagInfo).toString('utf8')) : null;
  for (const message of parsedBagInfo?.problems ?? []) problem('BAG_INFO_INVALID', message, BAG_INFO);
  if (parsedBagInfo?.payloadOxum !== undefined) {
    const payload = [...files].filter(([path]) => path.startsWith('data/'));
    const oxum = `${payload.reduce((total, [, bytes]) => total + bytes.length, 0)}.${payload.length}`;
    if (parsedBagInfo.payloadOxum !== oxum) {
      problem(
        'PAYLOAD_OXUM_MISMATCH',
        `bag-info.txt says the data folder holds ${describeOxum(parsedBagInfo.payloadOxum)}, but it holds ${describeOxum(oxum)}.`,
        BAG_INFO,
      );
    }
  }
  const authentic = problems.length === 0;

  const results = readResultsDocument(files, problem);
  const findings: PrecinctFinding[] = [];
  if (results) {
    checkClaims(results, claims, keyId, parsedBagInfo?.info ?? null, problem);
    checkDerivedFiles(files, results, problem);
    checkAuditLog(files, results, problem);
    findings.push(...ruleFindings(results, problem));
  }
  return {
    authentic,
    valid: problems.length === 0 && findings.length === 0,
    problems,
    findings,
    keyId,
    fingerprint: tagManifest ? bundleFingerprint(tagManifest) : null,
    claims,
    results,
  };
}

type Report = (code: string, message: string, file?: string) => void;

function checkStructure(files: BundleFiles, problem: Report): void {
  for (const required of [...SIGNED_TAG_FILES, TAG_MANIFEST, TAG_MANIFEST_SIGNATURE, ...REQUIRED_PAYLOAD]) {
    if (!files.has(required)) problem('FILE_MISSING', `The bundle has no ${required}.`, required);
  }
  const known = new Set<string>([...SIGNED_TAG_FILES, TAG_MANIFEST, TAG_MANIFEST_SIGNATURE, ...REQUIRED_PAYLOAD]);
  for (const path of files.keys()) {
    if (!known.has(path) && !isOptionalPayload(path)) {
      problem('FILE_UNEXPECTED', `${path} is not part of a Tallyroom result bundle.`, path);
    }
  }
}

function checkManifest(
  files: BundleFiles,
  manifestName: string,
  manifest: Uint8Array,
  kind: 'tag' | 'payload',
  problem: Report,
): void {
  const { lines, badLines } = parseManifest(Buffer.from(manifest).toString('utf8'));
  for (const line of badLines) {
    problem('MANIFEST_INVALID', `Line ${line} of ${manifestName} is not "<sha256>  <file>".`, manifestName);
  }
  const listed = new Set<string>();
  for (const line of lines) {
    if (listed.has(line.path)) problem('MANIFEST_INVALID', `${manifestName} lists ${line.path} twice.`, manifestName);
    listed.add(line.path);
    const allowed = kind === 'payload' ? line.path.startsWith('data/') : !line.path.startsWith('data/');
    if (!allowed || line.path === manifestName || line.path === TAG_MANIFEST_SIGNATURE) {
      problem('MANIFEST_INVALID', `${manifestName} should not list ${line.path}.`, manifestName);
      continue;
    }
    const bytes = files.get(line.path);
    if (!bytes)
      problem('FILE_MISSING', `${manifestName} lists ${line.path}, but the bundle has no such file.`, line.path);
    else if (sha256Hex(bytes) !== line.sha256) {
      problem(
        'FILE_CHANGED',
        `${line.path} was changed after the bundle was signed (its sha256 does not match ${manifestName}).`,
        line.path,
      );
    }
  }
  const mustList = kind === 'payload' ? [...files.keys()].filter((path) => path.startsWith('data/')) : SIGNED_TAG_FILES;
  for (const path of mustList) {
    if (!listed.has(path) && files.has(path)) {
      problem('FILE_UNLISTED', `${path} is not listed in ${manifestName}, so nothing vouches for it.`, path);
    }
  }
}

function readResultsDocument(files: BundleFiles, problem: Report): ResultsDocument | null {
  const bytes = files.get(RESULTS_JSON);
  if (!bytes) return null;
  const text = Buffer.from(bytes).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    problem('RESULTS_INVALID', 'data/results.json is not valid JSON.', RESULTS_JSON);
    return null;
  }
  const parsed = resultsDocumentSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    problem(
      'RESULTS_INVALID',
      `data/results.json does not follow the tallyroom-results/1 layout (${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}).`,
      RESULTS_JSON,
    );
    return null;
  }
  if (`${canonicalJson(value)}\n` !== text) {
    problem('RESULTS_INVALID', 'data/results.json is not in canonical form (sorted keys, no spaces).', RESULTS_JSON);
  }
  return parsed.data;
}

function checkClaims(
  results: ResultsDocument,
  claims: SignedBundleClaims | null,
  keyId: string | null,
  bagInfo: ReturnType<typeof parseBagInfo>['info'] | null,
  problem: Report,
): void {
  if (claims) {
    const signed: [string, unknown, unknown][] = [
      ['county', claims.county, results.county],
      ['election', claims.election, results.election.name],
      ['sequence', claims.sequence, results.bundle.sequence],
      ['status', claims.status, results.bundle.status],
      ['generated time', claims.generatedAt, results.bundle.generatedAt],
    ];
    for (const [what, signedValue, resultsValue] of signed) {
      if (signedValue !== resultsValue) {
        problem(
          'CLAIMS_DISAGREE',
          `The signature names ${what} ${JSON.stringify(signedValue)}, but data/results.json says ${JSON.stringify(resultsValue)}.`,
          RESULTS_JSON,
        );
      }
    }
  }
  if (keyId && keyId !== results.bundle.keyId) {
    problem(
      'CLAIMS_DISAGREE',
      `data/results.json names signing key ${results.bundle.keyId}, but key ${keyId} signed the bundle.`,
      RESULTS_JSON,
    );
  }
  if (bagInfo) {
    const expected = bagInfoOf(results);
    for (const field of Object.keys(expected) as (keyof typeof expected)[]) {
      const value = bagInfo[field];
      if (value !== undefined && value !== expected[field]) {
        problem(
          'CLAIMS_DISAGREE',
          `bag-info.txt gives ${field} ${JSON.stringify(value)}, but data/results.json says ${JSON.stringify(expected[field])}.`,
          BAG_INFO,
        );
      }
    }
  }
  if (!isDeepStrictEqual(totalsOf(results.candidates, results.precincts), results.totals)) {
    problem(
      'TOTALS_MISMATCH',
      'The county totals in data/results.json are not the sum of its precinct results.',
      RESULTS_JSON,
    );
  }
  const flagged = results.totalsFromPrecinctsWithFindings;
  if (
    flagged !== undefined &&
    !isDeepStrictEqual(totalsFromPrecinctsWithFindings(results.candidates, results.precincts), flagged)
  ) {
    problem(
      'TOTALS_MISMATCH',
      'The totals from precincts with findings in data/results.json are not the sum of those precincts.',
      RESULTS_JSON,
    );
  }
  if (results.precinctsReporting !== results.precincts.filter((precinct) => precinct.result !== null).length) {
    problem('TOTALS_MISMATCH', 'data/results.json miscounts the precincts reporting.', RESULTS_JSON);
  }
}

/** The CSV, XLSX and NIST files must say exactly what results.json says. */
function checkDerivedFiles(files: BundleFiles, results: ResultsDocument, problem: Report): void {
  const csv = resultsCsvOf(results);
  const text = (path: string) => {
    const bytes = files.get(path);
    return bytes ? Buffer.from(bytes).toString('utf8') : null;
  };
  const csvText = text(RESULTS_CSV);
  if (csvText !== null && csvText !== csv) {
    problem(
      'DERIVED_FILE_MISMATCH',
      'data/results.csv does not hold the same numbers as data/results.json.',
      RESULTS_CSV,
    );
  }
  const nistText = text(RESULTS_NIST);
  if (nistText !== null && nistText !== nistJsonOf(results)) {
    problem(
      'DERIVED_FILE_MISMATCH',
      'data/results.nist-1500-100.json does not hold the same results as data/results.json.',
      RESULTS_NIST,
    );
  }
  const xlsx = files.get(RESULTS_XLSX);
  if (xlsx && !xlsxHoldsRows(xlsx, xlsxRowsOfCsv(csv))) {
    problem(
      'DERIVED_FILE_MISMATCH',
      'data/results.xlsx does not hold the same numbers as data/results.json.',
      RESULTS_XLSX,
    );
  }
}

/** Byte-equal to the workbook we write for these rows (fast), else read cell by cell (SheetJS). */
function xlsxHoldsRows(xlsx: Uint8Array, rows: (string | number)[][]): boolean {
  return xlsxIsCanonicalFor(xlsx, rows) === true || isDeepStrictEqual(readXlsxRows(xlsx), rows);
}

function checkAuditLog(files: BundleFiles, results: ResultsDocument, problem: Report): void {
  const bytes = files.get(AUDIT_LOG_JSONL);
  if (!bytes) return;
  const parsed = parseAuditLogJsonl(Buffer.from(bytes).toString('utf8'));
  if ('badLine' in parsed) {
    problem(
      'AUDIT_LOG_INVALID',
      `Line ${parsed.badLine} of data/audit-log.jsonl is not an audit-log entry.`,
      AUDIT_LOG_JSONL,
    );
    return;
  }
  const chain = verifyAuditChain(parsed.entries);
  if (!chain.valid) {
    problem('AUDIT_LOG_BROKEN', `The audit log's hash chain is broken: ${chain.reason}`, AUDIT_LOG_JSONL);
    return;
  }
  if (chain.entries !== results.auditLog.entries || chain.headHash !== results.auditLog.headHash) {
    problem(
      'AUDIT_LOG_MISMATCH',
      'data/audit-log.jsonl is not the log data/results.json was exported with.',
      AUDIT_LOG_JSONL,
    );
  }
  const last = parsed.entries.at(-1);
  const payload = last?.payload as { sequence?: unknown } | undefined;
  if (last?.action !== 'bundle.exported' || payload?.sequence !== results.bundle.sequence) {
    problem('AUDIT_LOG_MISMATCH', 'The audit log does not end with the export of this bundle.', AUDIT_LOG_JSONL);
  }
}

function ruleFindings(results: ResultsDocument, problem: Report): PrecinctFinding[] {
  const candidates = new Set(results.candidates.map((candidate) => candidate.name));
  const findings: PrecinctFinding[] = [];
  for (const result of precinctResultsOf(results)) {
    for (const line of result.lines) {
      if (!candidates.has(line.candidate)) {
        problem(
          'RESULTS_INVALID',
          `Precinct ${result.precinct} reports ${line.candidate}, who is not a candidate.`,
          RESULTS_JSON,
        );
      }
    }
    for (const finding of checkPrecinct(results.election.rulesProfile, result)) {
      findings.push({
        precinct: result.precinct,
        code: finding.code,
        ...(finding.candidate === undefined ? {} : { candidate: finding.candidate }),
        message: finding.message,
      });
    }
  }
  return findings;
}

function signatureMessage(
  code: 'WRONG_KEY' | 'SIGNATURE_INVALID' | 'TRUSTED_COMMENT_INVALID',
  signedBy: string,
  expected: string,
): string {
  switch (code) {
    case 'WRONG_KEY':
      return `The bundle was signed with key ${signedBy}, not with the county key ${expected} you gave.`;
    case 'SIGNATURE_INVALID':
      return 'The signature does not match tagmanifest-sha256.txt: the bundle was changed after it was signed.';
    case 'TRUSTED_COMMENT_INVALID':
      return 'The signed comment (county, election, sequence, status) was changed after signing.';
  }
}

function describeOxum(oxum: string): string {
  const [bytes, count] = oxum.split('.');
  return `${count ?? '?'} files of ${bytes ?? '?'} bytes`;
}
