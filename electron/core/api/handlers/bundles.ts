/**
 * Signed bundles in the app (docs/BUNDLE.md): the chair makes the county key, exports signed bundles
 * (to the app's folder, or to a USB stick with a safe eject), and the state party verifies and
 * totals county bundles. Signing is the chair's act, like certifying.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Aggregation, aggregateBundlesWithPrecincts } from '../../bundle/aggregate';
import { type AppExportedBundle, exportCountyBundle } from '../../bundle/app-export';
import { readBundleZip } from '../../bundle/bundle-container';
import { readableFingerprint } from '../../bundle/bundle-fingerprint';
import type { BundleStatus } from '../../bundle/bundle-status';
import { type DriveEjector, osDriveEjector } from '../../bundle/drive-ejector';
import { copyBundleToDrive } from '../../bundle/drive-export';
import { keyRegistryOf } from '../../bundle/key-registry';
import { type RemovableDriveView, removableDrives } from '../../bundle/removable-drives';
import { buildStatewideExport, statewideZip } from '../../bundle/statewide-export';
import { type AppError, appError, ok, type Result } from '../../result';
import type { SecretStore } from '../../secrets/secret-store';
import { createAppSigningKey, openAppSigningKey, type SigningKeyView, signingKeyView } from '../../signing/app-key';
import { type CountySigningKey, publicKeyFingerprint } from '../../signing/county-key';
import type { ScryptCost } from '../../signing/secret-key-file';
import type { CountyStore } from '../../store/county-store';
import { defaultMountRoots, type MountRoot } from '../../usb/mount-roots';
import type { ApiParsedInput } from '../schemas';
import { actorFor } from './operators';

export interface BundleDeps {
  /** The app's data folder (key folders and exported bundles); beside the database by default. */
  readonly dataDir?: string;
  /** Written into every bundle's bag-info.txt. */
  readonly appVersion?: string;
  /** Where removable drives appear (the OS's places by default). */
  readonly mountRoots?: readonly MountRoot[];
  /** The OS's safe-eject; tests substitute the hardware here. */
  readonly ejector?: DriveEjector;
  /** scrypt cost of the key file (tests lower it; the default is the CLI's). */
  readonly scryptCost?: ScryptCost;
}

export interface SigningKeyState {
  readonly key: SigningKeyView | null;
  /** The passphrase is kept on this computer, so exports need not ask for it. */
  readonly passphraseRemembered: boolean;
  /** False where the OS has no keychain: a remembered passphrase lasts only until the app closes. */
  readonly rememberSurvivesRestart: boolean;
}

export interface DownloadableFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly contentBase64: string;
}

export interface ExportedBundleView {
  readonly sequence: number;
  readonly status: BundleStatus;
  /** sha256 of tagmanifest-sha256.txt, and its first 128 bits grouped for reading aloud. */
  readonly fingerprint: string;
  readonly readableFingerprint: string;
  readonly keyId: string;
  readonly keyFingerprint: string;
  readonly precinctsReporting: number;
  readonly precinctsTotal: number;
  readonly findings: number;
  readonly scans: number;
  readonly bundle: DownloadableFile;
  /** The certification report naming this bundle's fingerprint, to print and sign. */
  readonly report: DownloadableFile;
}

