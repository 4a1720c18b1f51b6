import { groupHex } from '../signing/county-key';
import { sha256Hex } from './manifest';

/**
 * A bundle's fingerprint: sha256 of tagmanifest-sha256.txt. That file pins bagit.txt, bag-info.txt
 * and the payload manifest, which pins every data file, so equal fingerprints mean equal bundles.
 */
export function bundleFingerprint(tagManifest: Uint8Array): string {
  return sha256Hex(tagManifest);
}

/** The first 128 bits in groups of four, for the certification report and for reading aloud. */
export function readableFingerprint(fingerprint: string): string {
  return groupHex(fingerprint.slice(0, 32));
}
