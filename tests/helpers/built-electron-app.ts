/**
 * The app built as shipped (`electron-vite build`: main, preload, renderer) into a folder of its own,
 * laid out like the app's root (package.json, out/, resources/), for tests that start the built main
 * process (electron-shell.test.ts). Its own folder, not the repository's out/: other test runs and
 * end-to-end runs on the same working tree read out/ while this builds.
 *
 * It lives in the test run's programs folder (test-programs.ts), removed with it when the run ends;
 * under node_modules, so the bundle's external packages load from the repository's node_modules.
 * No native/ folder: better-sqlite3 loads Node's build, as in every other test.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, TEST_PROGRAMS_DIR_VARIABLE } from './test-programs';

export interface BuiltElectronApp {
  /** The app's root: what app-layout.ts finds from the main bundle's folder. */
  readonly root: string;
  readonly mainPath: string;
  readonly preloadPath: string;
  readonly rendererIndexPath: string;
}

export async function buildElectronApp(): Promise<BuiltElectronApp> {
  const programsDir = process.env[TEST_PROGRAMS_DIR_VARIABLE];
  if (!programsDir) throw new Error(`${TEST_PROGRAMS_DIR_VARIABLE} is not set: run the test through vitest.`);
  // Real path: the main process reports paths as Node resolved its modules, symlinks followed.
  const root = join(realpathSync(programsDir), `electron-app-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  // The root of the app holds its package.json ("type": "module" makes out/main/*.js ES modules).
  copyFileSync(join(REPO_ROOT, 'package.json'), join(root, 'package.json'));
  symlinkSync(join(REPO_ROOT, 'resources'), join(root, 'resources'), 'dir');
  await promisify(execFile)(
    process.execPath,
    [join(REPO_ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', join(root, 'out')],
    { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  return {
    root,
    mainPath: join(root, 'out/main/index.js'),
    preloadPath: join(root, 'out/preload/index.cjs'),
    rendererIndexPath: join(root, 'out/renderer/index.html'),
  };
}
