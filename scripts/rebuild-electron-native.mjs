#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron/better_sqlite3.node.
//
// Why not `electron-builder install-app-deps` or `npm rebuild` (TOOLCHAIN.md, "two ABIs"):
// node_modules must stay on Node's ABI for the tests and the CLI, and a failed in-place rebuild
// deletes the working Node build. So this script compiles a COPY of the package in a temp
// folder and never writes inside node_modules. The main process hands the result to
// better-sqlite3 as `nativeBinding`; electron-builder ships it via extraResources.
//
// Usage: node scripts/rebuild-electron-native.mjs [--if-needed]
//   --if-needed  do nothing when the binary already matches the installed Electron and better-sqlite3
// Exit codes: 0 built (or already current), 1 could not build (one sentence on stderr, log on disk).

import { spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outputDir = join(projectRoot, 'native', 'electron');
const outputBinary = join(outputDir, 'better_sqlite3.node');
const stampFile = join(outputDir, 'better_sqlite3.json');
const logFile = join(outputDir, 'rebuild.log');
const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';
// Compiling SQLite takes about a minute on two cores; a stalled header download must not hang forever.
const BUILD_TIMEOUT_MS = 20 * 60 * 1000;

function fail(sentence) {
  process.stderr.write(`${sentence}\n`);
  process.exit(1);
}

function readPackageVersion(packageDir, what) {
  const packageJson = join(packageDir, 'package.json');
  if (!existsSync(packageJson))
    fail(`Cannot build the Electron database engine: ${what} is not installed (run npm ci first).`);
  return JSON.parse(readFileSync(packageJson, 'utf8')).version;
}

const electronVersion = readPackageVersion(join(projectRoot, 'node_modules', 'electron'), 'electron');
const sqlitePackageDir = join(projectRoot, 'node_modules', 'better-sqlite3');
const sqliteVersion = readPackageVersion(sqlitePackageDir, 'better-sqlite3');
const wanted = {
  electron: electronVersion,
  betterSqlite3: sqliteVersion,
  platform: process.platform,
  arch: process.arch,
};

function isCurrent() {
  if (!existsSync(outputBinary) || !existsSync(stampFile)) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    return Object.entries(wanted).every(([key, value]) => stamp[key] === value);
  } catch {
    return false;
  }
}

if (process.argv.includes('--if-needed') && isCurrent()) {
  console.log(`better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} is already built.`);
  process.exit(0);
}

/** The project's node-gyp or npm's own: both run with plain Node, no shell, no download. */
function findNodeGyp() {
  const candidates = [
    () => createRequire(join(projectRoot, 'package.json')).resolve('node-gyp/bin/node-gyp.js'),
    // npm sets npm_execpath (…/npm/bin/npm-cli.js) when it runs this script.
    () =>
      process.env.npm_execpath &&
      join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    () => npmBundledNodeGyp(npmGlobalPrefix()),
  ];
  for (const candidate of candidates) {
    try {
      const path = candidate();
      if (path && existsSync(path)) return path;
    } catch {
      // Not there; try the next place.
    }
  }
  return undefined;
}

