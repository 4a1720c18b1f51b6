/**
 * Which Tallyroom this laptop is on this start (docs/TEAM.md): the county on this laptop
 * (alone, or as the team hub), or a station of another laptop's hub. Pure decisions on plain values,
 * tested without Electron; index.ts only asks the file system and shows the first-run question.
 */
import { dirname, join } from 'node:path';
import { DEFAULT_HUB_PORT } from '../core/team/contract';
import type { TeamHubSetting } from '../core/team/team-hub-setting';
import { countyDatabasePath, type LaunchOptions } from './launch-options';

export type AppMode =
  /** The county database on this laptop; whether it is also the team hub is `hubPlan`'s answer. */
  | { readonly kind: 'county'; readonly databasePath: string }
  /** No county database: the station's own folder (pairing, pinned certificate, outbox). */
  | { readonly kind: 'station'; readonly dataDir: string }
  /** First start with nothing on this laptop: ask whether it opens a county or joins a hub. */
  | { readonly kind: 'choose' };

/** The station's folder inside the app's data folder (userData/station). */
export function stationDataDir(userDataDir: string): string {
  return join(userDataDir, 'station');
}

/** The hub's certificate and key beside the county database, as `tallyroom hub` keeps them. */
export function hubDataDir(databasePath: string): string {
  return join(dirname(databasePath), 'team-hub');
}

/**
 * The command line first (scripted set-ups), then what is already on this laptop: a county
 * database makes it the county's laptop, a station folder a station. The demo is always a county.
 */
export function decideAppMode(options: {
  readonly launch: Pick<LaunchOptions, 'demo' | 'team'>;
  readonly userDataDir: string;
  readonly exists: (path: string) => boolean;
}): AppMode {
  const { launch, userDataDir, exists } = options;
  const county: AppMode = { kind: 'county', databasePath: countyDatabasePath(userDataDir, launch.demo) };
  const station: AppMode = { kind: 'station', dataDir: stationDataDir(userDataDir) };
  if (launch.team?.kind === 'station') return station;
  if (launch.demo || launch.team?.kind === 'hub') return county;
  if (exists(county.databasePath)) return county;
  if (exists(join(station.dataDir, 'station.db'))) return station;
  return { kind: 'choose' };
}

/** Where the hub listens, or null when this county laptop works alone. */
export interface HubPlan {
  readonly dataDir: string;
  readonly port: number;
  /** The office network: stations are other laptops. */
  readonly host: string;
}

/** `--hub` runs the hub this start (on its port, else the setting's); otherwise the chair's setting decides. */
export function hubPlan(options: {
  readonly launch: Pick<LaunchOptions, 'team'>;
  readonly databasePath: string;
  readonly setting: TeamHubSetting | null;
}): HubPlan | null {
  const { launch, databasePath, setting } = options;
  const plan = (port: number): HubPlan => ({ dataDir: hubDataDir(databasePath), port, host: '0.0.0.0' });
  if (launch.team?.kind === 'hub') return plan(launch.team.port ?? setting?.port ?? DEFAULT_HUB_PORT);
  if (setting?.enabled) return plan(setting.port);
  return null;
}

/** The first-run question, asked once: the answer leaves a county database or a station folder behind. */
export const FIRST_RUN_QUESTION = {
  title: 'Welcome to Tallyroom',
  message: 'How will this laptop be used?',
  detail:
    'Open the county on this laptop if this is the chair’s laptop or Tallyroom runs on one laptop only. ' +
    'Join a county hub as a station if the chair’s laptop is the hub and this laptop keys results for it.',
  buttons: ['Open the county on this laptop', 'Join a county hub as a station', 'Quit'],
} as const;

/** The mode the first-run answer stands for (the button's index); null: quit. */
export function modeOfFirstRunAnswer(
  answer: number,
  options: { readonly userDataDir: string; readonly demo: boolean },
): Exclude<AppMode, { kind: 'choose' }> | null {
  if (answer === 0) return { kind: 'county', databasePath: countyDatabasePath(options.userDataDir, options.demo) };
  if (answer === 1) return { kind: 'station', dataDir: stationDataDir(options.userDataDir) };
  return null;
}
