/**
 * The county key and signed bundles in the app: the chair makes the key (its passphrase kept on this
 * computer if asked), exports signed bundles to the app's folder or to a USB stick with a safe eject.
 * Signing is the chair's act, like certifying: the API's method table checks who asks.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BundleStatus } from '../model/bundle-status';
import type { SignedIn } from '../operators/sessions';
import { type AppError, appError, ok, type Result } from '../result';
import type { SecretStore } from '../secrets/secret-store';
import { createAppSigningKey, openAppSigningKey, type SigningKeyView, signingKeyView } from '../signing/app-key';
import { type CountySigningKey, publicKeyFingerprint } from '../signing/county-key';
import type { ScryptCost } from '../signing/secret-key-file';
import type { CountyStore } from '../store/county-store';
import { defaultMountRoots, type MountRoot } from '../usb/mount-roots';
import { type AppExportedBundle, exportCountyBundle } from './app-export';
import { readableFingerprint } from './bundle-fingerprint';
import { type DriveEjector, osDriveEjector } from './drive-ejector';
import { copyBundleToDrive } from './drive-export';
import { removableDrives } from './removable-drives';

/** Where the county key and exported bundles live, removable drives, the app version (ApiDeps.bundles). */
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

/** What signing in the app works with: the county, its secrets, the clock and where things go. */
export interface AppSigning {
  readonly store: CountyStore;
  readonly secrets: SecretStore;
  readonly clock: () => Date;
  readonly bundles: BundleDeps;
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

const PASSPHRASE = 'signing-key-passphrase' as const;

export async function signingKeyState({ store, secrets }: AppSigning): Promise<SigningKeyState> {
  return {
    key: signingKeyView(store),
    passphraseRemembered: (await secrets.get(PASSPHRASE)) !== null,
    rememberSurvivesRestart: secrets.isPersistent,
  };
}

/** The chair makes the county key; a second one only when asked to replace it (the state party registers it again). */
export async function createSigningKey(
  signing: AppSigning,
  chair: SignedIn,
  input: { readonly passphrase: string; readonly remember: boolean; readonly replace: boolean },
  at: Date,
): Promise<Result<SigningKeyState, AppError>> {
  const { store, secrets, bundles } = signing;
  if (!store.getElection()) return appError('NO_COUNTY', 'Set up the county first.');
  const existing = signingKeyView(store);
  if (existing && !input.replace) {
    return appError(
      'KEY_EXISTS',
      `This county already has signing key ${existing.keyId}. Make a new one only if the passphrase is lost: the state party must then register the new key.`,
    );
  }
  const made = createAppSigningKey(store, {
    keysRoot: join(dataDirOf(signing), 'signing-keys'),
    passphrase: input.passphrase,
    operator: chair.name,
    at: at.toISOString(),
    ...(bundles.scryptCost ? { cost: bundles.scryptCost } : {}),
  });
  if (!made.ok) return made;
  if (input.remember) await secrets.set(PASSPHRASE, input.passphrase);
  else await secrets.delete(PASSPHRASE);
  return ok(await signingKeyState(signing));
}

interface ExportRequest {
  readonly status?: BundleStatus | undefined;
  /** Not needed when the chair chose to remember it on this computer. */
  readonly passphrase?: string | undefined;
}

/** A signed bundle of the county's results in the app's folder, with its certification report. */
export async function exportSignedBundle(
  signing: AppSigning,
  chair: SignedIn,
  input: ExportRequest,
): Promise<Result<ExportedBundleView, AppError>> {
  const signed = await exportSigned(signing, chair, input);
  if (!signed.ok) return signed;
  return ok(exportedView(signed.value.exported, signed.value.key));
}

/** A signed bundle copied to a USB stick, read back there, and the stick ejected. */
export async function exportSignedBundleToDrive(
  signing: AppSigning,
  chair: SignedIn,
  input: ExportRequest & { readonly drive: string },
): Promise<Result<DriveExportView, AppError>> {
  const { store, clock, bundles } = signing;
  const drive = (await removableDrives(bundles.mountRoots ?? defaultMountRoots())).find(
    (candidate) => candidate.id === input.drive,
  );
  if (!drive) {
    return appError(
      'DRIVE_NOT_FOUND',
      'That drive is no longer connected. Plug the USB stick in again and choose it from the list.',
    );
  }
  const signed = await exportSigned(signing, chair, input);
  if (!signed.ok) return signed;
  const { exported, key } = signed.value;
  const copied = await copyBundleToDrive({
    bundlePath: exported.path,
    drivePath: drive.id,
    driveLabel: drive.label,
    publicKey: key,
    ejector: bundles.ejector ?? osDriveEjector(),
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
    operator: chair.name,
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
}

async function exportSigned(
  signing: AppSigning,
  chair: SignedIn,
  input: ExportRequest,
): Promise<Result<{ exported: AppExportedBundle; key: CountySigningKey }, AppError>> {
  const key = await openKey(signing, input.passphrase);
  if (!key.ok) return key;
  const exported = await exportCountyBundle(signing.store, {
    key: key.value,
    ...(input.status ? { status: input.status } : {}),
    operator: chair.name,
    appVersion: signing.bundles.appVersion ?? 'development',
    now: signing.clock,
    folder: join(dataDirOf(signing), 'bundles'),
  });
  return exported.ok ? ok({ exported: exported.value, key: key.value }) : exported;
}

/** The county key opened with the typed passphrase, or the remembered one. */
async function openKey(
  { store, secrets }: AppSigning,
  typed: string | undefined,
): Promise<Result<CountySigningKey, AppError>> {
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
}

function dataDirOf({ store, bundles }: AppSigning): string {
  return bundles.dataDir ?? dirname(store.path);
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
