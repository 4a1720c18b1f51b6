/**
 * Team mode in the real app (docs/TEAM.md): the built app started with `--hub` serves the team hub
 * beside its window and stops listening when it quits; started with `--station` and no county, it
 * opens on "Connect to the county hub" with the station's Api behind the same IPC bridge.
 * Runs where an Electron binary exists (Linux CI: under xvfb-run); skipped elsewhere, like app.spec.ts.
 * What can run in Node is tested in Node: electron/main/team-mode.test.ts, team-api.test.ts.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, expect, type Page, test } from '@playwright/test';
import { findElectronBinary } from './electron-binary';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronBinary = findElectronBinary(projectRoot);
const mainBundle = join(projectRoot, 'out', 'main', 'index.js');

test.skip(
  !electronBinary,
  'Electron binary not installed on this machine (no download possible); the shell is covered where a binary exists',
);
test.describe.configure({ mode: 'serial' });

interface Started {
  readonly app: ElectronApplication;
  readonly page: Page;
  readonly userDataDir: string;
}

async function launch(args: readonly string[]): Promise<Started> {
  if (!existsSync(mainBundle)) throw new Error('The app is not built: run `npx electron-vite build` first.');
  const userDataDir = mkdtempSync(join(tmpdir(), 'tallyroom-electron-team-'));
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'ELECTRON_RENDERER_URL' && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value;
  }
  const app = await _electron.launch({
    executablePath: electronBinary,
    args: [mainBundle, ...args],
    cwd: projectRoot,
    env: { ...env, TALLYROOM_USER_DATA: userDataDir },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page, userDataDir };
}

type TeamStatusAnswer = {
  ok: boolean;
  value: { mode: string; hub?: { port: number; fingerprint: string } | null; station?: { paired: boolean } };
};

const teamStatus = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { tallyroom: { getTeamStatus(input: object): Promise<unknown> } }).tallyroom.getTeamStatus(
      {},
    ),
  ) as Promise<TeamStatusAnswer>;

/** Whether something accepts TCP connections on the loopback port. */
const listening = (port: number) =>
  new Promise<boolean>((answer) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      answer(true);
    });
    socket.once('error', () => answer(false));
  });

test('--hub: the app is the team hub while it runs, and stops listening when it quits', async () => {
  const { app, page, userDataDir } = await launch(['--demo', '--hub=0']);
  try {
    const status = await teamStatus(page);
    expect(status.ok).toBe(true);
    expect(status.value.mode).toBe('hub');
    const port = status.value.hub?.port ?? 0;
    expect(port).toBeGreaterThan(0);
    expect(status.value.hub?.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(await listening(port)).toBe(true);
    // The hub's certificate and key are kept beside the (demo) county database.
    expect(existsSync(join(userDataDir, 'demo', 'team-hub'))).toBe(true);

    await app.close();
    expect(await listening(port)).toBe(false);
  } finally {
    await app.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

test('--station: no county database, the station folder, and the pairing screen first', async () => {
  const { app, page, userDataDir } = await launch(['--station']);
  try {
    const status = await teamStatus(page);
    expect(status.value).toMatchObject({ mode: 'station', station: { paired: false } });
    await expect(page.getByRole('heading', { name: 'Connect to the county hub' })).toBeVisible();
    expect(existsSync(join(userDataDir, 'station', 'station.db'))).toBe(true);
    expect(existsSync(join(userDataDir, 'county.db'))).toBe(false);
  } finally {
    await app.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  }
});
