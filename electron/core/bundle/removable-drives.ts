import type { MountRoot } from '../usb/mount-roots';
import { mountedFolders } from '../usb/mounted-folders';

/** A drive a bundle can be exported to, as the Export screen lists it. */
export interface RemovableDriveView {
  /** Its mount path: the only paths exportBundleToDrive accepts are ones listed here. */
  readonly id: string;
  readonly label: string;
}

/** Drives mounted now under the OS's removable-media places (links are not drives). */
export async function removableDrives(roots: readonly MountRoot[]): Promise<RemovableDriveView[]> {
  return (await mountedFolders(roots)).map((folder) => ({ id: folder.path, label: folder.name }));
}
