import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// A caucus night crosses midnight UTC: run in a zone far from it (as vxsuite does).
const env = { TZ: 'America/Anchorage' };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: [
            'electron/**/*.test.ts',
            'scripts/**/*.test.ts',
            'tests/unit/**/*.test.ts',
            'tests/integration/**/*.test.ts',
          ],
          environment: 'node',
          env,
          testTimeout: 120_000,
          pool: 'forks',
          // Test files share each worker's loaded modules instead of re-importing the API and its libraries
          // (PDF, spreadsheet, mail, OCR) per file: the whole run 462 s -> 347 s here, module import 85 s -> 10 s.
          // Tests must not rely on module state another file left: each makes its own store, API and folders.
          isolate: false,
          // Builds the programs tests run as subprocesses (the CLI, the serve harness, crash workers) once per run.
          globalSetup: ['tests/helpers/vitest-global-setup.ts'],
        },
      },
      {
        // The renderer's component tests: React screens in jsdom against a stand-in Api (renderer/src/test/).
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['renderer/src/**/*.test.tsx'],
          environment: 'jsdom',
          env,
          setupFiles: ['renderer/src/test/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
