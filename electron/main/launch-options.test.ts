import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countyDatabasePath, parseLaunchOptions } from './launch-options';

describe('parseLaunchOptions', () => {
  it('is the real county by default', () => {
    expect(parseLaunchOptions(['/usr/bin/tallyroom'], {})).toEqual({ demo: false, userDataDir: undefined });
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

describe('countyDatabasePath', () => {
  it('keeps the demo in its own folder so it never touches the real county', () => {
    expect(countyDatabasePath('/data', false)).toBe(join('/data', 'county.db'));
    expect(countyDatabasePath('/data', true)).toBe(join('/data', 'demo', 'county.db'));
  });
});
