/**
 * vitest's global setup: builds the test programs once for the whole run (tests/helpers/test-programs.ts)
 * and hands their folder to the test processes through the environment.
 */
import { buildTestPrograms, removeTestPrograms, TEST_PROGRAMS_DIR_VARIABLE } from './test-programs';

export default async function setup(): Promise<() => void> {
  const outDir = await buildTestPrograms();
  process.env[TEST_PROGRAMS_DIR_VARIABLE] = outDir;
  return () => removeTestPrograms(outDir);
}
