/**
 * The OS safe-eject behind DriveEjector: which commands run, with the mount path as an argument
 * (never through a shell), and that only a confirmed unmount counts as ejected. The command runner
 * is the substituted hardware here; api.bundle.test.ts drives the whole USB export.
 */
import { describe, expect, it } from 'vitest';
import { osDriveEjector } from '../../electron/core/bundle/drive-ejector';

type Call = readonly [string, readonly string[]];

function runner(answers: Record<string, { ok: boolean; stdout?: string; reason?: string }>) {
  const calls: Call[] = [];
  const run = async (command: string, args: readonly string[]) => {
    calls.push([command, args]);
    const answer = answers[`${command} ${args[0] ?? ''}`] ?? { ok: true };
    return { ok: answer.ok, stdout: answer.stdout ?? '', ...(answer.reason ? { reason: answer.reason } : {}) };
  };
  return { calls, run };
}

describe('ejecting a USB stick through the OS', () => {
  it('Linux: finds the device, unmounts it with udisks, then powers it off', async () => {
    const { calls, run } = runner({ 'findmnt -n': { ok: true, stdout: '/dev/sdb1\n' } });
    const result = await osDriveEjector('linux', run).eject('/media/pat/COUNTY USB');
    expect(result).toEqual({ ok: true });
    expect(calls).toEqual([
      ['findmnt', ['-n', '-o', 'SOURCE', '--target', '/media/pat/COUNTY USB']],
      ['udisksctl', ['unmount', '--no-user-interaction', '-b', '/dev/sdb1']],
      ['udisksctl', ['power-off', '--no-user-interaction', '-b', '/dev/sdb1']],
    ]);
  });

  it('Linux: a busy drive is not ejected, and nothing is powered off', async () => {
    const { calls, run } = runner({
      'findmnt -n': { ok: true, stdout: '/dev/sdb1\n' },
      'udisksctl unmount': { ok: false, reason: 'Error unmounting /dev/sdb1: target is busy' },
    });
    const result = await osDriveEjector('linux', run).eject('/media/pat/STICK');
    expect(result).toEqual({ ok: false, reason: 'Error unmounting /dev/sdb1: target is busy' });
    expect(calls.map(([command, args]) => `${command} ${args[0]}`)).toEqual(['findmnt -n', 'udisksctl unmount']);
  });

  it('Linux: a folder that is not a mounted device is never reported as ejected', async () => {
    const { run } = runner({ 'findmnt -n': { ok: true, stdout: 'tmpfs\n' } });
    expect(await osDriveEjector('linux', run).eject('/media/pat/NOT-A-STICK')).toEqual({
      ok: false,
      reason: 'no mounted device found at /media/pat/NOT-A-STICK',
    });
  });

  it('macOS: diskutil eject; Windows: the Explorer Eject verb with the path as data', async () => {
    const mac = runner({});
    expect(await osDriveEjector('darwin', mac.run).eject('/Volumes/COUNTY')).toEqual({ ok: true });
    expect(mac.calls).toEqual([['diskutil', ['eject', '/Volumes/COUNTY']]]);

    const windows = runner({});
    await osDriveEjector('win32', windows.run).eject('E:\\');
    const [command, args] = windows.calls[0] ?? ['', []];
    expect(command).toBe('powershell.exe');
    expect(args.at(-1)).toBe('E:\\');
    expect(args.join(' ')).toContain('InvokeVerb("Eject")');
  });
});
