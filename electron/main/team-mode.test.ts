import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HUB_PORT } from '../core/team/contract';
import type { LaunchOptions } from './launch-options';
import { decideAppMode, hubPlan, modeOfFirstRunAnswer, stationDataDir } from './team-mode';

const DATA = '/data';
const COUNTY_DB = join(DATA, 'county.db');
const STATION_DB = join(DATA, 'station', 'station.db');
const plain: Pick<LaunchOptions, 'demo' | 'team'> = { demo: false, team: undefined };
const having =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe('decideAppMode', () => {
  it('asks on the very first start, when neither a county nor a station is on this laptop', () => {
    expect(decideAppMode({ launch: plain, userDataDir: DATA, exists: having() })).toEqual({ kind: 'choose' });
  });

  it('opens the county when its database is here, and a station when only its folder is', () => {
    expect(decideAppMode({ launch: plain, userDataDir: DATA, exists: having(COUNTY_DB) })).toEqual({
      kind: 'county',
      databasePath: COUNTY_DB,
    });
    expect(decideAppMode({ launch: plain, userDataDir: DATA, exists: having(STATION_DB) })).toEqual({
      kind: 'station',
      dataDir: join(DATA, 'station'),
    });
    // A county database wins over a station folder left from an earlier use of the laptop.
    expect(decideAppMode({ launch: plain, userDataDir: DATA, exists: having(COUNTY_DB, STATION_DB) }).kind).toBe(
      'county',
    );
  });

  it('follows --station and --hub without asking, whatever is on the laptop', () => {
    const station = { demo: false, team: { kind: 'station' } } as const;
    const hub = { demo: false, team: { kind: 'hub', port: undefined } } as const;
    expect(decideAppMode({ launch: station, userDataDir: DATA, exists: having(COUNTY_DB) }).kind).toBe('station');
    expect(decideAppMode({ launch: hub, userDataDir: DATA, exists: having() })).toEqual({
      kind: 'county',
      databasePath: COUNTY_DB,
    });
  });

  it('keeps the demo a county in its own folder, never a station question', () => {
    expect(decideAppMode({ launch: { demo: true, team: undefined }, userDataDir: DATA, exists: having() })).toEqual({
      kind: 'county',
      databasePath: join(DATA, 'demo', 'county.db'),
    });
  });
});

describe('hubPlan', () => {
  const databasePath = COUNTY_DB;
  const hubDir = join(DATA, 'team-hub');

  it('works alone unless the chair turned team mode on or --hub says so', () => {
    expect(hubPlan({ launch: plain, databasePath, setting: null })).toBeNull();
    expect(hubPlan({ launch: plain, databasePath, setting: { enabled: false, port: 8443 } })).toBeNull();
  });

  it('starts the hub on every start once the setting is on, on its port, on the office network', () => {
    expect(hubPlan({ launch: plain, databasePath, setting: { enabled: true, port: 8443 } })).toEqual({
      dataDir: hubDir,
      port: 8443,
      host: '0.0.0.0',
    });
  });

  it("--hub starts it this time: its own port first, then the setting's, then the default", () => {
    const hub = (port: number | undefined) => ({ team: { kind: 'hub', port } }) as const;
    expect(hubPlan({ launch: hub(9000), databasePath, setting: { enabled: false, port: 8443 } })?.port).toBe(9000);
    expect(hubPlan({ launch: hub(undefined), databasePath, setting: { enabled: false, port: 8443 } })?.port).toBe(8443);
    expect(hubPlan({ launch: hub(undefined), databasePath, setting: null })?.port).toBe(DEFAULT_HUB_PORT);
  });
});

describe('modeOfFirstRunAnswer', () => {
  it('maps the buttons to a county, a station folder, or quitting', () => {
    expect(modeOfFirstRunAnswer(0, { userDataDir: DATA, demo: false })).toEqual({
      kind: 'county',
      databasePath: COUNTY_DB,
    });
    expect(modeOfFirstRunAnswer(1, { userDataDir: DATA, demo: false })).toEqual({
      kind: 'station',
      dataDir: stationDataDir(DATA),
    });
    expect(modeOfFirstRunAnswer(2, { userDataDir: DATA, demo: false })).toBeNull();
    expect(modeOfFirstRunAnswer(-1, { userDataDir: DATA, demo: false })).toBeNull();
  });
});