function npmGlobalPrefix() {
  const isWindows = process.platform === 'win32';
  const result = spawnSync(isWindows ? 'npm.cmd' : 'npm', ['prefix', '-g'], { encoding: 'utf8', shell: isWindows });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function npmBundledNodeGyp(prefix) {
  if (!prefix) return undefined;
  // npm lives in <prefix>/lib/node_modules on Unix and <prefix>/node_modules on Windows.
  const layouts = [join(prefix, 'lib', 'node_modules'), join(prefix, 'node_modules')];
  return layouts.map((dir) => join(dir, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')).find(existsSync);
}

/**
 * npm passes ~/.npmrc settings to scripts as npm_config_* variables, and node-gyp reads them as
 * options: `nodedir=/usr` on this kind of machine silently builds for Node's ABI instead of
 * Electron's. Remove every setting that chooses what to build against.
 */
function cleanBuildEnvironment(env) {
  const targetSettings = new Set([
    'nodedir',
    'target',
    'target_arch',
    'arch',
    'runtime',
    'dist_url',
    'disturl',
    'build_from_source',
    'target_platform',
    'devdir',
  ]);
  const cleaned = {};
  for (const [name, value] of Object.entries(env)) {
    const match = /^npm_config_(.+)$/i.exec(name);
    if (match && targetSettings.has(match[1].toLowerCase().replaceAll('-', '_'))) continue;
    cleaned[name] = value;
  }
  return cleaned;
}

function explainFailure(log, result) {
  const relativeLog = relative(process.cwd(), logFile) || logFile;
  if (result.error?.code === 'ETIMEDOUT' || result.signal) {
    return `Could not build better-sqlite3 for Electron ${electronVersion}: node-gyp did not finish within ${BUILD_TIMEOUT_MS / 60000} minutes (details in ${relativeLog}).`;
  }
  if (
    /network connectivity|install got an error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|fetch failed|unable to get local issuer|self.signed|40[34] status/i.test(
      log,
    )
  ) {
    return `Could not build better-sqlite3 for Electron ${electronVersion}: node-gyp could not download Electron's headers from ${ELECTRON_HEADERS_URL}, so run this on a machine with internet access (details in ${relativeLog}).`;
  }
  return `Could not build better-sqlite3 for Electron ${electronVersion}: node-gyp failed to compile it; a C++ compiler, make and Python are needed (details in ${relativeLog}).`;
}

/** Compiles in a temp copy and installs the result; returns the failure sentence, or undefined on success. */
function buildIntoNative(nodeGyp, workDir) {
  const sourceCopy = join(workDir, 'better-sqlite3');
  // Copy everything but the Node build: node_modules/better-sqlite3/build is never touched.
  cpSync(sqlitePackageDir, sourceCopy, {
    recursive: true,
    filter: (source) => {
      const [top] = relative(sqlitePackageDir, source).split(sep);
      return top !== 'build' && top !== 'node_modules';
    },
  });

  console.log(
    `Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch}); this takes a minute or two...`,
  );
  const logFd = openSync(logFile, 'w');
  let result;
  try {
    result = spawnSync(
      process.execPath,
      [
        nodeGyp,
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${process.arch}`,
        `--dist-url=${ELECTRON_HEADERS_URL}`,
        '--jobs=max',
      ],
      {
        cwd: sourceCopy,
        env: cleanBuildEnvironment(process.env),
        stdio: ['ignore', logFd, logFd],
        timeout: BUILD_TIMEOUT_MS,
      },
    );
  } finally {
    closeSync(logFd);
  }

  const built = join(sourceCopy, 'build', 'Release', 'better_sqlite3.node');
  if (result.status !== 0 || !existsSync(built)) return explainFailure(readFileSync(logFile, 'utf8'), result);

  // Replace atomically, so a running app or an interrupted copy never leaves a partial binary.
  const staging = `${outputBinary}.partial`;
  cpSync(built, staging);
  renameSync(staging, outputBinary);
  writeFileSync(stampFile, `${JSON.stringify({ ...wanted, builtAt: new Date().toISOString() }, null, 2)}\n`);
  return undefined;
}

const nodeGyp = findNodeGyp();
if (!nodeGyp)
  fail(
    'Cannot build the Electron database engine: node-gyp was not found (it ships with npm; reinstall npm or run `npm i -g node-gyp`).',
  );

mkdirSync(outputDir, { recursive: true });
const workDir = mkdtempSync(join(tmpdir(), 'tallyroom-electron-sqlite-'));
let failure;
try {
  failure = buildIntoNative(nodeGyp, workDir);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
if (failure) fail(failure);
console.log(`Built ${relative(projectRoot, outputBinary)} for Electron ${electronVersion}.`);
