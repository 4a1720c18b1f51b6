import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/**
 * The screenshots of docs/screens/ (not a test: `npm test` does not run it). Build first, then:
 *   npx electron-vite build && npx playwright test -c scripts/screens/playwright.config.ts
 * Each screen and dialog of the demo county at 1280x720, as a volunteer's laptop shows it.
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'capture.spec.ts',
  outputDir: '../../.test-output/screens-results',
  reporter: [['list']],
  globalSetup: ['../../tests/e2e/global-setup.ts', '../../tests/helpers/playwright-global-setup.ts'],
  timeout: 300_000,
  use: { ...base.use, viewport: { width: 1280, height: 720 } },
});
