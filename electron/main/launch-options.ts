import { join } from 'node:path';

export interface LaunchOptions {
  /** Open the separate demo database and fill it with the demo county when it is empty. */
  readonly demo: boolean;
  /** Where to keep the app's data instead of the OS default (tests, portable use). */
  readonly userDataDir: string | undefined;
  /**
   * Team mode for scripted set-ups (docs/TEAM.md): `--hub` or `--hub=PORT` (0: any free port) runs the county as the team
   * hub this start; `--station` runs as a station (no county database, the station data folder).
   * Undefined: the county's own setting and the data folder decide (team-mode.ts).
   */
  readonly team: TeamLaunch | undefined;
  /** A sentence when the command line cannot be followed (e.g. both --hub and --station). */
  readonly problem: string | undefined;
}

export type TeamLaunch = { readonly kind: 'hub'; readonly port: number | undefined } | { readonly kind: 'station' };

/** Reads the command line and environment once; everything else gets plain values. */
export function parseLaunchOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): LaunchOptions {
  const demo = argv.includes('--demo') || env.TALLYROOM_DEMO === '1';
  const userDataDir = env.TALLYROOM_USER_DATA?.trim() || undefined;
  const team = teamLaunchOf(argv);
  return { demo, userDataDir, team: team.ok ? team.value : undefined, problem: team.ok ? undefined : team.problem };
}

function teamLaunchOf(
  argv: readonly string[],
): { ok: true; value: TeamLaunch | undefined } | { ok: false; problem: string } {
  const hubArgs = argv.filter((arg) => arg === '--hub' || arg.startsWith('--hub='));
  const station = argv.includes('--station');
  if (hubArgs.length > 0 && station) {
    return { ok: false, problem: 'Tallyroom was started with both --hub and --station; a laptop is one or the other.' };
  }
  if (station) return { ok: true, value: { kind: 'station' } };
  const [hub] = hubArgs;
  if (hub === undefined) return { ok: true, value: undefined };
  if (hub === '--hub') return { ok: true, value: { kind: 'hub', port: undefined } };
  const text = hub.slice('--hub='.length);
  const port = Number(text);
  // 0 asks for any free port (scripted tests on one machine).
  if (!/^\d{1,5}$/.test(text) || port > 65535) {
    return { ok: false, problem: `--hub=${text}: the hub's port must be a whole number from 0 to 65535.` };
  }
  return { ok: true, value: { kind: 'hub', port } };
}

/** The demo lives in its own database so trying it never touches a real county's data. */
export function countyDatabasePath(userDataDir: string, demo: boolean): string {
  return demo ? join(userDataDir, 'demo', 'county.db') : join(userDataDir, 'county.db');
}
