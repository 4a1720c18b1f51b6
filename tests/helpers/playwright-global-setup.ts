/**
 * Playwright's global setup: builds the serve harness once for the run (tests/helpers/test-programs.ts),
 * so each test's fresh harness starts as plain `node` on one file; the returned function removes it.
 */
import { buildTestPrograms, removeTestPrograms, TEST_PROGRAMS_DIR_VARIABLE } from './test-programs';

export default async function setup(): Promise<() => void> {
  const outDir = await buildTestPrograms();
  process.env[TEST_PROGRAMS_DIR_VARIABLE] = outDir;
  return () => removeTestPrograms(outDir);
}