export interface DriveExportView {
  readonly bundle: Omit<ExportedBundleView, 'bundle'> & { readonly fileName: string };
  readonly drive: string;
  readonly path: string;
  /** True only when the OS confirmed the eject. */
  readonly safeToRemove: boolean;
  readonly message: string;
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

export interface BundleOutputs {
  getSigningKey: SigningKeyState;
  createSigningKey: SigningKeyState;
  exportBundle: ExportedBundleView;
  listRemovableDrives: readonly RemovableDriveView[];
  exportBundleToDrive: DriveExportView;
  aggregateBundles: StatePartyView;
}

type BundleMethod = keyof BundleOutputs;
type BundleHandlers = {
  [M in BundleMethod]: (input: ApiParsedInput<M>) => Promise<Result<BundleOutputs[M], AppError>>;
};

const PASSPHRASE = 'signing-key-passphrase' as const;

export function bundleHandlers(
  store: CountyStore,
  clock: () => Date,
  secrets: SecretStore,
  deps: BundleDeps = {},
): BundleHandlers {
  const dataDir = deps.dataDir ?? dirname(store.db.name);
  const keysRoot = join(dataDir, 'signing-keys');
  const bundlesFolder = join(dataDir, 'bundles');
  const appVersion = deps.appVersion ?? 'development';
  const mountRoots = deps.mountRoots ?? defaultMountRoots();
  const ejector = deps.ejector ?? osDriveEjector();

  const keyState = async (): Promise<SigningKeyState> => ({
    key: signingKeyView(store),
    passphraseRemembered: (await secrets.get(PASSPHRASE)) !== null,
    rememberSurvivesRestart: secrets.isPersistent,
  });

  /** The county key opened with the typed passphrase, or the remembered one. */
  const openKey = async (typed: string | undefined): Promise<Result<CountySigningKey, AppError>> => {
    const remembered = typed ? null : await secrets.get(PASSPHRASE);
    const passphrase = typed ?? remembered;
    if (!passphrase) {
      return appError('PASSPHRASE_NEEDED', 'Type the signing key passphrase: this computer does not remember it.');
    }
    const key = openAppSigningKey(store, passphrase);
    if (!key.ok && key.error.code === 'WRONG_PASSPHRASE' && remembered !== null) {
      await secrets.delete(PASSPHRASE);
      return appError(
        'PASSPHRASE_NEEDED',
        'The passphrase this computer remembered no longer opens the county key, so it was forgotten. Type the passphrase.',
      );
    }
    return key;
  };

  const exportSigned = async (input: {
    session: string;
    status?: BundleStatus | undefined;
    passphrase?: string | undefined;
  }): Promise<Result<{ exported: AppExportedBundle; key: CountySigningKey; chair: string }, AppError>> => {
    const chair = actorFor(store, input, 'certify', clock());
    if (!chair.ok) return signingRefused(chair.error);
    const key = await openKey(input.passphrase);
    if (!key.ok) return key;
    const exported = await exportCountyBundle(store, {
      key: key.value,
      ...(input.status ? { status: input.status } : {}),
      operator: chair.value.name,
      appVersion,
      now: clock,
      folder: bundlesFolder,
    });
    return exported.ok ? ok({ exported: exported.value, key: key.value, chair: chair.value.name }) : exported;
  };

  return {
    getSigningKey: async () => ok(await keyState()),
    createSigningKey: async (input) => {
      const at = clock();
      const chair = actorFor(store, input, 'certify', at);
      if (!chair.ok) return signingRefused(chair.error);
      if (!store.getElection()) return appError('NO_COUNTY', 'Set up the county first.');
      const existing = signingKeyView(store);
      if (existing && !input.replace) {
        return appError(
          'KEY_EXISTS',
          `This county already has signing key ${existing.keyId}. Make a new one only if the passphrase is lost: the state party must then register the new key.`,
        );
      }
      const made = createAppSigningKey(store, {
        keysRoot,
        passphrase: input.passphrase,
        operator: chair.value.name,
        at: at.toISOString(),
        ...(deps.scryptCost ? { cost: deps.scryptCost } : {}),
      });
      if (!made.ok) return made;
      if (input.remember) await secrets.set(PASSPHRASE, input.passphrase);
      else await secrets.delete(PASSPHRASE);
      return ok(await keyState());
    },
    exportBundle: async (input) => {
      const signed = await exportSigned(input);
      if (!signed.ok) return signed;
      return ok(exportedView(signed.value.exported, signed.value.key));
    },
    listRemovableDrives: async () => ok(await removableDrives(mountRoots)),
    exportBundleToDrive: async (input) => {
      const drive = (await removableDrives(mountRoots)).find((candidate) => candidate.id === input.drive);
      if (!drive) {
        return appError(
          'DRIVE_NOT_FOUND',
          'That drive is no longer connected. Plug the USB stick in again and choose it from the list.',
        );
      }
      const signed = await exportSigned(input);
      if (!signed.ok) return signed;
      const { exported, key } = signed.value;
      const copied = await copyBundleToDrive({
        bundlePath: exported.path,
        drivePath: drive.id,
        driveLabel: drive.label,
        publicKey: key,
        ejector,
      });
      if (!copied.ok) {
        // The export itself happened (its sequence is used and recorded): say where the bundle is.
        return appError(
          copied.error.code,
          `${copied.error.message} Bundle ${exported.sequence} was signed and is kept on this computer; download it, or try another stick.`,
        );
      }
      store.appendAudit({
        at: clock().toISOString(),
        operator: signed.value.chair,
        action: 'bundle.copied-to-drive',
        payload: {
          sequence: exported.sequence,
          drive: drive.label,
          sha256: copied.value.sha256,
          ejected: copied.value.ejected,
        },
      });
      const { bundle: _bytes, ...view } = exportedView(exported, key);
      return ok({
        bundle: { ...view, fileName: exported.fileName },
        drive: drive.label,
        path: copied.value.path,
        safeToRemove: copied.value.ejected,
        message:
          copied.value.ejectProblem ??
          `Bundle ${exported.sequence} is on ${drive.label}, read back and verified there. The drive was ejected: it is safe to remove.`,
      });
    },
    aggregateBundles: async (input) => {
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
      const generatedAt = clock()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z');
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
    },
  };
}

/** Only the chair signs for the county; anyone else is told so in those words. */
function signingRefused(error: AppError): Result<never, AppError> {
  if (error.code === 'NOT_ALLOWED') {
    return appError(
      'NOT_ALLOWED',
      'Only the county chair signs for the county: ask the chair to sign in and do this. Nothing was signed.',
    );
  }
  return { ok: false, error };
}

function exportedView(exported: AppExportedBundle, key: CountySigningKey): ExportedBundleView {
  return {
    sequence: exported.sequence,
    status: exported.status,
    fingerprint: exported.fingerprint,
    readableFingerprint: readableFingerprint(exported.fingerprint),
    keyId: exported.keyId,
    keyFingerprint: publicKeyFingerprint(key),
    precinctsReporting: exported.precinctsReporting,
    precinctsTotal: exported.precinctsTotal,
    findings: exported.findings,
    scans: exported.scans,
    bundle: {
      fileName: exported.fileName,
      mediaType: 'application/zip',
      contentBase64: readFileSync(exported.path).toString('base64'),
    },
    report: {
      fileName: exported.reportFileName,
      mediaType: 'application/pdf',
      contentBase64: readFileSync(exported.reportPath).toString('base64'),
    },
  };
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
