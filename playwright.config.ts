import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the real UI against the real API: each test starts the serve harness
 * (scripts/serve/main.ts) on a fresh database and drives Debian's Chromium (TOOLCHAIN.md:
 * never `npx playwright install`). The renderer must be built first: `npm run test:e2e` does it.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: '.test-output/e2e-results',
  reporter: [['list'], ['json', { outputFile: '.test-output/e2e-report.json' }]],
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The renderer must be built; the serve harness is built here once for the run.
  globalSetup: ['./tests/e2e/global-setup.ts', './tests/helpers/playwright-global-setup.ts'],
  use: {
    viewport: { width: 1440, height: 960 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
