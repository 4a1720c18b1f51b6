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
 * - packages stay external and load from the repository's node_modules (the build goes under
 *   node_modules/.cache, so Node finds them exactly as it does from scripts/), better-sqlite3 on
 *   Node's ABI as in every other test;
 * - `import.meta.url` and `import.meta.dirname` in each module keep the module's source location,
 *   so resources, package.json and worker files are found where the source finds them (a worker
 *   thread still starts from its .ts file with tsx, as it does from source).
 * The wrapper scripts/bin/tallyroom.mjs itself (tsx's register, then runCli) is only two lines;
 * tests/integration/cli.test.ts still runs it as is.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
// esbuild comes with tsx (a dependency): the same compiler that runs the source.
import { build, type Plugin } from 'esbuild';

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

/** Each module keeps its own source location for `import.meta.url` / `import.meta.dirname`. */
const keepSourceLocation: Plugin = {
  name: 'keep-source-location',
  setup(bundler) {
    bundler.onLoad({ filter: /\.[cm]?tsx?$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents: source, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

/**
 * Builds every test program into a new folder under node_modules/.cache (one per run: several
 * test runs may share the working tree) and returns that folder. Remove it with removeTestPrograms.
 */
export async function buildTestPrograms(): Promise<string> {
  const cacheDir = join(REPO_ROOT, 'node_modules/.cache/tallyroom-test-programs');
  removeBuildsOfEndedRuns(cacheDir);
  const outDir = join(cacheDir, `${process.pid}-${randomBytes(6).toString('hex')}`);
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(TEST_PROGRAMS).map(([name, source]) => [name, join(REPO_ROOT, source)]),
    ),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    // Shared code in common chunks, and each command's modules (and the packages they import)
    // loaded only when that command runs, as from source.
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    plugins: [keepSourceLocation],
    logLevel: 'error',
  });
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
  return join(outDir, `${name}.mjs`);
}
