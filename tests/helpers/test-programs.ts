/**
 * The programs the tests run as real subprocesses (the `tallyroom` command, the serve harness, the
 * crash workers), built once per test run into plain JavaScript.
 *
 * Why: run from source, every start of one of them compiles and resolves a few hundred TypeScript
 * modules through tsx, over a second of CPU each time, and the CLI tests start hundreds of them.
 * Built once with esbuild (the compiler tsx itself uses), a start is plain `node` on one file.
 *
 * What stays the same as running from source, so the tests still test the shipped behaviour:
 * - the same source compiled by the same compiler, run in its own process with its real argv,
 *   exit code, stdout and stderr;
 * - packages load from the repository's node_modules (the build goes under node_modules/.cache, so
 *   Node finds them as it does from scripts/), better-sqlite3 on Node's ABI as in every other test,
 *   except the few pure JavaScript ones the installed command has compiled in too;
 * - built by the same function as the installed command (scripts/cli/build-cli.mjs): `import.meta.dirname`
 *   keeps each module's source folder, so resources and package.json are found where the source
 *   finds them, and the worker threads are built beside the programs, where the code looks for them.
 * The wrapper scripts/bin/tallyroom.mjs (which picks out/cli or tsx) is a few lines;
 * tests/integration/cli.test.ts still runs it as is.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildPrograms } from '../../scripts/cli/build-cli.mjs';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** The real command as users run it (through tsx): for the test that the wrapper itself works. */
export const TALLYROOM_BIN_FROM_SOURCE = join(REPO_ROOT, 'scripts/bin/tallyroom.mjs');

/** The built programs, by name, and the source each is built from; each runs as `node FILE ...args`. */
export const TEST_PROGRAMS = {
  tallyroom: 'tests/helpers/tallyroom-cli-entry.ts',
  serve: 'scripts/serve/main.ts',
  'crash-worker': 'tests/helpers/crash-worker.ts',
  'crash-worker-export': 'tests/helpers/crash-worker-export.ts',
  'crash-worker-resolve': 'tests/helpers/crash-worker-resolve.ts',
  // Not a program: loaded with `node --import` before the built Electron main process (electron-shell.test.ts).
  'electron-stand-in': 'tests/helpers/electron-stand-in.ts',
} as const;

export type TestProgram = keyof typeof TEST_PROGRAMS;

/** Environment variable naming the folder of built programs, for test processes and their children. */
export const TEST_PROGRAMS_DIR_VARIABLE = 'TALLYROOM_TEST_PROGRAMS_DIR';

/**
 * Builds every test program into a new folder under node_modules/.cache (one per run: several
 * test runs may share the working tree) and returns that folder. Remove it with removeTestPrograms.
 */
export async function buildTestPrograms(): Promise<string> {
  const cacheDir = join(REPO_ROOT, 'node_modules/.cache/tallyroom-test-programs');
  removeBuildsOfEndedRuns(cacheDir);
  const outDir = join(cacheDir, `${process.pid}-${randomBytes(6).toString('hex')}`);
  await buildPrograms(TEST_PROGRAMS, outDir);
  return outDir;
}

export function removeTestPrograms(outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
}

/** A run that was killed never removed its build: each folder is named after its run's process. */
function removeBuildsOfEndedRuns(cacheDir: string): void {
  let folders: string[];
  try {
    folders = readdirSync(cacheDir);
  } catch {
    return;
  }
  for (const folder of folders) {
    const pid = Number(folder.split('-')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || !processIsRunning(pid)) removeTestPrograms(join(cacheDir, folder));
  }
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The built file of one program, for `spawn(process.execPath, [testProgram('tallyroom'), ...args])`.
 * Needs the folder from the test run's global setup (vitest.config.ts, playwright.config.ts).
 */
export function testProgram(name: TestProgram): string {
  const outDir = process.env[TEST_PROGRAMS_DIR_VARIABLE];
  if (!outDir) {
    throw new Error(
      `${TEST_PROGRAMS_DIR_VARIABLE} is not set: run the tests through vitest or playwright with the project's config, whose global setup builds the test programs.`,
    );
  }
  return join(outDir, `${name}.js`);
}
