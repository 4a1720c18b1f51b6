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
    // Builds the programs tests run as subprocesses (the CLI, the serve harness, crash workers) once per run.
    globalSetup: ['tests/helpers/vitest-global-setup.ts'],
  },
});
