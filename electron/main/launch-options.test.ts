import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countyDatabasePath, parseLaunchOptions } from './launch-options';

describe('parseLaunchOptions', () => {
  it('is the real county by default', () => {
    expect(parseLaunchOptions(['/usr/bin/tallyroom'], {})).toEqual({
      demo: false,
      userDataDir: undefined,
      team: undefined,
      problem: undefined,
    });
  });

  it('turns on the demo with --demo or TALLYROOM_DEMO=1', () => {
    expect(parseLaunchOptions(['electron', 'out/main/index.js', '--demo'], {}).demo).toBe(true);
    expect(parseLaunchOptions(['tallyroom'], { TALLYROOM_DEMO: '1' }).demo).toBe(true);
    expect(parseLaunchOptions(['tallyroom'], { TALLYROOM_DEMO: '0' }).demo).toBe(false);
    expect(parseLaunchOptions(['tallyroom', '--demonstration'], {}).demo).toBe(false);
  });

  it('takes a data folder from TALLYROOM_USER_DATA, ignoring a blank one', () => {
    expect(parseLaunchOptions([], { TALLYROOM_USER_DATA: '/tmp/t1' }).userDataDir).toBe('/tmp/t1');
    expect(parseLaunchOptions([], { TALLYROOM_USER_DATA: '  ' }).userDataDir).toBeUndefined();
  });
});

describe('team mode on the command line', () => {
  it("runs as the hub with --hub, on the setting's port unless --hub=PORT says another", () => {
    expect(parseLaunchOptions(['tallyroom', '--hub'], {}).team).toEqual({ kind: 'hub', port: undefined });
    expect(parseLaunchOptions(['tallyroom', '--hub=8443'], {}).team).toEqual({ kind: 'hub', port: 8443 });
    expect(parseLaunchOptions(['tallyroom', '--hub=0'], {}).team).toEqual({ kind: 'hub', port: 0 });
  });

  it('runs as a station with --station', () => {
    expect(parseLaunchOptions(['tallyroom', '--station'], {}).team).toEqual({ kind: 'station' });
  });

  it('does not mistake look-alike switches for team mode', () => {
    expect(parseLaunchOptions(['tallyroom', '--hubble', '--stations'], {}).team).toBeUndefined();
  });

  it('refuses both at once, or a port that is not one, with a sentence', () => {
    const both = parseLaunchOptions(['tallyroom', '--hub', '--station'], {});
    expect(both.team).toBeUndefined();
    expect(both.problem).toMatch(/both --hub and --station/);
    for (const bad of ['--hub=', '--hub=70000', '--hub=80a', '--hub=-1']) {
      const parsed = parseLaunchOptions(['tallyroom', bad], {});
      expect(parsed.team, bad).toBeUndefined();
      expect(parsed.problem, bad).toMatch(/port must be a whole number/);
    }
  });
});

describe('countyDatabasePath', () => {
  it('keeps the demo in its own folder so it never touches the real county', () => {
    expect(countyDatabasePath('/data', false)).toBe(join('/data', 'county.db'));
    expect(countyDatabasePath('/data', true)).toBe(join('/data', 'demo', 'county.db'));
  });
});
