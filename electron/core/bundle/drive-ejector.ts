import { execFile } from 'node:child_process';

/** Asks the OS to let a removable drive go. Behind an interface so tests substitute only the hardware. */
export interface DriveEjector {
  eject(mountPath: string): Promise<{ readonly ok: boolean; readonly reason?: string }>;
}

type Run = (command: string, args: readonly string[]) => Promise<{ ok: boolean; stdout: string; reason?: string }>;

/** Runs a command with its arguments as data, never through a shell. */
export const runCommand: Run = (command, args) =>
  new Promise((resolve) => {
    execFile(command, [...args], { timeout: 60_000, windowsHide: true }, (error, stdout, stderr) => {
      resolve(
        error
          ? {
              ok: false,
              stdout: String(stdout),
              reason:
                String(stderr || error.message)
                  .trim()
                  .split('\n')[0] ?? '',
            }
          : { ok: true, stdout: String(stdout) },
      );
    });
  });

/**
 * The OS's own safe-eject: on Linux udisks unmounts the filesystem (flushing it) and powers the
 * stick off, as the desktop's "Safely remove" does; macOS `diskutil eject`; Windows Explorer's
 * Eject verb through PowerShell. Only success of the unmount means the stick may be pulled.
 */
export function osDriveEjector(platform: NodeJS.Platform = process.platform, run: Run = runCommand): DriveEjector {
  return {
    async eject(mountPath) {
      switch (platform) {
        case 'darwin':
          return outcome(await run('diskutil', ['eject', mountPath]));
        case 'win32':
          return outcome(
            await run('powershell.exe', [
              '-NoProfile',
              '-NonInteractive',
              '-Command',
              '$p = $args[0].TrimEnd("\\"); (New-Object -ComObject Shell.Application).Namespace(17).ParseName($p).InvokeVerb("Eject")',
              mountPath,
            ]),
          );
        default: {
          const source = await run('findmnt', ['-n', '-o', 'SOURCE', '--target', mountPath]);
          const device = source.stdout.trim().split('\n')[0] ?? '';
          if (!source.ok || !device.startsWith('/dev/')) {
            return { ok: false, reason: `no mounted device found at ${mountPath}` };
          }
          const unmounted = await run('udisksctl', ['unmount', '--no-user-interaction', '-b', device]);
          if (!unmounted.ok) return outcome(unmounted);
          // Unmounted is already safe to pull; powering off is a courtesy some readers refuse.
          await run('udisksctl', ['power-off', '--no-user-interaction', '-b', device]);
          return { ok: true };
        }
      }
    },
  };
}

function outcome(result: { ok: boolean; reason?: string }): { ok: boolean; reason?: string } {
  return result.ok ? { ok: true } : { ok: false, ...(result.reason ? { reason: result.reason } : {}) };
}
