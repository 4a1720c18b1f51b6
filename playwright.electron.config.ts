import { defineConfig } from '@playwright/test';

/**
 * The Electron shell, driven through Playwright's _electron against the built app
 * (out/main/index.js). Needs an Electron binary and the Electron build of better-sqlite3:
 *   npx electron-vite build && node scripts/rebuild-electron-native.mjs --if-needed
 *   npx playwright test -c playwright.electron.config.ts
 * On Linux without a display (CI), wrap it: xvfb-run -a npx playwright test -c playwright.electron.config.ts
 * Where no binary exists (this offline machine) the tests are skipped with the reason.
 */
export default defineConfig({
  testDir: 'tests/electron',
  // Playwright empties outputDir at each run, so the JSON report lives beside it, not in it.
  outputDir: '.test-output/electron-results',
  reporter: [['list'], ['json', { outputFile: '.test-output/electron-report.json' }]],
  // One app, one window, one database: the tests share a launch and run in order.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
});
