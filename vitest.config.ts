import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'electron/**/*.test.ts',
      'scripts/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'tests/integration/**/*.test.ts',
    ],
    environment: 'node',
    // A caucus night crosses midnight UTC: run in a zone far from it (as vxsuite does).
    env: { TZ: 'America/Anchorage' },
    testTimeout: 120_000,
    pool: 'forks',
    // Test files share each worker's loaded modules instead of re-importing the API and its libraries
    // (PDF, spreadsheet, mail, OCR) per file: the whole run 462 s -> 347 s here, module import 85 s -> 10 s.
    // Tests must not rely on module state another file left: each makes its own store, API and folders.
    isolate: false,
    // Builds the programs tests run as subprocesses (the CLI, the serve harness, crash workers) once per run.
    globalSetup: ['tests/helpers/vitest-global-setup.ts'],
  },
});
