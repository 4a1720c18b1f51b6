#!/usr/bin/env node
// The test command of the README (`npm test`): typecheck, lint, unit and integration tests
// (vitest), the app built, end-to-end tests in Debian Chromium against the real backend, and the
// Electron-targeted tests (which skip with a stated reason where no Electron binary exists).
// Ends with one line: `tests: N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeMissingPackages, missingSystemPackages } from './system-packages.mjs';

// The Debian packages the tests use, before anything runs: one sentence saying what to install
// beats dozens of tests failing one by one (.ci/run installs them first).
const missingPackages = missingSystemPackages();
if (missingPackages.length > 0) {
  console.log(describeMissingPackages(missingPackages));
  process.exit(1);
}

const root = new URL('..', import.meta.url).pathname;
const output = join(root, '.test-output');
rmSync(output, { recursive: true, force: true });
mkdirSync(output, { recursive: true });

const bin = (name) => join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${label}: exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  return result.status ?? 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

// Static checks: not counted as tests, but a failure fails the run.
if (run('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']) !== 0) problems.push('typecheck failed');
if (run('lint and format', bin('biome'), ['ci', '.']) !== 0) problems.push('lint/format check failed');
// The floors (docs/ARCHITECTURE.md): no import cycle, every import points down (.dependency-cruiser.cjs).
const layers = ['electron', 'renderer/src', 'scripts', 'tests', '--config', '.dependency-cruiser.cjs']; // as `npm run deps`
if (run('import layers (dependency-cruiser)', bin('depcruise'), layers) !== 0) {
  problems.push('import layers check failed');
}

// Unit and integration tests on Node, against real SQLite files.
const vitestReport = join(output, 'vitest.json');
const vitestExit = run('unit and integration tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
if (vitestExit !== 0 && (!vitest || vitest.numFailedTests === 0)) problems.push(`vitest exited ${vitestExit}`);

// The app as shipped: main, preload and renderer built by electron-vite.
if (run('build (electron-vite)', bin('electron-vite'), ['build']) !== 0) problems.push('build failed');
// The bundle can be invalid JavaScript even when every source file is fine (two modules' top-level
// names colliding with a shim once bundled); Electron would then die at start, so parse it here.
else if (run('built main process parses', process.execPath, ['--check', 'out/main/index.js']) !== 0) {
  problems.push('the built main process is not valid JavaScript');
} else if (run('Electronegativity (Electron security checks)', bin('tsx'), ['scripts/electronegativity.ts']) !== 0) {
  problems.push('Electronegativity found problems above LOW');
}

function playwright(label, config, report) {
  const exit = run(label, bin('playwright'), ['test', '-c', config]);
  const json = readJson(report);
  if (json?.stats) {
    totals.passed += json.stats.expected + (json.stats.flaky ?? 0);
    totals.failed += json.stats.unexpected;
    totals.skipped += json.stats.skipped;
  }
  if (exit !== 0 && (!json?.stats || json.stats.unexpected === 0)) problems.push(`${label} exited ${exit}`);
}

if (existsSync(join(root, 'out/renderer/index.html'))) {
  playwright('end-to-end tests (Chromium)', 'playwright.config.ts', join(output, 'e2e-report.json'));
} else {
  problems.push('end-to-end tests not run: the renderer was not built');
}
playwright('Electron tests', 'playwright.electron.config.ts', join(output, 'electron-report.json'));

for (const problem of problems) console.log(`problem: ${problem}`);
if (problems.length > 0 && totals.failed === 0) totals.failed = problems.length;
const summary = `tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
writeFileSync(join(output, 'summary.txt'), `${summary}\n`);
console.log(summary);
process.exit(totals.failed > 0 || problems.length > 0 ? 1 : 0);
