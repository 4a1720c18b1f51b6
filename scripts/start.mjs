#!/usr/bin/env node
// What `npm start` runs (the README's first command is `npm ci && npm start`): build the app and
// open it on the demo county. Electron's binary is downloaded on first use from a host that
// some machines cannot reach (TOOLCHAIN.md); there the same app opens in the browser through
// the local serve harness instead, so `npm start` always shows Tallyroom.
// Extra arguments are passed on: `npm start -- --some-flag`.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const passThroughArgs = process.argv.slice(2);

function fail(sentence) {
  process.stderr.write(`${sentence}\n`);
  process.exit(1);
}

/** Electron's executable, found without requiring 'electron' (which would try to download it). */
function findElectronBinary() {
  const fromEnvironment = process.env.ELECTRON_EXEC_PATH?.trim();
  if (fromEnvironment) {
    if (existsSync(fromEnvironment)) return fromEnvironment;
    console.warn(`ELECTRON_EXEC_PATH is set to ${fromEnvironment}, which does not exist.`);
    return undefined;
  }
  const electronDir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/** The JS file behind a package's command, run with this Node: no shell, same on every OS. */
function packageBin(packageName, command) {
  const packageDir = join(projectRoot, 'node_modules', packageName);
  const packageJsonPath = join(packageDir, 'package.json');
  if (!existsSync(packageJsonPath)) fail(`${packageName} is not installed: run \`npm ci\` first.`);
  const { bin } = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
  return join(packageDir, typeof bin === 'string' ? bin : bin[command]);
}

function runToCompletion(what, args, options = {}) {
  const result = spawnSync(process.execPath, args, { cwd: projectRoot, stdio: 'inherit', ...options });
  if (result.status !== 0)
    fail(`${what} failed (exit code ${result.status ?? result.signal}); see the messages above.`);
}

function buildApp() {
  runToCompletion('Building Tallyroom (electron-vite build)', [packageBin('electron-vite', 'electron-vite'), 'build']);
}

/** Runs the app until it exits, then exits with its code; Ctrl-C reaches it through the terminal. */
function runUntilExit(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: projectRoot, stdio: 'inherit', env });
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('error', (error) => fail(`Could not start ${command}: ${error.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function startInElectron(electronBinary) {
  buildApp();
  // node_modules holds better-sqlite3 for Node; Electron needs its own build (TOOLCHAIN.md, "two ABIs").
  runToCompletion('Building the database engine for Electron', [
    join(projectRoot, 'scripts', 'rebuild-electron-native.mjs'),
    '--if-needed',
  ]);
  const env = { ...process.env };
  // Set by some tools; it would make Electron behave as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  runUntilExit(electronBinary, [projectRoot, '--demo', ...passThroughArgs], env);
}

function startInBrowser() {
  const demoDatabase = join(projectRoot, '.tallyroom-demo', 'county.db');
  console.log(
    [
      'The Electron binary is not installed on this machine: the electron package downloads it on first use,',
      'and this machine cannot reach its download host. To get the desktop app, run',
      '`node node_modules/electron/install.js` on a machine with internet access (or set ELECTRON_EXEC_PATH',
      'to an Electron executable). Starting the same app in your browser instead, on the demo county',
      `(kept in ${demoDatabase}); open the address printed below.`,
    ].join('\n'),
  );
  const serveEntry = join(projectRoot, 'scripts', 'serve', 'main.ts');
  if (!existsSync(serveEntry)) fail('The browser harness (scripts/serve/main.ts) is missing from this checkout.');
  buildApp();
  mkdirSync(dirname(demoDatabase), { recursive: true });
  runUntilExit(process.execPath, [
    packageBin('tsx', 'tsx'),
    serveEntry,
    '--demo',
    '--db',
    demoDatabase,
    ...passThroughArgs,
  ]);
}

/**
 * Electron 45 fetches its binary on first use rather than at install: try that once (it answers
 * within a second where its download host is unreachable), then look again.
 */
function downloadElectronBinary() {
  const installer = join(projectRoot, 'node_modules', 'electron', 'install.js');
  if (process.env.ELECTRON_EXEC_PATH || !existsSync(installer)) return undefined;
  console.log('Fetching the Electron binary (first start only)...');
  const result = spawnSync(process.execPath, [installer], { cwd: projectRoot, stdio: 'ignore', timeout: 10 * 60_000 });
  return result.status === 0 ? findElectronBinary() : undefined;
}

const electronBinary = findElectronBinary() ?? downloadElectronBinary();
if (electronBinary) startInElectron(electronBinary);
else startInBrowser();
