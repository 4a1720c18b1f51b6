/**
 * "Export to USB": the exported bundle copied to a removable drive the way every bundle is written
 * (temporary name, fsync, rename, fsync the folder), read back from the drive and verified there,
 * and only then ejected. The person is told "safe to remove" only when the OS confirms the eject.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fsyncFolder, temporaryPathBeside, writeFileDurably } from '../files/atomic-write';
import { appError, ok, type Result } from '../result';
import type { CountyPublicKey } from '../signing/county-key';
import { readBundleZip } from './bundle-container';
import type { DriveEjector } from './drive-ejector';
import { sha256Hex } from './manifest';
import { verifyBundle } from './verify-bundle';
import { removeTemporary } from './write-bundle';

export interface CopiedToDrive {
  readonly path: string;
  readonly sha256: string;
  readonly ejected: boolean;
  /** Why the drive could not be ejected: the bundle is on it, but the stick must not be pulled yet. */
  readonly ejectProblem: string | null;
}

export async function copyBundleToDrive(input: {
  readonly bundlePath: string;
  readonly drivePath: string;
  readonly driveLabel: string;
  readonly publicKey: CountyPublicKey;
  readonly ejector: DriveEjector;
}): Promise<Result<CopiedToDrive>> {
  const bytes = readFileSync(input.bundlePath);
  const target = join(input.drivePath, basename(input.bundlePath));
  if (existsSync(target)) {
    return appError(
      'BUNDLE_EXISTS',
      `${input.driveLabel} already holds ${basename(target)}; Tallyroom never overwrites a bundle. Use another drive.`,
    );
  }
  const temporary = temporaryPathBeside(target);
  try {
    writeFileDurably(temporary, bytes);
    const readBack = readFileSync(temporary);
    const files = readBundleZip(readBack, basename(target));
    const verification = files.ok ? verifyBundle(files.value, input.publicKey) : null;
    if (sha256Hex(readBack) !== sha256Hex(bytes) || verification === null || verification.problems.length > 0) {
      removeTemporary(temporary);
      return appError(
        'DRIVE_READ_BACK_FAILED',
        `The bundle did not read back from ${input.driveLabel} exactly as written, so it was removed from the drive. The stick may be failing; try another.`,
      );
    }
    renameSync(temporary, target);
    fsyncFolder(input.drivePath);
  } catch (error) {
    removeTemporary(temporary);
    const code = error instanceof Error ? (error as Error & { code?: string }).code : undefined;
    return appError(
      'DRIVE_WRITE_FAILED',
      `The bundle could not be written to ${input.driveLabel}${code ? ` (${code})` : ''}. Check the stick is not full or write-protected.`,
    );
  }
  const ejected = await input.ejector.eject(input.drivePath);
  return ok({
    path: target,
    sha256: sha256Hex(bytes),
    ejected: ejected.ok,
    ejectProblem: ejected.ok
      ? null
      : `${input.driveLabel} could not be ejected${ejected.reason ? ` (${ejected.reason})` : ''}. Close any window showing its files and eject it from the computer before pulling it out.`,
  });
}
