import { join } from 'node:path';

/**
 * Where removable drives appear, per OS. `parent`: each folder inside is a mounted drive
 * (Linux /media/$USER and /run/media/$USER, macOS /Volumes). `drive`: the path itself is a
 * drive when it exists (Windows drive letters; C: is the system disk and is left out).
 * Configurable: the app's settings may pass other roots (a county's own automount folder).
 */
export interface MountRoot {
  readonly path: string;
  readonly kind: 'parent' | 'drive';
}

export function defaultMountRoots(
  platform: NodeJS.Platform = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
): MountRoot[] {
  const user = env.USER ?? env.LOGNAME ?? env.USERNAME ?? '';
  switch (platform) {
    case 'linux':
      return user === ''
        ? [{ path: '/media', kind: 'parent' }]
        : [
            { path: join('/media', user), kind: 'parent' },
            { path: join('/run/media', user), kind: 'parent' },
          ];
    case 'darwin':
      return [{ path: '/Volumes', kind: 'parent' }];
    case 'win32':
      return 'DEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((letter) => ({ path: `${letter}:\\`, kind: 'drive' as const }));
    default:
      return [];
  }
}
