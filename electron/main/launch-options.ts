import { join } from 'node:path';

export interface LaunchOptions {
  /** Open the separate demo database and fill it with the demo county when it is empty. */
  readonly demo: boolean;
  /** Where to keep the app's data instead of the OS default (tests, portable use). */
  readonly userDataDir: string | undefined;
}

/** Reads the command line and environment once; everything else gets plain values. */
export function parseLaunchOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): LaunchOptions {
  const demo = argv.includes('--demo') || env.TALLYROOM_DEMO === '1';
  const userDataDir = env.TALLYROOM_USER_DATA?.trim() || undefined;
  return { demo, userDataDir };
}

/** The demo lives in its own database so trying it never touches a real county's data. */
export function countyDatabasePath(userDataDir: string, demo: boolean): string {
  return demo ? join(userDataDir, 'demo', 'county.db') : join(userDataDir, 'county.db');
}
