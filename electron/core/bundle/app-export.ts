/**
 * Exporting from the app: the signed bundle with the certification report and the confirmed
 * worksheet scans inside, written to the app's bundles folder (and from there to a drive), plus a
 * printable copy of the report that names the finished bundle's fingerprint.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCountyView, type CountyView } from '../county/county-view';
import { writeFileAtomically } from '../files/atomic-write';
import type { BundleStatus } from '../model/bundle-status';
import { appError, ok, type Result } from '../result';
import { type CountySigningKey, keyIdHex, publicKeyFingerprint } from '../signing/county-key';
import { latestBundleExport, nextBundleSequence } from '../store/bundle-records';
import type { CountyStore } from '../store/county-store';
import { CERTIFICATION_REPORT } from './bag-layout';
import { buildResultsDocument } from './build-results-document';
import { type CertificationFacts, certificationReportPdf } from './certification-report-pdf';
import { countyContentDigest, type ExportedBundle, exportBundle, wholeSeconds } from './export-bundle';
import { checkBundleStatus, defaultBundleStatus } from './export-status';
import { scanAttachments } from './scan-attachments';

export interface AppExportInput {
  readonly key: CountySigningKey;
  readonly status?: BundleStatus;
  readonly operator: string;
  readonly appVersion: string;
  readonly now: () => Date;
  /** The app's bundles folder: every export is kept there under its own name. */
  readonly folder: string;
}

export interface AppExportedBundle extends ExportedBundle {
  readonly fileName: string;
  readonly scans: number;
  /** The certification report naming this bundle's fingerprint, saved beside the bundle. */
  readonly reportPath: string;
  readonly reportFileName: string;
}

export async function exportCountyBundle(
  store: CountyStore,
  input: AppExportInput,
): Promise<Result<AppExportedBundle>> {
  const election = store.getElection();
  if (!election) return appError('NO_COUNTY', 'Set up the county first.');
  const view = buildCountyView(store, election);
  const status = checkBundleStatus(input.status ?? defaultBundleStatus(view), view, latestBundleExport(store));
  if (!status.ok) return status;
  if (status.value === 'certified') {
    const certified = requireCertifiedCounty(view);
    if (!certified.ok) return certified;
  }
  const sequence = nextBundleSequence(store);
  const generated = wholeSeconds(input.now());
  const keyId = keyIdHex(input.key.keyNumber);
  const document = buildResultsDocument(
    view,
    {
      sequence,
      status: status.value,
      generatedAt: generated.toISOString().replace('.000Z', 'Z'),
      appVersion: input.appVersion,
      keyId,
    },
    // Not printed in the report; the real log head is only known inside the export's transaction.
    { entries: 1, headHash: '0'.repeat(64) },
  );
  const facts = certificationFactsOf(view, document, publicKeyFingerprint(input.key));
  const attachments = scanAttachments(store);
  attachments.set(CERTIFICATION_REPORT, await certificationReportPdf(facts));

  mkdirSync(input.folder, { recursive: true });
  const stem = freeStem(input.folder, `${slug(election.county)}-bundle-${sequence}`);
  const fileName = `${stem}.zip`;
  const exported = exportBundle(store, {
    out: join(input.folder, fileName),
    key: input.key,
    status: status.value,
    operator: input.operator,
    appVersion: input.appVersion,
    now: input.now,
    prepared: { sequence, generated, status: status.value, contentDigest: countyContentDigest(view), attachments },
  });
  if (!exported.ok) return exported;

  const reportFileName = `${stem}-certification-report.pdf`;
  const reportPath = join(input.folder, reportFileName);
  // Atomically, like the bundle: a crash must not leave half a report under its final name.
  writeFileAtomically(
    reportPath,
    await certificationReportPdf({ ...facts, bundleFingerprint: exported.value.fingerprint }),
  );
  return ok({
    ...exported.value,
    fileName,
    scans: attachments.size - 1,
    reportPath,
    reportFileName,
  });
}

/** A bundle marked certified says the chair certified the county, and that nothing changed since. */
function requireCertifiedCounty(view: CountyView): Result<null> {
  if (!view.countyCertification) {
    return appError(
      'COUNTY_NOT_CERTIFIED',
      'A certified bundle needs the county certified first: certify every precinct, then the county, and export again.',
    );
  }
  if (view.countyCertification.changedSince) {
    return appError(
      'COUNTY_NOT_CERTIFIED',
      'A precinct changed after the county was certified; certify the county again before exporting a certified bundle.',
    );
  }
  return ok(null);
}

function certificationFactsOf(
  view: CountyView,
  document: CertificationFacts['document'],
  keyFingerprint: string,
): CertificationFacts {
  const precincts = new Map<string, { operator: string; certifiedAt: string }>();
  for (const precinct of view.precincts) {
    const certification = precinct.verification.certification;
    if (certification) {
      precincts.set(precinct.precinct.code, {
        operator: certification.operator,
        certifiedAt: certification.certifiedAt,
      });
    }
  }
  return { document, keyFingerprint, county: view.countyCertification, precincts };
}

function freeStem(folder: string, stem: string): string {
  let candidate = stem;
  for (let n = 2; existsSync(join(folder, `${candidate}.zip`)); n++) candidate = `${stem}-${n}`;
  return candidate;
}

export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'county'
  );
}
