/**
 * The state party's check of county bundles in the app: each verified against the registered county
 * keys and totalled; the statewide files made only when asked for.
 */
import type { AppError, Result } from '../result';
import { ok } from '../result';
import { type Aggregation, aggregateBundlesWithPrecincts } from './aggregate';
import type { DownloadableFile } from './app-signing';
import { readBundleZip } from './bundle-container';
import { keyRegistryOf } from './key-registry';
import { buildStatewideExport, statewideZip } from './statewide-export';

export interface UploadedFile {
  readonly fileName: string;
  readonly contentBase64: string;
}

export interface BundleCheckView {
  readonly fileName: string;
  readonly county: string | null;
  readonly outcome: 'counted' | 'duplicate' | 'refused';
  readonly message: string;
}

export interface StatePartyView extends Aggregation {
  /** Every bundle given, in order, with what happened to it in plain words. */
  readonly checks: readonly BundleCheckView[];
  /**
   * results.json, .csv, .xlsx and the NIST report of the counted counties in one zip, when the input
   * asked for it (statewideExport); null otherwise or when none counted.
   */
  readonly statewideExport: DownloadableFile | null;
}

export function checkCountyBundles(
  input: {
    readonly bundles: readonly UploadedFile[];
    readonly publicKeys: readonly UploadedFile[];
    readonly statewideExport?: boolean | undefined;
  },
  appVersion: string,
  now: Date,
): Result<StatePartyView, AppError> {
  const registry = keyRegistryOf(
    input.publicKeys.map((file) => ({
      name: baseName(file.fileName),
      file: file.fileName,
      text: Buffer.from(file.contentBase64, 'base64').toString('utf8'),
    })),
  );
  if (!registry.ok) return registry;
  // Each bundle is decoded when its turn comes and dropped once verified. Precinct rows are kept,
  // and the statewide files made, only when the download is asked for.
  const wantExport = input.statewideExport === true;
  const { aggregation, counted } = aggregateBundlesWithPrecincts(
    registry.value,
    input.bundles.map((file) => ({
      path: baseName(file.fileName),
      files: () => readBundleZip(Buffer.from(file.contentBase64, 'base64'), baseName(file.fileName)),
    })),
    { keepPrecincts: wantExport },
  );
  const generatedAt = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const statewide = wantExport
    ? buildStatewideExport(aggregation, counted, { generatedAt, appVersion, issuer: 'State party' })
    : null;
  return ok({
    ...aggregation,
    checks: checksOf(
      input.bundles.map((file) => baseName(file.fileName)),
      aggregation,
    ),
    statewideExport: statewide?.ok
      ? {
          fileName: `statewide-results-${generatedAt.replace(/:/g, '')}.zip`,
          mediaType: 'application/zip',
          contentBase64: Buffer.from(statewideZip(statewide.value)).toString('base64'),
        }
      : null,
  });
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName;
}

/** What happened to each bundle given, in the words the state party's staff read. */
function checksOf(fileNames: readonly string[], aggregation: Aggregation): BundleCheckView[] {
  const refused = new Map(aggregation.rejected.map((entry) => [entry.path, entry]));
  const duplicates = new Set(aggregation.duplicates);
  const counted = new Map(
    aggregation.byCounty.filter((county) => county.bundle !== null).map((county) => [county.bundle, county]),
  );
  return fileNames.map((fileName) => {
    const rejection = refused.get(fileName);
    if (rejection) {
      const detail = rejection.problems[0]?.message;
      return {
        fileName,
        county: rejection.county,
        outcome: 'refused' as const,
        message: detail ? `${rejection.message} ${detail}` : rejection.message,
      };
    }
    const county = counted.get(fileName);
    if (county && !duplicates.has(fileName)) {
      return {
        fileName,
        county: county.county,
        outcome: 'counted' as const,
        message: `Verified: signed with ${county.county}'s registered key, unchanged since signing, and its files agree. Bundle ${county.sequence} (${county.status}), ${county.precinctsReporting} of ${county.precinctsTotal} precincts${county.findings > 0 ? `, ${county.findings} rule findings to look at` : ''}.`,
      };
    }
    return {
      fileName,
      county: null,
      outcome: 'duplicate' as const,
      message: 'The same bundle was given twice; it is counted once.',
    };
  });
}
