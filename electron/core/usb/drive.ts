import type { MediaReader } from '../intake/media-reader';
import type { MediaListing } from '../intake/walk-media';
import type { AppError, Result } from '../result';

export type DriveStatus = 'mounted' | 'ejected' | 'gone';

/**
 * A removable drive behind an interface (STYLE.md, "Hardware behind interfaces"): the real one
 * over an OS mount point, a folder-backed one in tests. Intake only ever lists and reads through
 * it; nothing on it is executed or handed to the OS to open.
 */
export interface RemovableDrive {
  /** Stable while mounted: the mount path. */
  readonly id: string;
  /** What the person sees: the volume name. */
  readonly label: string;
  readonly mountPath: string;
  /** How intake reads its files (never through a link). */
  readonly reader: MediaReader;
  status(): Promise<DriveStatus>;
  /** Files intake would consider, OS litter skipped, links and oddities listed as refused. */
  listFiles(): Promise<Result<MediaListing, AppError>>;
  /** Unmounts so the stick can be pulled safely. */
  eject(): Promise<Result<void, AppError>>;
}
