import { existsSync, renameSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { canonicalJson } from '../audit-log/canonical-json';
import { buildCountyView, type CountyView } from '../county/county-view';
import { fsyncFolder, temporaryPathBeside } from '../files/atomic-write';
import { requireHealthyCounty } from '../integrity/database-health';
import type { BundleStatus } from '../model/bundle-status';
import { appError, ok, type Result } from '../result';
import { type CountySigningKey, keyIdHex } from '../signing/county-key';
import { insertBundleExport, latestBundleExport, nextBundleSequence } from '../store/bundle-records';
import type { CountyStore } from '../store/county-store';
import type { BundleFiles } from './bag-layout';
import { buildBundle } from './build-bundle';
import { buildResultsDocument } from './build-results-document';
import { readBundle } from './bundle-container';
import { checkBundleStatus, defaultBundleStatus } from './export-status';
import { finishInterruptedExports } from './interrupted-exports';
import { sha256Hex } from './manifest';
import { verifyBundle } from './verify-bundle';
import {
  type AfterFileWritten,
  type BundleFormat,
  bundleFormatOf,
  removeTemporary,
  writeBundleTemporary,
} from './write-bundle';

export interface ExportBundleInput {
  /** Where the bundle goes: a path ending in .zip gives a zipped bag, anything else a bag folder. */
  readonly out: string;
  readonly key: CountySigningKey;
  /** Without one: unofficial-complete when every precinct is settled, else unofficial-partial. */
  readonly status?: BundleStatus;
  readonly operator: string;
  readonly appVersion: string;
  readonly now: () => Date;
  readonly afterFileWritten?: AfterFileWritten;
  /**
   * Made ahead of the transaction (the certification report is drawn asynchronously): the sequence,
   * time and attachments it was made for. If the county changed meanwhile the export is refused
   * rather than shipping a report that disagrees with the results.
   */
  readonly prepared?: PreparedExport;
}

export interface PreparedExport {
  readonly sequence: number;
  readonly generated: Date;
  readonly status: BundleStatus;
  /** countyContentDigest of the county the attachments were made from. */
  readonly contentDigest: string;
  readonly attachments: ReadonlyMap<string, Uint8Array>;
}

export interface ExportedBundle {
  readonly path: string;
  readonly format: BundleFormat;
  readonly sequence: number;
  readonly status: BundleStatus;
  readonly fingerprint: string;
  readonly keyId: string;
  readonly precinctsReporting: number;
  readonly precinctsTotal: number;
  /** Rule findings the bundle carries (the state party's verify will list them too). */
  readonly findings: number;
}

/**
 * Exports the county's signed result bundle. In one database transaction: the next sequence number,
 * the `bundle.exported` audit entry (so the bundle's own log ends with its export), the bundle built
 * and written under a temporary name, read back and verified, and recorded; once committed it is
 * renamed into place. Any failure before the commit rolls the database back and removes the
 * temporary files: no sequence is used up and nothing ever appears under the final name unless it
 * is complete, verified and recorded.
 */
export function exportBundle(store: CountyStore, input: ExportBundleInput): Result<ExportedBundle> {
  const election = store.getElection();
  if (!election) return appError('NO_COUNTY', 'This database has no county yet; set one up first.');
  finishInterruptedExports(store, dirname(input.out));
  // A county that fails the health check signs nothing (docs/SECURITY.md).
  const healthy = requireHealthyCounty(store, 'sign and export the results');
  if (!healthy.ok) return healthy;
  if (existsSync(input.out)) {
    return appError(
      'BUNDLE_EXISTS',
      `${input.out} already exists; Tallyroom never overwrites a bundle. Choose a new name.`,
    );
  }
  if (!isFolder(dirname(input.out))) {
    return appError(
      'OUT_FOLDER_MISSING',
      `The folder ${dirname(input.out)} does not exist; create it or choose another place.`,
    );
  }
  const format = bundleFormatOf(input.out);
  const keyId = keyIdHex(input.key.keyNumber);
  const temporary = temporaryPathBeside(input.out);

  let committed: Result<ExportedBundle>;
  try {
    committed = store.transaction((): Result<ExportedBundle> => {
      const view = buildCountyView(store, election);
      const previous = latestBundleExport(store);
      const status = checkBundleStatus(input.status ?? defaultBundleStatus(view), view, previous);
      if (!status.ok) return status;
      const sequence = nextBundleSequence(store);
      const prepared = input.prepared;
      if (
        prepared &&
        (prepared.sequence !== sequence ||
          prepared.status !== status.value ||
          prepared.contentDigest !== countyContentDigest(view))
      ) {
        return appError(
          'COUNTY_CHANGED_DURING_EXPORT',
          'The results changed while the bundle was being made (someone entered or resolved a report). Nothing was exported; export again.',
        );
      }
      const generated = prepared?.generated ?? wholeSeconds(input.now());
      const generatedAt = generated.toISOString().replace('.000Z', 'Z');

      if (previous && previous.keyId !== keyId) {
        store.appendAudit({
          at: generatedAt,
          operator: input.operator,
          action: 'signing-key.changed',
          payload: { previousKeyId: previous.keyId, keyId },
        });
      }
      const exported = store.appendAudit({
        at: generatedAt,
        operator: input.operator,
        action: 'bundle.exported',
        payload: { sequence, status: status.value, keyId, format, fileName: basename(input.out) },
      });
      const auditEntries = [...store.iterateAudit()];
      const document = buildResultsDocument(
        view,
        { sequence, status: status.value, generatedAt, appVersion: input.appVersion, keyId },
        { entries: auditEntries.length, headHash: exported.hash },
      );
      const built = buildBundle(document, auditEntries, input.key, prepared?.attachments);

      writeBundleTemporary(built.files, temporary, input.out, generated, input.afterFileWritten);
      const readBack = readBundle(temporary);
      const verification = readBack.ok ? verifyBundle(readBack.value, input.key) : null;
      if (!readBack.ok || !sameFiles(readBack.value, built.files) || verification?.problems.length !== 0) {
        removeTemporary(temporary);
        return appError(
          'BUNDLE_READ_BACK_FAILED',
          `The bundle written to ${dirname(input.out)} did not read back exactly as written, so it was not kept and nothing was exported. The drive may be failing; try another place.`,
          verification?.problems,
        );
      }

      insertBundleExport(store, {
        sequence,
        status: status.value,
        keyId,
        publicKey: Buffer.from(input.key.publicKey).toString('base64'),
        fingerprint: built.fingerprint,
        format,
        fileName: basename(input.out),
        generatedAt,
        operator: input.operator,
        auditSeq: exported.seq,
      });
      return ok({
        path: input.out,
        format,
        sequence,
        status: status.value,
        fingerprint: built.fingerprint,
        keyId,
        precinctsReporting: document.precinctsReporting,
        precinctsTotal: document.precincts.length,
        findings: verification.findings.length,
      });
    });
  } catch (error) {
    // The transaction is already rolled back: leave no files behind that the database does not record.
    removeTemporary(temporary);
    if (isFileSystemError(error)) {
      return appError(
        'BUNDLE_WRITE_FAILED',
        `The bundle could not be written to ${dirname(input.out)} (${error.code}); nothing was exported. Check the drive has space and is not write-protected.`,
      );
    }
    throw error;
  }
  if (!committed.ok) return committed;
  // Put in place only once recorded: renamed before the commit, a crash between the two would leave
  // a signed bundle nobody recorded, and the next export would give its sequence to another bundle.
  // Killed after the commit, the verified bundle waits under its temporary name and the next export
  // into this folder puts it in place (finishInterruptedExports).
  try {
    renameSync(temporary, input.out);
    fsyncFolder(dirname(input.out));
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    return appError(
      'BUNDLE_WRITE_FAILED',
      `Bundle ${committed.value.sequence} was made and recorded, but could not be put in place in ${dirname(input.out)} (${error.code}). Reconnect the drive and export again to that folder: Tallyroom finishes putting it in place.`,
    );
  }
  return committed;
}

/** Disk full, read-only drive, pulled USB stick: expected on election night, so a value, not a crash. */
function isFileSystemError(error: unknown): error is Error & { code: string } {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

function sameFiles(a: BundleFiles, b: BundleFiles): boolean {
  if (a.size !== b.size) return false;
  for (const [path, bytes] of a) {
    const other = b.get(path);
    if (!other || !Buffer.from(bytes).equals(Buffer.from(other))) return false;
  }
  return true;
}

/** What a bundle's results would say, without its identity: equal digests, equal results. */
export function countyContentDigest(view: CountyView): string {
  const placeholder = buildResultsDocument(
    view,
    { sequence: 1, status: 'unofficial-partial', generatedAt: '1970-01-01T00:00:00Z', appVersion: '-', keyId: '0' },
    { entries: 1, headHash: '0'.repeat(64) },
  );
  const { bundle: _bundle, auditLog: _auditLog, ...content } = placeholder;
  return sha256Hex(Buffer.from(canonicalJson(content), 'utf8'));
}

export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
