import { execFile } from 'node:child_process';
import type { RemovableDrive } from './drive';
import { folderDrive } from './folder-drive';

/**
 * A real mounted drive: a folder-backed drive whose eject asks the OS to unmount it. The
 * commands get the mount path as one argument, never through a shell.
 */
export function osDrive(mountPath: string, label?: string): RemovableDrive {
  return folderDrive(mountPath, { ...(label ? { label } : {}), unmount: () => unmount(mountPath) });
}

function unmount(mountPath: string): Promise<{ ok: boolean; reason?: string }> {
  const [command, args] = ejectCommand(mountPath);
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 30_000, windowsHide: true }, (error, _stdout, stderr) => {
      resolve(
        error
          ? {
              ok: false,
              reason: String(stderr || error.message)
                .trim()
                .split('\n')[0],
            }
          : { ok: true },
      );
    });
  });
}

function ejectCommand(mountPath: string): [string, string[]] {
  switch (process.platform) {
    case 'darwin':
      return ['diskutil', ['eject', mountPath]];
    case 'win32':
      // Shell.Application's Eject verb is what Explorer's "Eject" does; the path is passed as data.
      return [
        'powershell.exe',
        [
          '-NoProfile',
          '-NonInteractive',
          '-Command',
          '$p = $args[0].TrimEnd("\\"); (New-Object -ComObject Shell.Application).Namespace(17).ParseName($p).InvokeVerb("Eject")',
          mountPath,
        ],
      ];
    default:
      // gio unmounts as the desktop's file manager does (udisks-mounted sticks need no root).
      return ['gio', ['mount', '--unmount', mountPath]];
  }
}
